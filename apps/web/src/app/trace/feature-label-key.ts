/** Features of the declaration itself with a label of their own (`feature.name.<name>` in i18n). */
const NAMED_FEATURES = new Set([
  'tax_rate', 'log_net_mass', 'log_item_price', 'log_unit_price', 'day_of_week', 'month', 'hs_chapter_number',
  'departure_ne_origin', 'seller_missing', 'courier_missing', 'unit_price_z_heading', 'unit_price_z_hs6',
]);

/** Who or what a supply-chain history feature is about (`feature.subject.<subject>` in i18n). */
const HISTORY_SUBJECTS = new Set([
  'declarant', 'importer', 'seller', 'courier', 'importer_seller', 'declarant_importer', 'importer_office',
  'declarant_office', 'seller_heading', 'importer_heading', 'origin_heading', 'hs6', 'heading', 'origin', 'office',
  // 3.0.0's further keys: more party x goods pairs, and the HS heading / subheading crossed with declared categories
  'declarant_seller', 'seller_office', 'importer_hs6', 'seller_hs6', 'declarant_heading', 'origin_hs6', 'office_heading',
  'importer_origin', 'seller_origin', 'departure_heading', 'declarant_hs6', 'office_hs6', 'chapter', 'origin_chapter',
  'importtype_heading', 'process_heading', 'taxtype_heading', 'originind_heading', 'transport_heading', 'payment_heading',
  'importuse_heading', 'origin_departure_heading', 'taxtype_hs6', 'origin_office_heading',
]);

/** Declaration fields the model encodes as category codes (`ord_<field>`; `feature.field.<field>` in i18n). */
const ORDINAL_FIELDS = new Set([
  'officeId', 'processType', 'importType', 'importUse', 'paymentType', 'transportMode', 'taxType', 'originIndicator',
  'departureCountry', 'originCountry', 'hsChapter',
]);

/** A feature label as translation keys: `key`, and the key of the text that fills its `{{part}}` parameter. */
export interface FeatureLabelKey {
  key: string;
  partKey?: string;
}

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
export function featureLabelKey(name: string): FeatureLabelKey | null {
  if (NAMED_FEATURES.has(name)) return { key: `feature.name.${name}` };
  const hist = /^hist_(n|fraud|critical)_(.+)$/.exec(name);
  if (hist && HISTORY_SUBJECTS.has(hist[2])) return { key: `feature.history.${hist[1]}`, partKey: `feature.subject.${hist[2]}` };
  const ord = /^ord_(.+)$/.exec(name);
  if (ord && ORDINAL_FIELDS.has(ord[1])) return { key: 'feature.ordinal', partKey: `feature.field.${ord[1]}` };
  return null;
}
