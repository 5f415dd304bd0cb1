import {
  addDays,
  driftFeatures,
  isoWeek,
  isoWeekStart,
  PSI_ALERT,
  PSI_WARN,
  referenceFromQuantiles,
  weeklyDrift,
  type DriftObservation,
  type DriftReferenceFile,
  type FeatureSpec,
} from '@customs/risk-model';
import type { ScreenedForDrift } from './drift.repository';
import type { DriftReport, DriftWeekView } from './drift.responses';

/** Weeks with fewer decisions than this raise no alerts (PSI noise ≈ bins / n; as `npm run drift`). */
export const DRIFT_MIN_ROWS = 100;
/** Outcomes that count as fraud found (the field's hit definition, as the dashboard's hit rates). */
const HIT_OUTCOMES: ReadonlySet<string> = new Set(['DISCREPANCY', 'SEIZURE']);

/** The ISO weeks `[firstWeek, lastWeek]` of a report of `weeks` weeks ending with `lastWeek`, and their dates. */
export function reportPeriod(lastWeek: string, weeks: number): NonNullable<DriftReport['period']> {
  const lastMonday = isoWeekStart(lastWeek);
  const from = addDays(lastMonday, -7 * (weeks - 1));
  return { firstWeek: isoWeek(from), lastWeek, from, to: addDays(lastMonday, 6) };
}

/**
 * The drift report of a model from its decisions (pure: the service reads the rows and the reference).
 * @param spec the deciding model's spec: its recorded quantiles are the score reference, its
 *   thresholds the recorded cut-offs, its features name the recorded `inputs`.
 * @param reference the committed feature reference of the version, null for none (score PSI only).
 * @param rows the model's decisions in `period` (any order).
 * @param computedAt ISO timestamp to stamp the report with.
 */
export function buildDriftReport(
  model: { name: string; version: string },
  spec: Pick<FeatureSpec, 'features' | 'quantiles' | 'thresholds' | 'numFeatures'>,
  reference: DriftReferenceFile | null,
  rows: readonly ScreenedForDrift[],
  period: DriftReport['period'],
  computedAt: string,
): DriftReport {
  const features = driftFeatures(spec);
  const history = new Map(features.map((f) => [f.name, f.history]));
  const referenced = reference ? features.filter((f) => reference.features[f.name]) : [];
  const observations: Array<DriftObservation & { hasInputs: boolean }> = rows.map((r) => {
    const hasInputs = !!r.inputs && r.inputs.length === spec.numFeatures;
    return {
      date: r.date,
      score: r.score,
      features: hasInputs ? Object.fromEntries(referenced.map((f) => [f.name, r.inputs![f.index]])) : undefined,
      lane: r.modelLane,
      criteria: r.criteria,
      fraud: r.outcome === null ? null : HIT_OUTCOMES.has(r.outcome) ? 1 : 0,
      hasInputs,
    };
  });
  const weeks = weeklyDrift(
    { score: referenceFromQuantiles(spec.quantiles), features: Object.fromEntries(referenced.map((f) => [f.name, reference!.features[f.name]])) },
    observations,
    { cutoffs: { red: spec.thresholds.red, yellow: spec.thresholds.yellow }, minRows: DRIFT_MIN_ROWS },
  );
  const withInputs = new Map<string, number>();
  for (const o of observations) if (o.hasInputs) withInputs.set(isoWeek(o.date), (withInputs.get(isoWeek(o.date)) ?? 0) + 1);
  const views: DriftWeekView[] = weeks.map((w) => ({
    week: w.week,
    from: w.from,
    to: w.to,
    n: w.n,
    withInputs: withInputs.get(w.week) ?? 0,
    lowVolume: w.lowVolume,
    scorePsi: w.scorePsi,
    featurePsi: Object.entries(w.featurePsi)
      .map(([feature, psi]) => ({ feature, psi, history: history.get(feature) ?? false }))
      .sort((a, b) => b.psi - a.psi || a.feature.localeCompare(b.feature)),
    hitRates: w.hitRates,
    alerts: [...w.alerts].sort((a, b) => b.value - a.value),
    recalibration: w.recalibration,
  }));
  return {
    model,
    computedAt,
    period,
    scoreReference: 'feature-spec.json quantiles (the validation split the lane cut-offs were set on)',
    featureReference: reference ? reference.source : null,
    thresholds: { warn: PSI_WARN, alert: PSI_ALERT, minRows: DRIFT_MIN_ROWS },
    weeks: views,
    latest: views[views.length - 1] ?? null,
  };
}
