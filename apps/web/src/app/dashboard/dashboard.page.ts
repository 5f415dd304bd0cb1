import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { BaseChartDirective, provideCharts } from 'ng2-charts';
import { ApiService } from '../core/api.service';
import type { CriteriaStats, LaneStats, OpenCasesOffice } from '../core/api.types';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { AuthService } from '../core/auth.service';
import { pctLabel } from '../core/format';
import { DriftPanelComponent } from './drift-panel.component';
import { EscalatedCasesComponent } from './escalated-cases.component';
import { showsEscalations } from './escalations';
import { CHART_TEXT_KEYS, hitRateChartData, laneChartData, laneStatsQuery, openCasesChartData, type ChartTexts } from './dashboard-charts';

/**
 * The dashboard: GREEN/YELLOW/RED counts and the automatic-clearance share for a period of
 * acceptance dates (`GET /api/stats/lanes`), open cases per office (`/open-cases`) and the hit
 * rate per criterion against the control sample (`/criteria`; not for officers, whom the API
 * refuses), the open escalated cases (past their SLA) for supervisors, analysts and auditors, and
 * the deciding model's drift (`DriftPanelComponent`) for the same three roles. Charts by Chart.js through ng2-charts; each has its figures in text beside it.
 * Officers and supervisors see their own office (the API scopes them).
 */
@Component({
  selector: 'cr-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    provideCharts({ registerables: [BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip] }),
  ],
  imports: [FormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, ApiErrorComponent, BaseChartDirective, EscalatedCasesComponent, DriftPanelComponent],
  template: `
    <div class="page">
      <h1>{{ 'dashboard.title' | translate }}</h1>
      <form class="row" (ngSubmit)="loadLanes()" [attr.aria-label]="'dashboard.period' | translate">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'dashboard.from' | translate }}</mat-label>
          <input matInput type="date" name="from" [(ngModel)]="from" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'dashboard.to' | translate }}</mat-label>
          <input matInput type="date" name="to" [(ngModel)]="to" />
        </mat-form-field>
        @if (!ownOffice) {
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="short">
            <mat-label>{{ 'queue.office' | translate }}</mat-label>
            <input matInput name="officeId" [(ngModel)]="officeId" [placeholder]="'common.all' | translate" autocomplete="off" />
          </mat-form-field>
        }
        <button mat-flat-button type="submit">{{ 'dashboard.show' | translate }}</button>
        <span class="muted">{{ 'dashboard.periodHint' | translate }}</span>
      </form>
      <cr-api-error [error]="error()" />

      <div class="grid">
        <section class="card" aria-labelledby="lanes-h">
          <h2 id="lanes-h">{{ 'dashboard.lanes' | translate }}</h2>
          @if (lanes(); as l) {
            <div class="chart small-chart">
              <canvas baseChart type="doughnut" [data]="laneChart()" [options]="doughnutOptions" role="img"
                      [attr.aria-label]="'dashboard.lanesAria' | translate: l"></canvas>
            </div>
            <dl class="figures" data-testid="lane-figures">
              <div><dt>{{ 'dashboard.total' | translate }}</dt><dd>{{ l.total }}</dd></div>
              <div><dt><span class="lane lane-GREEN">{{ 'lane.GREEN' | translate }}</span></dt><dd>{{ l.green }}</dd></div>
              <div><dt><span class="lane lane-YELLOW">{{ 'lane.YELLOW' | translate }}</span></dt><dd>{{ l.yellow }}</dd></div>
              <div><dt><span class="lane lane-RED">{{ 'lane.RED' | translate }}</span></dt><dd>{{ l.red }}</dd></div>
              <div><dt>{{ 'dashboard.automatic' | translate }}</dt><dd data-testid="automatic-pct">{{ pct(l.automaticClearancePct) }}</dd></div>
            </dl>
          } @else { <p class="muted">{{ 'common.loading' | translate }}</p> }
        </section>

        <section class="card" aria-labelledby="open-h">
          <h2 id="open-h">{{ 'dashboard.openCases' | translate }}</h2>
          @if (offices(); as o) {
            @if (o.length) {
              <div class="chart">
                <canvas baseChart type="bar" [data]="openChart()" [options]="stackedOptions" role="img"
                        [attr.aria-label]="'dashboard.openCases' | translate"></canvas>
              </div>
              <table class="plain small" data-testid="open-cases">
                <tr><th scope="col">{{ 'queue.office' | translate }}</th><th scope="col">{{ 'status.QUEUED' | translate }}</th><th scope="col">{{ 'status.ASSIGNED' | translate }}</th><th scope="col">{{ 'status.RESULT_RECORDED' | translate }}</th><th scope="col">{{ 'queue.sla' | translate }}</th></tr>
                @for (r of o; track r.officeId) {
                  <tr><td>{{ r.officeId }}</td><td>{{ r.queued }}</td><td>{{ r.assigned }}</td><td>{{ r.resultRecorded }}</td><td>{{ r.escalated }}</td></tr>
                }
              </table>
            } @else { <p class="muted">{{ 'dashboard.noOpenCases' | translate }}</p> }
          } @else { <p class="muted">{{ 'common.loading' | translate }}</p> }
        </section>

        @if (showEscalations) {
          <section class="card wide" aria-labelledby="esc-h"><cr-escalated-cases /></section>
        }

        @if (showHitRates) {
          <section class="card wide" aria-labelledby="hit-h">
            <h2 id="hit-h">{{ 'dashboard.hitRates' | translate }}</h2>
            @if (criteria(); as s) {
              <p class="muted">{{ 'criteria.controlBaseline' | translate: { pct: s.controlSample.hitRatePct ?? '—', hits: s.controlSample.hits, inspected: s.controlSample.inspected } }}</p>
              @if (hitChart().labels?.length) {
                <div class="chart tall">
                  <canvas baseChart type="bar" [data]="hitChart()" [options]="hitOptions" role="img" [attr.aria-label]="'dashboard.hitRates' | translate"></canvas>
                </div>
              } @else { <p class="muted">{{ 'dashboard.noResults' | translate }}</p> }
            } @else { <p class="muted">{{ 'common.loading' | translate }}</p> }
          </section>
        }

        @if (showDrift) {
          <section class="card wide" aria-labelledby="drift-h" data-testid="drift-panel"><cr-drift-panel /></section>
        }
      </div>
    </div>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; margin-top: 16px; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    .card h2 { margin-top: 0; }
    .wide { grid-column: 1 / -1; }
    .chart { position: relative; height: 260px; }
    .small-chart { height: 220px; }
    .tall { height: 420px; }
    .short { width: 120px; }
    .figures { display: flex; flex-wrap: wrap; gap: 16px; margin: 12px 0 0; }
    .figures dt { font: var(--mat-sys-label-medium); }
    .figures dd { margin: 0; font: var(--mat-sys-title-large); }
    .small { font: var(--mat-sys-body-small); margin-top: 8px; }
  `,
})
export class DashboardPage {
  private readonly api = inject(ApiService);
  private readonly translate = inject(TranslateService);
  private readonly user = inject(AuthService).user();

