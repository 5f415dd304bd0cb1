import { JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTabsModule } from '@angular/material/tabs';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiService } from '../core/api.service';
import type { CaseDetail, DecisionRecord } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { CaseTimelineComponent } from '../trace/case-timeline.component';
import { SelectionTraceComponent } from '../trace/selection-trace.component';

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
})
export class AuditPage {
  private readonly api = inject(ApiService);
  private readonly router = inject(Router);
  /** Route parameter (optional). */
  readonly declarationId = input<string | undefined>();
  protected query = '';
  protected readonly record = signal<DecisionRecord | null>(null);
  protected readonly kase = signal<CaseDetail | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly caseError = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      const id = this.declarationId();
      if (id) {
        this.query = id;
        this.load(id);
      }
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
    this.api.selection(declarationId).subscribe({
      next: (r) => {
        this.record.set(r);
        if (r.lane === 'GREEN' && !r.controlSample) {
          this.caseError.set(null);
          this.kase.set(null);
        }
        // The case workflow id is derived from the declaration id (README, "Inspection case").
        this.api.getCase(r.caseId ?? `inspection-case-${declarationId}`).subscribe({
          next: (c) => this.kase.set(c),
          error: (err: unknown) => this.caseError.set(toApiError(err)),
        });
      },
      error: (err: unknown) => this.error.set(toApiError(err)),
    });
  }
}
