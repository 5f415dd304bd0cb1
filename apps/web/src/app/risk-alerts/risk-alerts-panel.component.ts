import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiErrorComponent } from '../core/api-error.component';
import { ALERTS_FOLDED, goodsText, riskAreaKey, routeText, shownAlerts } from './risk-alerts';
import { RiskAlertsStore } from './risk-alerts.store';

/**
 * The queue page's "Risk alerts" panel for officers and supervisors: the risk cases a CBTC
 * analyst shared with their office that they have not acknowledged, each with its risk area and
 * level, what to look for (subjects, goods, routes, the analyst's note), who shared it and when,
 * a link to the risk case and an "Acknowledge" button; the first `ALERTS_FOLDED` until the user
 * unfolds the rest, so the queue stays in view. Shows nothing when every alert is acknowledged. The host page shows it only to users with alerts (`hasRiskAlerts`).
 */
@Component({
  selector: 'cr-risk-alerts-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, RouterLink, MatButtonModule, TranslatePipe, ApiErrorComponent],
  template: `
    <cr-api-error [error]="store.error()" />
    @if (store.open(); as open) {
      @if (open.length) {
        <section class="alerts" aria-labelledby="alerts-h" data-testid="risk-alerts">
          <h2 id="alerts-h">{{ 'alerts.title' | translate: { count: open.length } }}</h2>
          @for (a of shown(); track a.riskCaseId) {
            <article class="alert" [attr.data-risk-case]="a.riskCaseId">
              <div class="head">
                @if (a.riskLevel) { <span class="badge level-{{ a.riskLevel }}">{{ 'riskLevel.' + a.riskLevel | translate }}</span> }
                <strong>{{ areaKey(a) | translate }}</strong>
                @if (a.composite !== null) { <span class="muted">{{ 'alerts.composite' | translate: { composite: a.composite } }}</span> }
                <span class="spacer"></span>
                <span class="muted">{{ 'alerts.sharedBy' | translate: { who: a.sharedBy, when: (a.sharedAt | date: 'yyyy-MM-dd HH:mm') } }}</span>
              </div>
              <dl class="look">
                @if (a.lookFor.subjects.length) {
                  <div><dt>{{ 'alerts.subjects' | translate }}</dt><dd>@for (s of a.lookFor.subjects; track $index) {
                    <span class="item">@if (s.idType) { {{ 'intel.idTypes.' + s.idType | translate }} {{ s.value }} } @else { {{ 'intel.subjectKind.' + s.kind | translate }} {{ s.label }} }</span>
                  }</dd></div>
                }
                @if (a.lookFor.goods.length) {
                  <div><dt>{{ 'alerts.goods' | translate }}</dt><dd>@for (g of a.lookFor.goods; track $index) { <span class="item">{{ goods(g) }}</span> }</dd></div>
                }
                @if (a.lookFor.routes.length) {
                  <div><dt>{{ 'alerts.routes' | translate }}</dt><dd>@for (r of a.lookFor.routes; track $index) { <span class="item">{{ route(r) }}</span> }</dd></div>
                }
                @if (a.note) { <div><dt>{{ 'alerts.note' | translate }}</dt><dd>{{ a.note }}</dd></div> }
              </dl>
              <div class="actions">
                <a mat-button [routerLink]="['/risk-cases', a.riskCaseId]">{{ 'alerts.open' | translate }}</a>
                <button mat-flat-button type="button" (click)="store.acknowledge(a.riskCaseId)" [disabled]="store.busy() === a.riskCaseId">
                  {{ 'alerts.acknowledge' | translate }}
                </button>
              </div>
            </article>
          }
          @if (open.length > folded) {
            <button mat-button type="button" class="more" (click)="expanded.set(!expanded())" [attr.aria-expanded]="expanded()">
              {{ (expanded() ? 'alerts.fewer' : 'alerts.more') | translate: { count: open.length - folded } }}
            </button>
          }
        </section>
      }
    }
  `,
  styles: `
    .alerts { border: 1px solid #f2b8b5; border-left: 4px solid #93000a; border-radius: 12px; padding: 8px 16px 12px; margin-bottom: 16px; background: #fff8f7; }
    .alerts h2 { margin: 4px 0 8px; }
    .alert { border-top: 1px solid var(--mat-sys-outline-variant); padding: 8px 0; }
    .alert:first-of-type { border-top: none; }
    .head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
    .spacer { flex: 1 1 auto; }
    .look { margin: 6px 0 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; }
    .look > div { display: contents; }
    .look dt { font: var(--mat-sys-label-medium); color: var(--mat-sys-on-surface-variant); }
    .look dd { margin: 0; overflow-wrap: anywhere; }
    .item:not(:last-child)::after { content: ' · '; color: var(--mat-sys-on-surface-variant); }
    .actions { display: flex; gap: 8px; justify-content: flex-end; }
    .more { margin-top: 4px; }
    .level-HIGH { background: #ffdad6; color: #93000a; }
    .level-MEDIUM { background: #fff0c2; color: #5c4300; }
    .level-LOW { background: #d4f5dc; color: #0a5223; }
  `,
})
export class RiskAlertsPanelComponent {
  protected readonly store = inject(RiskAlertsStore);
  protected readonly areaKey = riskAreaKey;
  protected readonly goods = goodsText;
  protected readonly route = routeText;
  protected readonly folded = ALERTS_FOLDED;
  protected readonly expanded = signal(false);
  protected readonly shown = computed(() => shownAlerts(this.store.open(), this.expanded()));

  constructor() {
    this.store.load();
  }
}