  /** Officers and supervisors are scoped to their own office by the API. */
  protected readonly ownOffice = this.user?.officeId ?? null;
  /** `GET /api/stats/criteria` is for analysts, supervisors and auditors. */
  protected readonly showHitRates = this.user?.role !== 'local_officer';
  /** The escalation list: supervisors (their office), analysts and auditors (every office). */
  protected readonly showEscalations = showsEscalations(this.user?.role);
  /** `GET /api/drift` is for analysts, supervisors and auditors. */
  protected readonly showDrift = ['cbtc_analyst', 'supervisor', 'auditor'].includes(this.user?.role ?? '');
  protected from = '';
  protected to = '';
  protected officeId = '';

  protected readonly lanes = signal<LaneStats | null>(null);
  protected readonly offices = signal<OpenCasesOffice[] | null>(null);
  protected readonly criteria = signal<CriteriaStats | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  /** Chart labels in the current language (re-emits once a switched language has loaded). */
  private readonly t = toSignal(
    this.translate.stream([...CHART_TEXT_KEYS]),
    { initialValue: {} as ChartTexts },
  );

  protected readonly doughnutOptions: ChartConfiguration<'doughnut'>['options'] = {
    responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } },
  };
  protected readonly stackedOptions: ChartConfiguration<'bar'>['options'] = {
    responsive: true, maintainAspectRatio: false, animation: false,
    scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
  };
  protected readonly hitOptions: ChartConfiguration<'bar'>['options'] = {
    indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
    scales: { x: { beginAtZero: true, max: 100, title: { display: true, text: '%' } } },
  };

  protected readonly laneChart = computed(() => laneChartData(this.lanes(), this.t()));
  protected readonly openChart = computed(() => openCasesChartData(this.offices() ?? [], this.t()));
  /** The criteria with the most selections that have results, and the control sample as a baseline bar. */
  protected readonly hitChart = computed(() => hitRateChartData(this.criteria(), this.t()));
  protected readonly pct = pctLabel;

  constructor() {
    this.loadLanes();
    this.api.openCases().subscribe({ next: (r) => this.offices.set(r.offices), error: (e: unknown) => this.error.set(toApiError(e)) });
    if (this.showHitRates) {
      this.api.criteriaStats().subscribe({ next: (r) => this.criteria.set(r), error: (e: unknown) => this.error.set(toApiError(e)) });
    }
  }

  protected loadLanes(): void {
    this.error.set(null);
    this.api.laneStats(laneStatsQuery(this.from, this.to, this.ownOffice, this.officeId)).subscribe({
      next: (r) => this.lanes.set(r),
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }
}
