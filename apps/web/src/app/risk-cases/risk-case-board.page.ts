import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { PAGE_ROLES } from '../page-roles';
import { INTEL_RISK_AREAS } from '../intelligence/intelligence.types';
import { AGE_CHOICES, ageDays, boardColumns, boardDesks, boardQuery, daysLeft, desksOf, riskAreaKey, type BoardFilters } from './risk-case-board';
import type { RiskCaseStatusCounts } from './risk-case.types';
import type { RiskCaseSummary } from './risk-case.types';
import { RiskCasesApi } from './risk-cases.api';
import { shortCaseId } from './short-id';

/** Cases the board loads at once (the API's page limit); the column counts cover every matching case. */
const BOARD_LIMIT = 500;

/**
 * The risk-case board: one column per state with its count, filtered on the server by risk
 * area, desk (the CBTC desk or an office) and age; the counts are the server's, over every
 * matching case, and the cards the newest {@link BOARD_LIMIT} of them. Each card shows its risk
 * area with the smuggling subtype, risk level, desk and the days left in its validity window.
 */
@Component({
  selector: 'cr-risk-case-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, MatFormFieldModule, MatSelectModule, MatButtonModule, TranslatePipe, ApiErrorComponent],
  template: `
    <div class="page">
      <div class="row">
        <h1>{{ 'board.title' | translate }}</h1>
        <span class="spacer"></span>
        @if (canReport()) {
          <a mat-flat-button routerLink="/intelligence/new">{{ 'board.newIntel' | translate }}</a>
        }
      </div>
      <div class="row filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'board.riskArea' | translate }}</mat-label>
          <mat-select [ngModel]="riskArea()" (ngModelChange)="set(riskArea, $event)" name="riskArea">
            <mat-option value="">{{ 'common.all' | translate }}</mat-option>
            @for (a of riskAreas; track a) {
              <mat-option [value]="a">{{ areaKey(a) | translate }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
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
          <mat-label>{{ 'board.age' | translate }}</mat-label>
          <mat-select [ngModel]="maxAge()" (ngModelChange)="set(maxAge, $event)" name="age">
            <mat-option value="">{{ 'board.anyAge' | translate }}</mat-option>
            @for (d of ageChoices; track d) {
              <mat-option [value]="d">{{ 'board.maxAge' | translate: { days: d } }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <button mat-stroked-button type="button" (click)="load()">{{ 'common.refresh' | translate }}</button>
        <span class="spacer"></span>
        <span class="muted" role="status">{{ 'board.shown' | translate: { shown: cases().length, total: total() } }}</span>
      </div>
      <cr-api-error [error]="error()" />
      <div class="board" [attr.aria-busy]="loading()">
        @for (col of columns(); track col.status) {
          <section class="column" [attr.aria-labelledby]="'col-' + col.status" [attr.data-status]="col.status">
            <h2 [id]="'col-' + col.status">
              {{ 'riskStatus.' + col.status | translate }} <span class="count" data-testid="count">{{ col.count }}</span>
            </h2>
            @for (c of col.cases; track c.riskCaseId) {
              <a class="card" [routerLink]="['/risk-cases', c.riskCaseId]" [attr.data-case]="c.riskCaseId">
                <span class="id mono">{{ short(c.riskCaseId) }}</span>
                <span class="area" data-testid="area">{{ areaKey(c.riskArea, c.smugglingSubtype) | translate }}</span>
                <span class="meta">
                  @if (c.riskLevel) { <span class="badge level-{{ c.riskLevel }}">{{ 'riskLevel.' + c.riskLevel | translate }}</span> }
                  <span>{{ deskLabel(c) }}</span>
                </span>
                <span class="meta muted">
                  <span>{{ 'board.ageDays' | translate: { days: age(c) } }}</span>
                  @if (left(c); as l) {
                    <span class="left" [class.soon]="l <= 3">{{ 'board.daysLeft' | translate: { days: l } }}</span>
                  } @else if (c.windowEndsAt) {
                    <span>{{ 'board.windowEnded' | translate }}</span>
                  }
                </span>
              </a>
            } @empty {
              <p class="muted empty">—</p>
            }
          </section>
        }
      </div>
    </div>
  `,
  styles: `
    .filters { margin-bottom: 12px; }
    .board { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 8px; align-items: start; }
    .column { background: var(--mat-sys-surface-container-low); border-radius: 8px; padding: 6px; min-height: 120px; }
    .column h2 { font: var(--mat-sys-title-small); margin: 4px 4px 8px; display: flex; justify-content: space-between; gap: 4px; }
    .count { background: var(--mat-sys-secondary-container); border-radius: 10px; padding: 0 8px; }
    .card { display: flex; flex-direction: column; gap: 4px; padding: 8px; margin-bottom: 6px; border-radius: 6px; background: var(--mat-sys-surface);
      border: 1px solid var(--mat-sys-outline-variant); color: inherit; text-decoration: none; font: var(--mat-sys-body-small); overflow-wrap: anywhere; }
    .card:hover { border-color: var(--mat-sys-primary); }
    .area { font-weight: 600; }
    .meta { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
    .left.soon { color: var(--mat-sys-error); font-weight: 600; }
    .empty { text-align: center; }
    .level-HIGH { background: #ffdad6; color: #93000a; }
    .level-MEDIUM { background: #fff0c2; color: #5c4300; }
    .level-LOW { background: #d4f5dc; color: #0a5223; }
  `,
})
export class RiskCaseBoardPage {
  private readonly api = inject(RiskCasesApi);
  private readonly auth = inject(AuthService);
  protected readonly ageChoices = AGE_CHOICES;
  protected readonly riskAreas = INTEL_RISK_AREAS;
  protected readonly riskArea = signal<BoardFilters['riskArea']>('');
  protected readonly desk = signal<BoardFilters['desk']>('');
  /** Oldest age shown, days; `''` = any (a value Material's select shows, unlike null). */
  protected readonly maxAge = signal<number | ''>('');
  protected readonly cases = signal<RiskCaseSummary[]>([]);
  private readonly counts = signal<Partial<RiskCaseStatusCounts>>({});
  protected readonly desks = signal<string[]>(['CBTC']);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly columns = computed(() => boardColumns(this.cases(), this.counts()));
  protected readonly canReport = computed(() => (PAGE_ROLES.intelligence as readonly string[]).includes(this.auth.user()?.role ?? ''));
  protected readonly areaKey = riskAreaKey;
  protected readonly short = shortCaseId;
  /** Number of the last load sent: an older answer arriving late is dropped. */
  private loads = 0;

  constructor() {
    this.load();
  }

  protected age(c: RiskCaseSummary): number {
    return ageDays(c.openedAt);
  }
  protected left(c: RiskCaseSummary): number | null {
    return daysLeft(c.windowEndsAt);
  }
  protected deskLabel(c: RiskCaseSummary): string {
    return desksOf(c).join(' · ');
  }

  /** Sets one filter and reloads from the server. */
  protected set<T>(filter: { set(value: T): void }, value: T): void {
    filter.set(value);
    this.load();
  }

  protected load(): void {
    const filters: BoardFilters = { riskArea: this.riskArea(), desk: this.desk(), maxAgeDays: this.maxAge() === '' ? null : Number(this.maxAge()) };
    const load = ++this.loads;
    this.loading.set(true);
    this.error.set(null);
    this.api.list(boardQuery(filters, BOARD_LIMIT)).subscribe({
      next: (res) => {
        if (load !== this.loads) return;
        this.cases.set(res.riskCases);
        this.counts.set(res.counts);
        this.total.set(res.total);
        this.desks.set(boardDesks(this.desks(), res.riskCases));
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
