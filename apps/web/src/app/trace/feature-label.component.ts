import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** Features of the declaration itself with a label of their own (`feature.name.<name>` in i18n). */
const NAMED_FEATURES = new Set([
  'tax_rate', 'log_net_mass', 'log_item_price', 'log_unit_price', 'day_of_week', 'month', 'hs_chapter_number',
  'departure_ne_origin', 'seller_missing', 'courier_missing', 'unit_price_z_heading', 'unit_price_z_hs6',
]);

/** Who or what a supply-chain history feature is about (`feature.subject.<subject>` in i18n). */
const HISTORY_SUBJECTS = new Set([
  'declarant', 'importer', 'seller', 'courier', 'importer_seller', 'declarant_importer', 'importer_office',
  'declarant_office', 'seller_heading', 'importer_heading', 'origin_heading', 'hs6', 'heading', 'origin', 'office',
]);

/** Declaration fields the model encodes as category codes (`ord_<field>`; `feature.field.<field>` in i18n). */
const ORDINAL_FIELDS = new Set([
  'officeId', 'processType', 'importType', 'importUse', 'paymentType', 'transportMode', 'taxType', 'originIndicator',
  'departureCountry', 'originCountry', 'hsChapter',
]);

/**
 * How to label a model feature: a translation key and, for composed labels, the key of the
 * part that fills its `{{part}}` parameter; null for a name this table does not know (the UI
 * then shows the raw name).
 *
 * - `hist_n_<subject>` / `hist_fraud_<subject>` / `hist_critical_<subject>`: count, smoothed fraud rate
 *   and critical-fraud rate of the subject's earlier inspected declarations;
 * - `ord_<field>`: the category code of a declaration field;
 * - the declaration's own derived figures by name.
 */
export function featureLabelKey(name: string): { key: string; partKey?: string } | null {
  if (NAMED_FEATURES.has(name)) return { key: `feature.name.${name}` };
  const hist = /^hist_(n|fraud|critical)_(.+)$/.exec(name);
  if (hist && HISTORY_SUBJECTS.has(hist[2])) return { key: `feature.history.${hist[1]}`, partKey: `feature.subject.${hist[2]}` };
  const ord = /^ord_(.+)$/.exec(name);
  if (ord && ORDINAL_FIELDS.has(ord[1])) return { key: 'feature.ordinal', partKey: `feature.field.${ord[1]}` };
  return null;
}

/** A model feature's human-readable label in the current language; the raw name as a tooltip (or as the label when unknown). */
@Component({
  selector: 'cr-feature-label',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    @if (label(); as l) {
      <span [attr.title]="name()">{{ l.key | translate: { part: l.partKey ? (l.partKey | translate) : '' } }}</span>
    } @else {
      <span class="mono">{{ name() }}</span>
    }
  `,
})
export class FeatureLabelComponent {
  readonly name = input.required<string>();
  protected readonly label = computed(() => featureLabelKey(this.name()));
}
