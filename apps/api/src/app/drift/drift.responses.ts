import type { CutoffSuggestion, DriftAlert, HitRate } from '@customs/risk-model';

/** One ISO week of the drift report (see `weeklyDrift` of `@customs/risk-model`); PSIs are dimensionless, rates fractions 0..1. */
export interface DriftWeekView {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** First and last declaration dates seen in the week (`YYYY-MM-DD`). */
  from: string;
  to: string;
  /** Declarations the model decided in the week. */
  n: number;
  /** Of those, with the feature vector recorded (`model.inputs`): the rows feature PSIs are computed on. */
  withInputs: number;
  /** True when n < `thresholds.minRows`: PSIs are reported but raise no alerts. */
  lowVolume: boolean;
  /** PSI of the fraud score against the spec's recorded validation quantiles. */
  scorePsi: number;
  /** PSI per main feature against the training reference, largest first; empty without a feature reference. */
  featurePsi: Array<{ feature: string; psi: number; history: boolean }>;
  /** Hit rates (fraud = DISCREPANCY or SEIZURE / inspected with a result) per criterion id and per model lane, with the change since the previous week of the report. */
  hitRates: { criteria: HitRate[]; lanes: HitRate[] };
  /** PSIs above the thresholds (WARN > 0.1, ALERT > 0.25), largest first. */
  alerts: DriftAlert[];
  /** The RED / YELLOW cut-offs the week's scores would need to keep the spec's top shares, against the recorded ones. */
  recalibration: { red: CutoffSuggestion; yellow: CutoffSuggestion } | null;
}

/**
 * `GET /api/drift`: the weekly drift of the deciding model over recent ISO weeks, from the
 * decision records (scores, model lanes, recorded feature vectors, fired criteria) and the
 * inspection results of the case read model.
 */
export interface DriftReport {
  /** The deciding model the report is about (its decisions only). */
  model: { name: string; version: string };
  /** ISO timestamp of the computation (reports are cached; see `DriftService`). */
  computedAt: string;
  /** The weeks asked for: `[from, to]` are the Monday of the first and the Sunday of the last (`YYYY-MM-DD`); null when the model decided nothing yet. */
  period: { firstWeek: string; lastWeek: string; from: string; to: string } | null;
  /** What the score is compared with. */
  scoreReference: string;
  /** What the features are compared with (the committed training reference), null when the model has none (then no feature PSI). */
  featureReference: { file: string; from: string | null; rows: number; kind: 'train' | 'sample' } | null;
  /** PSI thresholds (Siddiqi 2006) and the volume under which a week raises no alerts. */
  thresholds: { warn: number; alert: number; minRows: number };
  /** Weeks with at least one decision, chronological. */
  weeks: DriftWeekView[];
  /** The last week of `weeks` (what the dashboard and the metrics show), null when empty. */
  latest: DriftWeekView | null;
}
