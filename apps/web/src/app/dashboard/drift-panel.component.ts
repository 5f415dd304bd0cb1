import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { toApiError, type ApiError } from '../core/api-error';
import { ApiErrorComponent } from '../core/api-error.component';
import { FeatureLabelComponent } from '../trace/feature-label.component';
import { alertCounts, criterionHitRows, cutoffRows, laneHitRows, psiLevel, subjectRows, type DriftReport } from './drift-view';

/**
 * The dashboard's drift panel (`GET /api/drift`, analysts, supervisors and auditors): for the
 * latest ISO week of the deciding model's decisions, the alerts (PSI above 0.1 WARN, above 0.25
 * ALERT), the PSI of the score and of the features that moved most, the RED / YELLOW cut-offs the
 * week's scores suggest against the recorded ones, hit rates per model lane and the criteria whose
 * hit rate moved most; below, the score PSI and alerts of the earlier weeks.
 */
@Component({
  selector: 'cr-drift-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ApiErrorComponent, FeatureLabelComponent],
  template: `
    <h2 id="drift-h">{{ 'dashboard.drift.title' | translate }}</h2>
    <cr-api-error [error]="error()" />
    @if (report(); as r) {
      @if (r.latest; as w) {
        <p class="lead" data-testid="drift-week">
          {{ 'dashboard.drift.weekOf' | translate: { week: w.week, from: w.from, to: w.to, n: w.n, model: r.model.name + ' ' + r.model.version } }}
        </p>
        <div class="alerts" data-testid="drift-alerts">
          @if (w.lowVolume) {
            <span class="chip muted-chip">{{ 'dashboard.drift.lowVolume' | translate: { min: r.thresholds.minRows } }}</span>
          } @else {
            <span class="chip level-ALERT">{{ 'dashboard.drift.alertCount' | translate: { n: counts()!.ALERT } }}</span>
            <span class="chip level-WARN">{{ 'dashboard.drift.warnCount' | translate: { n: counts()!.WARN } }}</span>
          }
          <span class="muted small">{{ 'dashboard.drift.thresholds' | translate: { warn: r.thresholds.warn, alert: r.thresholds.alert } }}</span>
        </div>
        <div class="cols">
          <div>
            <table class="plain small" data-testid="drift-psi">
              <caption>{{ 'dashboard.drift.psiCaption' | translate }}</caption>
              <thead><tr><th scope="col">{{ 'dashboard.drift.subject' | translate }}</th><th scope="col" class="num">PSI</th><th scope="col">{{ 'dashboard.drift.level' | translate }}</th></tr></thead>
              <tbody>
                @for (s of subjects().rows; track s.subject) {
                  <tr [attr.data-subject]="s.subject">
                    <td class="subject">
                      @if (s.isScore) { <strong>{{ 'dashboard.drift.score' | translate }}</strong> } @else { <cr-feature-label [name]="s.subject" /> }
                      @if (s.history) { <span class="tag">{{ 'dashboard.drift.history' | translate }}</span> }
                    </td>
                    <td class="num mono">{{ s.psi }}</td>
                    <td><span class="chip level-{{ s.level }}">{{ 'dashboard.drift.levels.' + s.level | translate }}</span></td>
                  </tr>
                }
              </tbody>
            </table>
            @if (subjects().more) { <p class="muted small">{{ 'dashboard.drift.moreFeatures' | translate: { n: subjects().more } }}</p> }
            <p class="muted small">
              @if (r.featureReference; as f) {
                {{ 'dashboard.drift.featureRef' | translate: { file: f.file, rows: f.rows, from: f.from ?? '—' } }}
              } @else {
                {{ 'dashboard.drift.noFeatureRef' | translate }}
              }
            </p>
          </div>
          <div>
            <table class="plain small" data-testid="drift-cutoffs">
              <caption>{{ 'dashboard.drift.cutoffsCaption' | translate }}</caption>
              <thead><tr>
                <th scope="col">{{ 'dashboard.drift.lane' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.recorded' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.suggested' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.shareAtRecorded' | translate }}</th>
              </tr></thead>
              <tbody>
                @for (c of cutoffs(); track c.lane) {
                  <tr [attr.data-lane]="c.lane">
                    <td><span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span> <span class="muted">{{ 'dashboard.drift.top' | translate: { share: c.topShare } }}</span></td>
                    <td class="num mono">{{ c.recorded }}</td>
                    <td class="num mono">{{ c.suggested }} <span class="muted">({{ c.delta }})</span></td>
                    <td class="num">{{ c.shareAtRecorded }}</td>
                  </tr>
                }
              </tbody>
            </table>
            <table class="plain small" data-testid="drift-hit-lanes">
              <caption>{{ 'dashboard.drift.hitCaption' | translate }}</caption>
              <thead><tr>
                <th scope="col">{{ 'dashboard.drift.laneOrCriterion' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.inspected' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.hitRate' | translate }}</th>
                <th scope="col" class="num">{{ 'dashboard.drift.change' | translate }}</th>
              </tr></thead>
              <tbody>
                @for (h of lanes(); track h.id) {
                  <tr><td><span class="lane lane-{{ h.id }}">{{ 'lane.' + h.id | translate }}</span></td><td class="num">{{ h.inspected }}</td><td class="num">{{ h.hitRate }}</td><td class="num">{{ h.change }}</td></tr>
                }
                @for (h of criteria(); track h.id) {
                  <tr><td><code>{{ h.id }}</code></td><td class="num">{{ h.inspected }}</td><td class="num">{{ h.hitRate }}</td><td class="num">{{ h.change }}</td></tr>
                }
              </tbody>
            </table>
          </div>
        </div>
        @if (r.weeks.length > 1) {
          <table class="plain small weeks" data-testid="drift-weeks">
            <caption>{{ 'dashboard.drift.weeksCaption' | translate }}</caption>
            <thead><tr>
              <th scope="col">{{ 'dashboard.drift.week' | translate }}</th>
              <th scope="col" class="num">{{ 'dashboard.drift.declarations' | translate }}</th>
              <th scope="col" class="num">{{ 'dashboard.drift.scorePsi' | translate }}</th>
              <th scope="col" class="num">{{ 'dashboard.drift.alertsCol' | translate }}</th>
            </tr></thead>
            <tbody>
              @for (x of r.weeks; track x.week) {
                <tr><td class="mono">{{ x.week }}</td><td class="num">{{ x.n }}</td>
                  <td class="num mono"><span class="chip level-{{ level(x.scorePsi) }}">{{ x.scorePsi.toFixed(3) }}</span></td>
                  <td class="num">{{ x.lowVolume ? '—' : x.alerts.length }}</td></tr>
              }
            </tbody>
          </table>
        }
      } @else {
        <p class="muted">{{ 'dashboard.drift.noData' | translate }}</p>
      }
    } @else if (!error()) {
      <p class="muted">{{ 'common.loading' | translate }}</p>
    }
  `,
  styles: `
    .lead { margin: 0 0 8px; }
    .alerts { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; }
    .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 24px; align-items: start; }
    caption { text-align: left; font: var(--mat-sys-title-small); padding: 4px 0; }
    table { width: 100%; margin-bottom: 8px; }
    .weeks { max-width: 560px; }
    .num { text-align: right !important; white-space: nowrap; }
    .mono { font-family: ui-monospace, monospace; }
    .small { font: var(--mat-sys-body-small); }
    .subject { overflow-wrap: anywhere; }
    .chip { display: inline-block; padding: 1px 8px; border-radius: 10px; font: var(--mat-sys-label-medium); white-space: nowrap; }
    .level-OK { background: var(--mat-sys-surface-container-high); }
    .level-WARN { background: #fff0c2; color: #5c4400; }
    .level-ALERT { background: #ffdad6; color: #8c1d18; }
    .muted-chip { background: var(--mat-sys-surface-container-high); color: var(--mat-sys-on-surface-variant); }
    .tag { font-size: 11px; padding: 1px 6px; border-radius: 8px; background: var(--mat-sys-surface-container-high); margin-left: 4px; }
  `,
})
export class DriftPanelComponent {
  private readonly http = inject(HttpClient);
  protected readonly report = signal<DriftReport | null>(null);
  protected readonly error = signal<ApiError | null>(null);

  protected readonly counts = computed(() => (this.report()?.latest ? alertCounts(this.report()!.latest!) : null));
  protected readonly subjects = computed(() => {
    const r = this.report();
    return r?.latest ? subjectRows(r.latest, r.thresholds) : { rows: [], more: 0 };
  });
  protected readonly cutoffs = computed(() => (this.report()?.latest ? cutoffRows(this.report()!.latest!) : []));
  protected readonly lanes = computed(() => (this.report()?.latest ? laneHitRows(this.report()!.latest!) : []));
  protected readonly criteria = computed(() => (this.report()?.latest ? criterionHitRows(this.report()!.latest!) : []));

  constructor() {
    this.http.get<DriftReport>('/api/drift').subscribe({ next: (r) => this.report.set(r), error: (e: unknown) => this.error.set(toApiError(e)) });
  }

  protected level(psi: number) {
    const r = this.report();
    return r ? psiLevel(psi, r.thresholds) : 'OK';
  }
}
