import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { CriterionHitRate, CriterionOverlap, ReviewedCriterion, TargetDocument } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { pctLabel } from '../core/format';
import { overlapsByCriterion } from './criterion-overlaps';
import { documentKey } from './criterion-form';
import { canApprove, criterionDocument, criterionState, documentChipKey, filterCriteria, validityDay } from './criterion-review';

/** The documents a criterion can target, in the API's order (the filter's choices). */
const DOCUMENTS: readonly TargetDocument[] = ['IMPORT_DECLARATION', 'EXPRESS_MANIFEST', 'PASSENGER'];

/**
 * The selectivity criteria (newest version of each), filterable by text and by target document
 * (express-manifest and passenger criteria carry a chip naming theirs): scope, lane, state
 * (awaiting approval / in force / retired), version, author and approver, hit rate so far
 * (`GET /api/stats/criteria`), and "Approve" for whoever may check it (maker-checker: a
 * supervisor of the office for LOCAL, another analyst for CENTRAL; never the author).
 */
@Component({
  selector: 'cr-criteria-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatTableModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <div class="row">
        <h1>{{ 'criteria.title' | translate }}</h1>
        <span class="spacer"></span>
        @if (canWrite()) {
          <a mat-flat-button routerLink="/criteria/new">{{ 'criteria.new' | translate }}</a>
        }
      </div>
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
          <mat-label>{{ 'criteria.filter' | translate }}</mat-label>
          <input matInput [ngModel]="filter()" (ngModelChange)="filter.set($event)" name="filter" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="doc-filter">
          <mat-label>{{ 'criteria.document' | translate }}</mat-label>
          <select matNativeControl [ngModel]="documentFilter()" (ngModelChange)="documentFilter.set($event || null)" name="document">
            <option value="">{{ 'criteria.allDocuments' | translate }}</option>
            @for (d of documents; track d) { <option [value]="d">{{ documentKey(d) | translate }}</option> }
          </select>
        </mat-form-field>
      </div>
      @if (created()) {
        <p role="status" class="notice" data-testid="created">{{ 'criteria.created' | translate: { ref: created() } }}</p>
      }
      @if (approvedNow(); as a) {
        <p role="status" class="notice" data-testid="approved">{{ 'criteria.approvedNow' | translate: { ref: a } }}</p>
      }
      <cr-api-error [error]="error()" />
      <cr-api-error [error]="actionError()" />
      <table mat-table [dataSource]="rows()" class="criteria">
        <ng-container matColumnDef="id">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.id' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="nowrap"><span class="mono">{{ c.id }} v{{ c.version }}</span>
            @if (chipOf(c); as chip) {
              <div class="doc doc-{{ documentOf(c) }}" data-testid="criterion-document" [title]="documentKey(documentOf(c)) | translate">{{ chip | translate }}</div>
            }
            @for (o of overlapsOf(c.id); track o.otherId) {
              <div class="overlap small" data-testid="overlap" [title]="'criteria.overlapTitle' | translate: o">{{ 'criteria.overlap' | translate: o }}</div>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="scope">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.scope' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ 'scope.' + c.scope | translate }}{{ c.officeId ? ' · ' + c.officeId : '' }}</td>
        </ng-container>
        <ng-container matColumnDef="lane">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.lane' | translate }}</th>
          <td mat-cell *matCellDef="let c"><span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'queue.status' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="nowrap">
            <span class="state state-{{ state(c) }}" data-testid="criterion-state">{{ 'criteria.state.' + state(c) | translate }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="review">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.review' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="small">
            <div>{{ 'criteria.author' | translate }}: <span class="nowrap">{{ c.createdBy ?? '—' }}</span></div>
            <div>{{ 'criteria.approver' | translate }}: <span class="nowrap">{{ c.approvedBy ?? '—' }}</span></div>
          </td>
        </ng-container>
        <ng-container matColumnDef="hitRate">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.hitRate' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="nowrap">
            @if (hitRate(c.id); as h) {
              <span [title]="'criteria.hitRateTitle' | translate: h">{{ pct(h.hitRatePct) }}</span>
              <div class="muted small">{{ 'criteria.hitsOf' | translate: h }}</div>
            } @else { — }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef><span class="cdk-visually-hidden">{{ 'criteria.actions' | translate }}</span></th>
          <td mat-cell *matCellDef="let c">
            @if (canApprove(c)) {
              <button mat-flat-button type="button" (click)="approve(c)" [disabled]="busy()"
                      [attr.aria-label]="'criteria.approveRef' | translate: { ref: c.id + ' v' + c.version }">{{ 'criteria.approve' | translate }}</button>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="riskArea">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.riskArea' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.riskArea }}</td>
        </ng-container>
        <ng-container matColumnDef="reason">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.reason' | translate }}</th>
          <td mat-cell *matCellDef="let c" class="reason">{{ c.reason }}<div class="muted small">{{ 'riskArea.' + c.riskArea | translate }} · {{ c.keywords?.join(', ') }}</div></td>
        </ng-container>
        <ng-container matColumnDef="validity">
          <th mat-header-cell *matHeaderCellDef>{{ 'criteria.validity' | translate }}</th>
          <!-- Two lines when the table needs the room: each day whole, the dash with the first. -->
          <td mat-cell *matCellDef="let c"><span class="nowrap">{{ day(c.validFrom) }} –</span> <span class="nowrap">{{ day(c.validTo) }}</span></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns" [attr.data-testid]="'criterion-' + row.id"></tr>
        <tr class="mat-row" *matNoDataRow><td class="mat-cell" [attr.colspan]="columns.length">{{ (loading() ? 'common.loading' : 'criteria.empty') | translate }}</td></tr>
      </table>
      @if (control(); as cs) {
        <p class="muted">{{ 'criteria.controlBaseline' | translate: { pct: cs.hitRatePct ?? '—', hits: cs.hits, inspected: cs.inspected } }}</p>
      }
    </div>
  `,
  styles: `
    .filters { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
    .filter { width: 320px; }
    .doc-filter { width: 220px; }
    .doc { display: block; width: fit-content; margin-top: 2px; padding: 0 8px; border-radius: 12px; font-size: 12px; font-weight: 600; }
    .doc-EXPRESS_MANIFEST { background: #dde3ff; color: #1a2c6b; }
    .doc-PASSENGER { background: #f3dcf5; color: #5a1d63; }
    .small { font: var(--mat-sys-body-small); }
    .nowrap { white-space: nowrap; }
    /* Korean words break at spaces, not between syllables (중앙, not 중 / 앙). */
    .criteria { width: 100%; word-break: keep-all; }
    .reason { min-width: 220px; }
    .notice { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
    .overlap { color: #5c4300; background: #fff0c2; border-radius: 6px; padding: 0 6px; margin-top: 2px; width: fit-content; }
    .state { display: inline-block; padding: 2px 8px; border-radius: 12px; font-size: 12px; font-weight: 600; background: #e1e2ec; }
    .state-AWAITING { background: #fff0c2; color: #5c4300; }
    .state-IN_FORCE { background: #d4f5dc; color: #0a5223; }
    .state-RETIRED, .state-EXPIRED { background: #e1e2ec; color: #44474f; }
  `,
})
export class CriteriaListPage {
  private readonly api = inject(ApiService);
  private readonly auth = inject(AuthService);
  private readonly today = new Date().toISOString().slice(0, 10);
  protected readonly columns = ['id', 'scope', 'lane', 'status', 'review', 'hitRate', 'reason', 'validity', 'actions'];
  protected readonly criteria = signal<ReviewedCriterion[]>([]);
  protected readonly hitRates = signal<Map<string, CriterionHitRate>>(new Map());
  protected readonly control = signal<{ inspected: number; hits: number; hitRatePct: number | null } | null>(null);
  protected readonly filter = signal('');
  /** The target document to list, or null for every one. */
  protected readonly documentFilter = signal<TargetDocument | null>(null);
  protected readonly documents = DOCUMENTS;
  protected readonly documentKey = documentKey;
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly created = signal<string | null>(inject(ActivatedRoute).snapshot.queryParamMap.get('created'));
  protected readonly approvedNow = signal<string | null>(null);
  /** Analysts write any criterion; officers and supervisors local ones of their office. */
  protected readonly canWrite = computed(() => this.auth.hasRole('cbtc_analyst', 'supervisor', 'local_officer'));
  protected readonly rows = computed(() => filterCriteria(this.criteria(), this.filter(), this.documentFilter()));

  private readonly overlaps = signal<Map<string, CriterionOverlap[]>>(new Map());

  constructor() {
    this.load();
    this.api.criteriaOverlaps().subscribe({
      next: (o) => this.overlaps.set(overlapsByCriterion(o)),
      error: (err: unknown) => this.error.set(toApiError(err)),
    });
    // Hit rates: analysts, supervisors and auditors only (the API refuses officers).
    if (this.auth.hasRole('cbtc_analyst', 'supervisor', 'auditor')) {
      this.api.criteriaStats().subscribe({
        next: (s) => {
          this.hitRates.set(new Map(s.criteria.map((c) => [c.criterionId, c])));
          this.control.set(s.controlSample);
        },
        error: (err: unknown) => this.error.set(toApiError(err)),
      });
    }
  }

  protected day(iso: string | null): string {
    return validityDay(iso);
  }

  protected pct(value: number | null): string {
    return pctLabel(value);
  }

  protected documentOf(c: ReviewedCriterion): TargetDocument {
    return criterionDocument(c);
  }

  /** The chip's i18n key: a short document name for express and passenger criteria, none for declarations. */
  protected chipOf(c: ReviewedCriterion): string | null {
    return documentChipKey(criterionDocument(c));
  }

  protected state(c: ReviewedCriterion) {
    return criterionState(c, this.today);
  }

  protected overlapsOf(id: string): CriterionOverlap[] {
    return this.overlaps().get(id) ?? [];
  }

  protected hitRate(id: string): CriterionHitRate | undefined {
    return this.hitRates().get(id);
  }

  /** Maker-checker as the API applies it; the API has the last word (403 / 409). */
  protected canApprove(c: ReviewedCriterion): boolean {
    return canApprove(this.auth.user(), c);
  }

  protected approve(c: ReviewedCriterion): void {
    this.busy.set(true);
    this.actionError.set(null);
    this.approvedNow.set(null);
    this.api.approveCriterion(c.id, c.version).subscribe({
      next: (a) => {
        this.busy.set(false);
        this.approvedNow.set(`${a.id} v${a.version}`);
        this.criteria.update((list) => list.map((x) => (x.id === a.id ? { ...x, ...a } : x)));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.actionError.set(toApiError(err));
      },
    });
  }

  private load(): void {
    this.api.listCriteria().subscribe({
      next: (res) => {
        this.criteria.set(res.criteria as ReviewedCriterion[]);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(err));
      },
    });
  }
}
