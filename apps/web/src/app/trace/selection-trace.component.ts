import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { DecisionRecord } from '../core/api.types';
import { AuthService } from '../core/auth.service';
import { showValue } from '../core/format';
import { PAGE_ROLES } from '../page-roles';
import { declarationPartyLinks } from '../parties/party-view';
import { ModelExplanationComponent } from './model-explanation.component';
import { summaryTexts } from './decision-summary';
import { conditionResultKey, controlSampleKey, firedCriterionText } from './trace-format';

/**
 * A decision record as a plain-language trace: the one-sentence summary (in the user's
 * language, from the record's structured parts), each fired
 * criterion with its reason and every condition (field, rule, expected vs. actual, met or
 * not), why the model scored what it did (scores, thresholds, top features, shadow models),
 * and whether it was a random control pick. The declaration's parties link to their party pages (analysts, supervisors, auditors).
 */
@Component({
  selector: 'cr-selection-trace',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ModelExplanationComponent],
  template: `
    @if (record(); as r) {
      <section class="trace" [attr.aria-label]="'trace.title' | translate">
        @let t = summary(r);
        <p class="summary">
          <span class="lane lane-{{ r.lane }}">{{ 'lane.' + r.lane | translate }}</span>
          {{ t.lead.key | translate: t.lead.params }}{{ 'summary.colon' | translate }}
          @for (reason of t.reasons; track $index; let last = $last) {
            {{ reason.key | translate: reason.params }}{{ (last ? 'summary.end' : 'summary.separator') | translate }}
          }
        </p>

        <p class="parties" data-testid="trace-parties">
          <span class="muted">{{ 'trace.parties' | translate }}</span>
          @for (p of parties(r.declaration); track p.role) {
            <span class="party">{{ 'party.role.' + p.role | translate }}
              @if (canOpenParties) { <a class="mono" [routerLink]="p.link" [attr.data-party]="p.role">{{ p.id }}</a> } @else { <span class="mono">{{ p.id }}</span> }
            </span>
          }
        </p>

        <h3>{{ 'trace.criteria' | translate }} ({{ r.firedCriteria.length }})</h3>
        @if (r.firedCriteria.length === 0) {
          <p class="muted">{{ 'trace.noCriteria' | translate }}</p>
        }
        @for (c of r.firedCriteria; track c.id; let i = $index) {
          <article class="criterion">
            <header class="row">
              <strong class="mono">{{ c.id }} v{{ c.version }}</strong>
              <span class="lane lane-{{ c.lane }}">{{ 'lane.' + c.lane | translate }}</span>
            </header>
            <p>{{ criterionText(r, i) }}</p>
            <table class="plain conditions">
              <thead>
                <tr>
                  <th scope="col">{{ 'trace.field' | translate }}</th>
                  <th scope="col">{{ 'trace.operator' | translate }}</th>
                  <th scope="col">{{ 'trace.expected' | translate }}</th>
                  <th scope="col">{{ 'trace.actual' | translate }}</th>
                  <th scope="col">{{ 'trace.result' | translate }}</th>
                </tr>
              </thead>
              <tbody>
                @for (cond of c.conditions; track $index) {
                  <tr>
                    <td class="mono">{{ cond.fact }}</td>
                    <td>{{ cond.operator }}</td>
                    <td class="mono">{{ show(cond.value) }}</td>
                    <td class="mono">{{ show(cond.actual) }}</td>
                    <td>{{ resultKey(cond.result) | translate }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </article>
        }

        <cr-model-explanation [record]="r" />

        <h3>{{ 'trace.control' | translate }}</h3>
        <p>{{ controlKey(r.controlSample) | translate }}</p>
      </section>
    }
  `,
  styles: `
    .summary { font: var(--mat-sys-body-large); }
    .parties { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
    .party { overflow-wrap: anywhere; }
    .criterion { border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
    h3 { font: var(--mat-sys-title-small); margin: 16px 0 4px; }
    /* Fits its card at 1366 px: fixed columns, long values wrap instead of pushing the last column out. */
    .conditions { table-layout: fixed; width: 100%; }
    .conditions td, .conditions th { overflow-wrap: anywhere; vertical-align: top; }
    .conditions th:nth-child(2), .conditions td:nth-child(2) { width: 22%; }
    .conditions th:last-child, .conditions td:last-child { width: 16%; }
  `,
})
export class SelectionTraceComponent {
  readonly record = input<DecisionRecord | null>(null);
  protected readonly show = showValue;
  protected readonly resultKey = conditionResultKey;
  protected readonly controlKey = controlSampleKey;
  protected readonly criterionText = firedCriterionText;
  protected readonly summary = summaryTexts;
  /** The declaration's parties, each linked to its party page for the roles that may open it. */
  protected readonly parties = declarationPartyLinks;
  protected readonly canOpenParties = inject(AuthService).hasRole(...PAGE_ROLES.parties);
}
