import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { PAGE_ROLES } from '../page-roles';
import { riskAreaKey } from '../risk-cases/risk-case-board';
import { caseLink, caseRef, deskChoices, desksOfReport, inboxQuery, moreSubjects, subjectText, type InboxFilters } from './intelligence-inbox';
import { IntelligenceApi } from './intelligence.api';
import { INTEL_RISK_AREAS, SOURCE_TYPES, type Desk, type InboxItem, type IntelRiskArea, type SourceType } from './intelligence.types';

/**
 * The intelligence inbox of a desk (the CBTC desk or an office): reports newest first, filtered
 * on the server by desk, risk area, source type and "linked only"; each row shows when it was
 * received, its source, risk area and subtype, subjects, the desk and routing rule that sent it
 * there, and its risk case ("linked to open case RC-…" when it joined an open case).
 */
@Component({
  selector: 'cr-intelligence-inbox-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, DatePipe, MatButtonModule, MatFormFieldModule, MatSelectModule, MatSlideToggleModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <div class="row">
        <h1>{{ 'inbox.title' | translate }}</h1>
        <span class="spacer"></span>
        @if (canReport()) {
          <a mat-flat-button routerLink="/intelligence/new">{{ 'board.newIntel' | translate }}</a>
        }
      </div>
      <div class="row filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'board.desk' | translate }}</mat-label>
          <mat-select [ngModel]="desk()" (ngModelChange)="set(desk, $event)" name="desk">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (d of desks(); track d) {
              <mat-option [value]="d">{{ d === 'CBTC' ? ('board.cbtc' | translate) : ('board.office' | translate: { office: d }) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'board.riskArea' | translate }}</mat-label>
          <mat-select [ngModel]="riskArea()" (ngModelChange)="set(riskArea, $event)" name="riskArea">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (a of riskAreas; track a) { <mat-option [value]="a">{{ 'riskArea.' + a | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'intel.sourceTypeLabel' | translate }}</mat-label>
          <mat-select [ngModel]="sourceType()" (ngModelChange)="set(sourceType, $event)" name="sourceType">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (s of sourceTypes; track s) { <mat-option [value]="s">{{ 'intel.sourceType.' + s | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle [checked]="linkedOnly()" (change)="set(linkedOnly, $event.checked)">{{ 'inbox.linkedOnly' | translate }}</mat-slide-toggle>
        <button mat-stroked-button type="button" (click)="load()">{{ 'common.refresh' | translate }}</button>
        <span class="spacer"></span>
        <span class="muted" role="status">{{ 'inbox.shown' | translate: { shown: reports().length, total: total() } }}</span>
      </div>
      <cr-api-error [error]="error()" />
      <table class="plain inbox" [attr.aria-busy]="loading()">
        <thead>
          <tr>
            <th class="c-received">{{ 'inbox.received' | translate }}</th>
            <th class="c-source">{{ 'intel.source' | translate }}</th>
            <th class="c-area">{{ 'board.riskArea' | translate }}</th>
            <th class="c-subjects">{{ 'intel.subjects' | translate }}</th>
            <th class="c-desk">{{ 'inbox.deskRule' | translate }}</th>
            <th class="c-case">{{ 'inbox.case' | translate }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of reports(); track r.reportId) {
            <tr [attr.data-report]="r.reportId">
              <td class="c-received">{{ r.receivedAt | date: 'yyyy-MM-dd HH:mm' }}<div class="muted small">{{ r.reportedBy }}</div></td>
              <td class="c-source">
                {{ r.source.organisation }}
                <div class="muted small">{{ 'intel.sourceType.' + r.source.type | translate }}@if (r.source.country) { · {{ r.source.country }} }</div>
              </td>
              <td class="c-area">{{ areaKey(r.riskArea, r.smugglingSubtype) | translate }}</td>
              <td class="c-subjects">
                @for (s of r.subjects; track $index) {
                  <div>@if (s.kind === 'IDENTIFIER' && s.idType) { {{ 'intel.idTypes.' + s.idType | translate }} {{ s.value }} } @else { {{ subject(s) }} }</div>
                }
                @if (more(r) > 0) { <div class="muted small">{{ 'inbox.moreSubjects' | translate: { count: more(r) } }}</div> }
              </td>
              <td class="c-desk">
                @for (d of desksOf(r); track d) {
                  <span class="desk">{{ d === 'CBTC' ? ('board.cbtc' | translate) : ('board.office' | translate: { office: d }) }}</span>
                }
                <div class="muted small mono">{{ r.routeRule }}</div>
              </td>
              <td class="c-case" data-testid="case-link">
                <a [routerLink]="['/risk-cases', r.riskCaseId]">{{ 'inbox.link.' + link(r) | translate: { case: ref(r.riskCaseId) } }}</a>
                @if (r.caseStatus) { <div class="muted small">{{ 'riskStatus.' + r.caseStatus | translate }}</div> }
              </td>
            </tr>
          } @empty {
            <tr><td colspan="6" class="muted">{{ (loading() ? 'common.loading' : 'inbox.empty') | translate }}</td></tr>
          }
        </tbody>
      </table>
      @if (reports().length < total()) {
        <p class="more"><button mat-stroked-button type="button" (click)="load(true)" [disabled]="loading()">{{ 'inbox.showMore' | translate }}</button></p>
      }
    </div>
  `,
  styles: `
    .filters { margin-bottom: 12px; }
    .inbox { table-layout: fixed; }
    .inbox td { overflow-wrap: anywhere; }
    .c-received { width: 12%; } .c-source { width: 18%; } .c-area { width: 15%; } .c-subjects { width: 20%; } .c-desk { width: 14%; } .c-case { width: 21%; }
    .small { font-size: 12px; }
    .desk { display: block; }
    .more { text-align: center; }
  `,
})
export class IntelligenceInboxPage {
  private readonly api = inject(IntelligenceApi);
  private readonly auth = inject(AuthService);
  protected readonly riskAreas = INTEL_RISK_AREAS;
  protected readonly sourceTypes = SOURCE_TYPES;
  protected readonly desk = signal<Desk | ''>('');
  protected readonly riskArea = signal<IntelRiskArea | ''>('');
  protected readonly sourceType = signal<SourceType | ''>('');
  protected readonly linkedOnly = signal(false);
  protected readonly reports = signal<InboxItem[]>([]);
  protected readonly desks = signal<string[]>(['CBTC']);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly canReport = computed(() => (PAGE_ROLES.intelligence as readonly string[]).includes(this.auth.user()?.role ?? ''));
  protected readonly areaKey = riskAreaKey;
  protected readonly subject = subjectText;
  protected readonly more = moreSubjects;
  protected readonly link = caseLink;
  protected readonly ref = caseRef;
  protected readonly desksOf = desksOfReport;
  /** Number of the last load sent: an older answer arriving late is dropped. */
  private loads = 0;

  constructor() {
    this.load();
  }

  /** Sets one filter and reloads from the server. */
  protected set<T>(filter: { set(value: T): void }, value: T): void {
    filter.set(value);
    this.load();
  }


  /** Loads the first page for the filters, or with `more` the next page after the reports shown. */
  protected load(more = false): void {
    const filters: InboxFilters = { desk: this.desk(), riskArea: this.riskArea(), sourceType: this.sourceType(), linkedOnly: this.linkedOnly() };
    const shown = more ? this.reports() : [];
    const load = ++this.loads;
    this.loading.set(true);
    this.error.set(null);
    this.api.inbox(inboxQuery(filters, shown.length)).subscribe({
      next: (res) => {
        if (load !== this.loads) return;
        // Reports received meanwhile shift the pages: one already shown may come again.
        const seen = new Set(shown.map((r) => r.reportId));
        this.reports.set([...shown, ...res.reports.filter((r) => !seen.has(r.reportId))]);
        this.total.set(res.total);
        this.desks.set(deskChoices(this.desks(), res.reports));
        this.loading.set(false);
      },
      error: (err: unknown) => {
        if (load !== this.loads) return;
        this.loading.set(false);
        this.error.set(toApiError(err));
      },
    });
  }
}
