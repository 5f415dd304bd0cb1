import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { shareLabel, simulationRows, type RiskPolicySimulation } from './policy-simulation-view';

/**
 * What the selection-policy simulator (`npm run simulate`) says about an office's exploration and
 * control shares (`GET /api/offices/:officeId/risk-policy/simulation`): fraud found, precision and
 * fraud by parties never inspected before, for pure exploitation and for each swept share, with
 * the differences from exploitation and the shares nearest the office's policy highlighted.
 */
@Component({
  selector: 'cr-policy-simulation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ApiErrorComponent],
  template: `
    <section class="card" data-testid="policy-simulation" aria-labelledby="sim-h">
      <h2 id="sim-h">{{ 'policy.sim.title' | translate }}</h2>
      <cr-api-error [error]="error()" />
      @if (sim(); as s) {
        @if (s.run; as run) {
          <p class="muted small" data-testid="sim-run">
            {{ 'policy.sim.run.' + run.source | translate: { model: run.model, from: run.from, to: run.to, days: run.days, capacity: share(run.capacity), seed: run.seed } }}
          </p>
        }
        @if (s.office; as o) {
          <p>{{ 'policy.sim.office' | translate: { office: s.officeId, n: o.declarations, fraud: o.totalFraud } }}
            {{ 'policy.sim.current' | translate: { control: share(s.current.controlShare), exploration: share(s.current.explorationShare) } }}</p>
          <div class="scroll">
            <table class="plain sim" data-testid="sim-table">
              <thead>
                <tr>
                  <th scope="col">{{ 'policy.sim.policy' | translate }}</th>
                  <th scope="col" class="num">{{ 'policy.sim.share' | translate }}</th>
                  <th scope="col" class="num">{{ 'policy.sim.inspections' | translate }}</th>
                  <th scope="col" class="num">{{ 'policy.sim.fraudFound' | translate }}</th>
                  <th scope="col" class="num">{{ 'policy.sim.precision' | translate }}</th>
                  <th scope="col" class="num">{{ 'policy.sim.unseen' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (r of rows(); track r.policy + r.share) {
                  <tr [class.current]="r.current" [class.base]="r.policy === 'exploit'" [attr.data-policy]="r.policy" [attr.data-share]="r.share">
                    <td>{{ 'policy.sim.policies.' + r.policy | translate }}
                      @if (r.policy === 'exploit') {
                        @for (z of r.zero; track z) { <span class="tag">{{ 'policy.sim.zero.' + z | translate }}</span> }
                      } @else if (r.current) { <span class="tag">{{ 'policy.sim.nearest' | translate }}</span> }
                    </td>
                    <td class="num">{{ r.share ?? '—' }}</td>
                    <td class="num">{{ r.inspections }}</td>
                    <td class="num">{{ r.fraudFound }} <span class="delta">{{ r.fraudDelta }}</span></td>
                    <td class="num">{{ r.precision }} <span class="delta">{{ r.precisionDelta }}</span></td>
                    <td class="num">{{ r.unseen }} <span class="delta">{{ r.unseenDelta }}</span></td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          <p class="small muted">{{ 'policy.sim.legend' | translate }}</p>
        } @else if (s.run) {
          <p class="muted" data-testid="sim-none">{{ 'policy.sim.noOffice' | translate: { office: s.officeId } }}</p>
        } @else {
          <p class="muted" data-testid="sim-none">{{ 'policy.sim.noRun' | translate }}</p>
        }
        <p class="small muted">{{ 'policy.sim.note' | translate }}</p>
      } @else if (!error()) {
        <p class="muted">{{ 'common.loading' | translate }}</p>
      }
    </section>
  `,
  styles: `
    .card { background: var(--mat-sys-surface-container-low); border-radius: 12px; padding: 4px 16px 16px; margin: 12px 0; }
    .scroll { overflow-x: auto; }
    table.sim { min-width: 640px; }
    .num { text-align: right !important; white-space: nowrap; }
    .delta { display: inline-block; min-width: 3.5em; color: var(--mat-sys-on-surface-variant); font-size: 12px; }
    tr.base td { font-weight: 600; }
    tr.current td { background: var(--mat-sys-secondary-container); }
    .tag { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); margin-left: 4px; white-space: nowrap; }
    .small { font-size: 12px; }
  `,
})
export class PolicySimulationComponent {
  private readonly http = inject(HttpClient);
  /** The office whose simulation is shown. */
  readonly officeId = input.required<string>();
  protected readonly sim = signal<RiskPolicySimulation | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly rows = computed(() => (this.sim() ? simulationRows(this.sim()!) : []));
  protected readonly share = shareLabel;

  constructor() {
    effect(() => {
      const officeId = this.officeId();
      this.sim.set(null);
      this.error.set(null);
      this.http.get<RiskPolicySimulation>(`/api/offices/${encodeURIComponent(officeId)}/risk-policy/simulation`).subscribe({
        next: (s) => {
          if (s.officeId === this.officeId()) this.sim.set(s);
        },
        error: (e: unknown) => this.error.set(toApiError(e)),
      });
    });
  }
}
