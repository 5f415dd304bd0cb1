import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { CaseDetail, DecisionRecord, ReplayResult } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { CaseTimelineComponent } from '../trace/case-timeline.component';
import { SelectionTraceComponent } from '../trace/selection-trace.component';
import { decisionCaseId, replayRows } from './replay-rows';

/**
 * Auditor's lookup: a declaration id -> its decision record as a readable trace and as raw
 * JSON, and the inspection case's timeline when one was opened (YELLOW / RED).
 */
@Component({
  selector: 'cr-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, JsonPipe, MatFormFieldModule, MatInputModule, MatButtonModule, MatTabsModule, TranslatePipe, ApiErrorComponent, SelectionTraceComponent, CaseTimelineComponent],
  template: `
    <div class="page">
      <h1>{{ 'audit.title' | translate }}</h1>
      <form class="row" (ngSubmit)="find()" role="search">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'audit.declarationId' | translate }}</mat-label>
          <input matInput name="declarationId" [(ngModel)]="query" required autocomplete="off" />
        </mat-form-field>
        <button mat-flat-button type="submit">{{ 'audit.find' | translate }}</button>
      </form>
      <cr-api-error [error]="error()" />
      @if (record(); as r) {
        @if (canReplay()) {
          <div class="row replay">
            <button mat-stroked-button type="button" (click)="replay()" [disabled]="replaying()">{{ 'replay.run' | translate }}</button>
            <span class="muted">{{ 'replay.help' | translate }}</span>
          </div>
          <cr-api-error [error]="replayError()" />
          @if (replayed(); as rp) {
            <section class="replay-result" [class.same]="rp.identical" [class.differs]="!rp.identical" data-testid="replay-result" aria-live="polite">
              <strong>{{ (rp.identical ? 'replay.identical' : 'replay.differs') | translate }}</strong>
              <div class="muted small">
                {{ 'replay.model' | translate: { name: rp.model.name, version: rp.model.version } }}
                {{ (rp.model.rescored ? 'replay.rescored' : 'replay.notRescored') | translate }}
                · {{ 'replay.versions' | translate }}: {{ rp.criteriaVersions.length }}
              </div>
              <table class="plain small">
                <tr><th scope="col"></th><th scope="col">{{ 'replay.recorded' | translate }}</th><th scope="col">{{ 'replay.replayed' | translate }}</th></tr>
                @for (row of replayRows(); track row.key) {
                  <tr [class.diff]="row.differs">
                    <th scope="row">{{ 'replay.' + row.key | translate }}</th>
                    <td class="mono">{{ row.recorded }}</td>
                    <td class="mono">{{ row.replayed }}@if (row.differs) { <span class="badge badge-sla">{{ 'replay.changed' | translate }}</span> }</td>
                  </tr>
                }
              </table>
            </section>
          }
        }
        <mat-tab-group>
          <mat-tab [label]="'audit.readable' | translate">
            <cr-selection-trace [record]="r" />
          </mat-tab>
          <mat-tab [label]="'audit.raw' | translate">
            <pre class="json" tabindex="0">{{ r | json }}</pre>
          </mat-tab>
          <mat-tab [label]="'timeline.title' | translate">
            @if (kase(); as c) {
              <p>{{ c.caseId }} · {{ 'status.' + c.status | translate }}</p>
              <cr-case-timeline [events]="c.events" />
            } @else {
              <p class="muted">{{ (caseError() ? 'audit.noCase' : 'common.loading') | translate }}</p>
              <cr-api-error [error]="caseError()" />
            }
          </mat-tab>
        </mat-tab-group>
      }
    </div>
  `,
  styles: `
    .replay { margin: 8px 0; }
    .replay-result { border-radius: 8px; padding: 8px 12px; margin: 8px 0 16px; }
    .replay-result.same { background: #d4f5dc; }
    .replay-result.differs { background: #ffdad6; }
    .replay-result table { margin-top: 8px; background: var(--mat-sys-surface); }
    .small { font: var(--mat-sys-body-small); }
    tr.diff td { font-weight: 600; }
  `,
})
export class AuditPage {
  private readonly api = inject(ApiService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  /** Route parameter (optional). */
  readonly declarationId = input<string | undefined>();
  protected query = '';
  protected readonly record = signal<DecisionRecord | null>(null);
  protected readonly kase = signal<CaseDetail | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly caseError = signal<ApiError | null>(null);
  protected readonly replayed = signal<ReplayResult | null>(null);
  protected readonly replayError = signal<ApiError | null>(null);
  protected readonly replaying = signal(false);
  /** Replay is for auditors and analysts (the API refuses the others). */
  protected readonly canReplay = computed(() => this.auth.hasRole('auditor', 'cbtc_analyst'));
  /** Recorded against replayed, field by field; `differs` marks what changed. */
  protected readonly replayRows = computed(() => replayRows(this.replayed()));

  constructor() {
    effect(() => {
      const id = this.declarationId();
      if (id) {
        this.query = id;
        this.load(id);
      }
    });
  }

  protected replay(): void {
    const id = this.declarationId();
    if (!id) return;
    this.replaying.set(true);
    this.replayError.set(null);
    this.replayed.set(null);
    this.api.replay(id).subscribe({
      next: (r) => {
        this.replaying.set(false);
        this.replayed.set(r);
      },
      error: (err: unknown) => {
        this.replaying.set(false);
        this.replayError.set(toApiError(err));
      },
    });
  }

  protected find(): void {
    const id = this.query.trim();
    if (id) void this.router.navigate(['/audit', id]);
  }

  private load(declarationId: string): void {
    this.error.set(null);
    this.record.set(null);
    this.kase.set(null);
    this.caseError.set(null);
    this.replayed.set(null);
    this.replayError.set(null);
    this.api.selection(declarationId).subscribe({
      next: (r) => {
        this.record.set(r);
        const caseId = decisionCaseId(r);
        if (!caseId) return; // GREEN: cleared without a case
        this.api.getCase(caseId).subscribe({
          next: (c) => this.kase.set(c),
          error: (err: unknown) => this.caseError.set(toApiError(err)),
        });
      },
      error: (err: unknown) => this.error.set(toApiError(err)),
    });
  }
}
