import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { CriterionBacktestResult, ReviewedCriterion } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { BacktestPanelComponent } from '../backtest/backtest-panel.component';
import { approvalKey, type ApprovalItem } from './approval-item';

/**
 * The approvals inbox (maker-checker): the criterion versions waiting for the signed-in user
 * (`GET /api/criteria/approvals`), each with who wrote it, why, and its backtest, and an
 * Approve button. An approved version leaves the inbox.
 */
@Component({
  selector: 'cr-approvals-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslatePipe, ApiErrorComponent, BacktestPanelComponent],
  template: `
    <div class="page">
      <div class="row">
        <h1>{{ 'approvals.title' | translate }}</h1>
        <span class="spacer"></span>
        <button mat-stroked-button type="button" (click)="load()">{{ 'common.refresh' | translate }}</button>
      </div>
      <p class="muted">{{ 'approvals.intro' | translate }}</p>
      <cr-api-error [error]="error()" />
      @if (approved(); as a) { <p role="status" class="ok" data-testid="approved">{{ 'approvals.done' | translate: { id: a } }}</p> }
      @for (item of items(); track item.key) {
        @let c = item.criterion;
        <article class="item" [attr.data-criterion]="c.id">
          <div class="row">
            <h2 class="mono">{{ c.id }} v{{ c.version }}</h2>
            <span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span>
            <span>{{ 'scope.' + c.scope | translate }}@if (c.officeId) { · {{ c.officeId }} }</span>
            <span>{{ 'riskArea.' + c.riskArea | translate }}</span>
            <span class="muted">{{ 'approvals.by' | translate: { who: c.createdBy } }} · {{ c.validFrom }} – {{ c.validTo }}</span>
            <span class="spacer"></span>
            <button mat-flat-button type="button" (click)="approve(c)" [disabled]="busy() === item.key">{{ 'approvals.approve' | translate }}</button>
          </div>
          <p>{{ c.reason }}</p>
          @if (item.backtest; as b) {
            <cr-backtest-panel [result]="b" />
          } @else if (item.backtestError; as e) {
            <cr-api-error [error]="e" />
          } @else {
            <p class="muted">{{ 'backtest.running' | translate }}</p>
          }
        </article>
      } @empty {
        <p class="muted" data-testid="approvals-empty">{{ (loading() ? 'common.loading' : 'approvals.empty') | translate }}</p>
      }
    </div>
  `,
  styles: `
    .item { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 16px; margin-bottom: 16px; }
    .item h2 { margin: 8px 0; }
    .ok { background: #d4f5dc; color: #0a5223; padding: 8px 12px; border-radius: 8px; }
  `,
})
export class ApprovalsPage {
  private readonly api = inject(ApiService);
  protected readonly items = signal<ApprovalItem[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly approved = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.approvals().subscribe({
      next: (res) => {
        this.loading.set(false);
        this.items.set(res.criteria.map((criterion) => ({ key: approvalKey(criterion), criterion, backtest: null, backtestError: null })));
        for (const c of res.criteria) this.loadBacktest(c);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(err));
      },
    });
  }

  protected approve(c: ReviewedCriterion): void {
    const key = approvalKey(c);
    this.busy.set(key);
    this.error.set(null);
    this.api.approveCriterion(c.id, c.version).subscribe({
      next: () => {
        this.busy.set(null);
        this.approved.set(key);
        this.items.update((items) => items.filter((i) => i.key !== key));
      },
      error: (err: unknown) => {
        this.busy.set(null);
        this.error.set(toApiError(err));
      },
    });
  }

  private loadBacktest(c: ReviewedCriterion): void {
    const key = approvalKey(c);
    const set = (patch: Partial<ApprovalItem>) => this.items.update((items) => items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
    this.api.backtestVersion(c.id, c.version).subscribe({
      next: (b: CriterionBacktestResult) => set({ backtest: b }),
      error: (err: unknown) => set({ backtestError: toApiError(err) }),
    });
  }
}
