import { Injectable, computed, inject, signal } from '@angular/core';
import { ApiService } from '../core/api.service';
import type { RiskAlert } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { markAcknowledged, unacknowledged } from './risk-alerts';

/**
 * The signed-in officer's or supervisor's risk alerts, shared by the queue page's panel and the
 * top bar's badge, so acknowledging one updates both. Loaded on demand (`load`); callers check
 * `hasRiskAlerts(role)` first, since the API refuses other roles.
 */
@Injectable({ providedIn: 'root' })
export class RiskAlertsStore {
  private readonly api = inject(ApiService);
  private readonly all = signal<RiskAlert[] | null>(null);

  /** Every alert of the office (null before the first load). */
  readonly alerts = this.all.asReadonly();
  /** The alerts not yet acknowledged by the user, most recently shared first. */
  readonly open = computed(() => unacknowledged(this.all() ?? []));
  readonly error = signal<ApiError | null>(null);
  /** The risk case being acknowledged, or null. */
  readonly busy = signal<string | null>(null);

  /** (Re)loads the alerts; an error is kept in `error`. */
  load(): void {
    this.api.riskAlerts().subscribe({
      next: (r) => {
        this.error.set(null);
        this.all.set(r.alerts);
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }

  /** Acknowledges one alert; on success it leaves `open`. */
  acknowledge(riskCaseId: string): void {
    this.busy.set(riskCaseId);
    this.api.acknowledgeRiskAlert(riskCaseId).subscribe({
      next: (r) => {
        this.busy.set(null);
        this.error.set(null);
        this.all.set(markAcknowledged(this.all() ?? [], r.riskCaseId, r.acknowledgedAt));
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.error.set(toApiError(e));
      },
    });
  }

  /** Forgets the alerts (on sign-out). */
  clear(): void {
    this.all.set(null);
    this.error.set(null);
  }
}
