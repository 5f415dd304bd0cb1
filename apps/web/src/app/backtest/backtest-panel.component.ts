import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { CriterionBacktestResult } from '../core/api.types';
import { hitRatePct, officeRows, peakDay } from './backtest-view';

/**
 * What a criterion would have selected over a past period (a backtest answer): selected
 * count, per office (selections by lane, extra inspections per day against capacity), per day,
 * overlap with the criteria in force, a warning naming the criteria of the other scope that
 * already make most of these selections (`coveredBy`), hit rate, and keyword matches with
 * examples. Used by the criterion builder and the approvals inbox.
 */
@Component({
  selector: 'cr-backtest-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @let r = result();
    <section class="backtest" [attr.aria-label]="'backtest.title' | translate" data-testid="backtest">
      <p class="headline">
        <strong data-testid="backtest-selected">{{ 'backtest.selected' | translate: { selected: r.selected, scanned: r.scanned } }}</strong>
        · {{ 'backtest.period' | translate: { from: r.period.from, to: r.period.to, days: r.period.days } }}
        · {{ 'backtest.hitRate' | translate }}: <strong>{{ hit() === null ? '—' : hit() + ' %' }}</strong>
        <span class="muted gap">({{ 'backtest.hits' | translate: { hits: r.hits, inspected: r.inspected } }})</span>
      </p>
      @if (r.coveredBy.length) {
        <p class="warn" role="alert" data-testid="covered-by">
          {{ 'backtest.coveredBy' | translate: { criteria: coveredNames() } }}
        </p>
      }
      <div class="grid">
        <div>
          <h3>{{ 'backtest.byOffice' | translate }}</h3>
          <table class="plain">
            <thead><tr><th>{{ 'backtest.office' | translate }}</th><th>{{ 'backtest.selectedCol' | translate }}</th><th>{{ 'backtest.lanes' | translate }}</th>
              <th>{{ 'backtest.extraPerDay' | translate }}</th><th>{{ 'backtest.capacity' | translate }}</th><th>{{ 'backtest.share' | translate }}</th></tr></thead>
            <tbody>
              @for (o of offices(); track o.officeId) {
                <tr [class.over]="o.overCapacity">
                  <td>{{ o.officeId }}</td><td>{{ o.selected }}</td>
                  <td><span class="lane lane-RED">{{ o.red }}</span> <span class="lane lane-YELLOW">{{ o.yellow }}</span> <span class="lane lane-GREEN">{{ o.green }}</span></td>
                  <td>{{ o.extraPerDay }}</td><td>{{ o.capacityPerDay ?? '—' }}</td><td>{{ o.shareOfCapacity === null ? '—' : o.shareOfCapacity + ' %' }}</td>
                </tr>
              } @empty { <tr><td colspan="6" class="muted">{{ 'backtest.none' | translate }}</td></tr> }
            </tbody>
          </table>
        </div>
        <div>
          <h3>{{ 'backtest.overlap' | translate }}</h3>
          <table class="plain" data-testid="backtest-overlap">
            <thead><tr><th>{{ 'backtest.criterion' | translate }}</th><th>{{ 'backtest.selectedCol' | translate }}</th><th>{{ 'backtest.overlapShare' | translate }}</th></tr></thead>
            <tbody>
              @for (o of r.overlap; track o.criterionId) {
                <tr><td class="mono">{{ o.criterionId }}</td><td>{{ o.selected }}</td><td>{{ o.share }} %</td></tr>
              } @empty { <tr><td colspan="3" class="muted">{{ 'backtest.noOverlap' | translate }}</td></tr> }
            </tbody>
          </table>
        </div>
      </div>
      <h3>{{ 'backtest.byDay' | translate }}</h3>
      @if (r.byDay.length) {
        <div class="days" role="img" [attr.aria-label]="'backtest.byDay' | translate">
          @for (d of r.byDay; track d.date) {
            <div class="day" [title]="d.date + ': ' + d.selected"><span class="bar" [style.height.%]="(100 * d.selected) / peak()"></span><span class="n">{{ d.selected }}</span></div>
          }
        </div>
        <p class="muted small">{{ r.byDay[0].date }} … {{ r.byDay[r.byDay.length - 1].date }}</p>
      } @else { <p class="muted">{{ 'backtest.none' | translate }}</p> }
      <h3>{{ 'backtest.keywords' | translate }}</h3>
      @if (r.keywordMatches.length) {
        <ul class="keywords">
          @for (k of r.keywordMatches; track k.keyword) {
            <li><strong>{{ k.keyword }}</strong> · {{ k.count }} — <span class="muted">@for (e of k.examples; track $index) { “{{ e }}”@if (!$last) {, } }</span></li>
          }
        </ul>
      } @else { <p class="muted">{{ 'backtest.noKeywords' | translate }}</p> }
    </section>
  `,
  styles: `
    .backtest { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
    .headline { margin: 4px 0 8px; }
    .gap { margin-left: 6px; }
    .warn { background: #fff0c2; color: #5c4300; padding: 8px 12px; border-radius: 8px; font-weight: 600; }
    .grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
    h3 { font: var(--mat-sys-title-small); margin: 12px 0 4px; }
    tr.over td { color: var(--mat-sys-error); font-weight: 600; }
    .lane { min-width: 28px; }
    .days { display: flex; align-items: flex-end; gap: 2px; height: 80px; overflow-x: auto; }
    .day { flex: 1 1 0; min-width: 10px; max-width: 32px; display: flex; flex-direction: column; justify-content: flex-end; align-items: center; height: 100%; }
    .bar { display: block; width: 100%; background: var(--mat-sys-primary); min-height: 1px; }
    .n { font-size: 10px; }
    .small { font-size: 12px; margin: 2px 0; }
    .keywords { margin: 0; padding-left: 20px; }
  `,
})
export class BacktestPanelComponent {
  readonly result = input.required<CriterionBacktestResult>();
  protected readonly offices = computed(() => officeRows(this.result()));
  protected readonly hit = computed(() => hitRatePct(this.result()));
  protected readonly peak = computed(() => peakDay(this.result()));
  protected readonly coveredNames = computed(() => this.result().coveredBy.map((c) => `${c.criterionId} (${c.share} %)`).join(', '));
}
