import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { DecisionRecord } from '../core/api.types';
import { FeatureLabelComponent } from './feature-label.component';
import { barWidthPct, contributionDirection, contributionSign, topShareLabel } from './model-explanation-format';

/**
 * "Why this score": the deciding model's fraud and critical-fraud scores against the
 * thresholds in force, the features that pushed the fraud score most (exact TreeSHAP, in
 * log-odds: red bars raise the risk, green ones lower it), and the challenger models' scores of
 * the same declaration, which were recorded but did not decide.
 */
@Component({
  selector: 'cr-model-explanation',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, TranslatePipe, FeatureLabelComponent],
  template: `
    @if (record(); as r) {
      <section class="why" data-testid="model-explanation" aria-labelledby="why-h">
        <h3 id="why-h">{{ 'explain.title' | translate }}</h3>
        <p>
          {{ 'explain.deciding' | translate: { name: r.model.name, version: r.model.version } }}
          → <span class="lane lane-{{ lane() }}">{{ 'lane.' + lane() | translate }}</span>
        </p>
        <dl class="scores">
          <div data-testid="fraud-score">
            <dt>{{ 'explain.fraudScore' | translate }}</dt>
            <dd>
              <strong>{{ r.model.score | number: '1.3-3' }}</strong>
              <span class="muted">
                · RED ≥ {{ r.model.thresholds.red | number: '1.3-3' }}{{ share(r.model.thresholds.redTopShare) }},
                YELLOW ≥ {{ r.model.thresholds.yellow | number: '1.3-3' }}{{ share(r.model.thresholds.yellowTopShare) }}
              </span>
            </dd>
          </div>
          @if (r.model.criticalScore != null) {
            <div data-testid="critical-score">
              <dt>{{ 'explain.criticalScore' | translate }}</dt>
              <dd>
                <strong>{{ r.model.criticalScore | number: '1.3-3' }}</strong>&#32;
                @if (r.model.thresholds.criticalRed !== undefined) {
                  <span class="muted">· RED ≥ {{ r.model.thresholds.criticalRed | number: '1.3-3' }}{{ share(r.model.thresholds.criticalRedTopShare) }}</span>
                }
              </dd>
            </div>
          }
        </dl>

        @if (r.modelExplanation; as e) {
          <h4>{{ 'explain.contributions' | translate }}</h4>
          <p class="muted">{{ 'explain.contributionsHint' | translate: { model: e.model, bias: (e.bias | number: '1.2-2'), raw: (e.rawScore | number: '1.2-2') } }}</p>
          <table class="plain contributions" data-testid="contributions">
            <thead>
              <tr>
                <th scope="col">{{ 'explain.feature' | translate }}</th>
                <th scope="col" class="num">{{ 'explain.value' | translate }}</th>
                <th scope="col" class="num">{{ 'explain.contribution' | translate }}</th>
                <th scope="col" class="bar-col"><span class="visually-hidden">{{ 'explain.bar' | translate }}</span></th>
              </tr>
            </thead>
            <tbody>
              @for (c of e.top; track c.index) {
                <tr data-testid="contribution" [class.raises]="direction(c.contribution) === 'raises'" [class.lowers]="direction(c.contribution) === 'lowers'">
                  <td><cr-feature-label [name]="c.feature" /></td>
                  <td class="num mono">{{ c.value | number: '1.0-3' }}</td>
                  <td class="num mono signed">{{ sign(c.contribution) }}{{ c.contribution | number: '1.3-3' }}</td>
                  <td class="bar-col" [attr.aria-label]="'explain.' + direction(c.contribution) | translate">
                    <div class="track">
                      <div class="bar" [style.width.%]="barWidth(c.contribution)"></div>
                    </div>
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <p class="legend muted"><span class="swatch up"></span> {{ 'explain.raises' | translate }} <span class="swatch down"></span> {{ 'explain.lowers' | translate }}</p>
        } @else {
          <p class="muted" data-testid="no-explanation">{{ 'explain.none' | translate }}</p>
        }

        @if (r.shadow?.length) {
          <h4>{{ 'explain.shadow' | translate }}</h4>
          <table class="plain" data-testid="shadow-scores">
            <thead>
              <tr>
                <th scope="col">{{ 'explain.model' | translate }}</th>
                <th scope="col" class="num">{{ 'explain.fraudScore' | translate }}</th>
                <th scope="col" class="num">{{ 'explain.criticalScore' | translate }}</th>
                <th scope="col">{{ 'explain.wouldHave' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (s of r.shadow; track s.version) {
                <tr>
                  <td>{{ s.name }} {{ s.version }} <span class="badge badge-shadow">{{ 'explain.shadowBadge' | translate }}</span></td>
                  <td class="num mono">{{ s.score | number: '1.3-3' }}</td>
                  <td class="num mono">{{ s.criticalScore === null ? '—' : (s.criticalScore | number: '1.3-3') }}</td>
                  <td><span class="lane lane-{{ s.lane }}">{{ 'lane.' + s.lane | translate }}</span></td>
                </tr>
              }
            </tbody>
          </table>
        }
      </section>
    }
  `,
  styles: `
    h3 { font: var(--mat-sys-title-small); margin: 16px 0 4px; }
    h4 { font: var(--mat-sys-label-large); margin: 12px 0 4px; }
    .scores { display: grid; gap: 4px; margin: 4px 0; }
    .scores div { display: flex; gap: 8px; }
    .scores dt { min-width: 200px; }
    .scores dd { margin: 0; }
    .num { text-align: right !important; white-space: nowrap; }
    .raises .signed { color: #93000a; }
    .lowers .signed { color: #0a5223; }
    .bar-col { width: 40%; }
    .track { position: relative; height: 12px; background: linear-gradient(to right, transparent calc(50% - 1px), var(--mat-sys-outline) calc(50% - 1px), var(--mat-sys-outline) calc(50% + 1px), transparent calc(50% + 1px)); }
    .bar { position: absolute; top: 0; height: 12px; border-radius: 2px; }
    .raises .bar { left: 50%; background: #c62828; }
    .lowers .bar { right: 50%; background: #2e9e4f; }
    .legend { display: flex; gap: 6px; align-items: center; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
    .swatch.up { background: #c62828; }
    .swatch.down { background: #2e9e4f; margin-left: 12px; }
    .badge-shadow { background: #e1e2ec; color: #1a1b21; margin-left: 6px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class ModelExplanationComponent {
  readonly record = input<DecisionRecord | null>(null);
  /** The lane the deciding model's scores asked for (the API serves it with every record). */
  protected readonly lane = computed(() => this.record()?.model.lane ?? 'GREEN');
  /** The contributions shown, so bars are scaled within the table (half the track each way). */
  private readonly shown = computed(() => this.record()?.modelExplanation?.top ?? []);
  protected readonly share = topShareLabel;
  protected readonly direction = contributionDirection;
  protected readonly sign = contributionSign;

  protected barWidth(contribution: number): number {
    return barWidthPct(contribution, this.shown());
  }
}
