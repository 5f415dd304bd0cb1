import { isHistoryFeature, type FeatureDef, type FeatureSpec, type ThresholdSuggestion } from '../feature-spec';
import { binReference, psiAgainst, PSI_ALERT, PSI_WARN, quantileSorted, type BinnedReference, type PsiBinning } from './psi';
import { isoWeek } from './iso-week';

/** Feature kinds whose values are codes or flags: binned by category, not by deciles. */
const CATEGORICAL_KINDS: ReadonlySet<FeatureDef['kind']> = new Set(['ordinal', 'hsChapterNumber', 'notEqual', 'isMissing']);
/** Feature kinds left out of the drift report (see {@link driftFeatures}). */
const LEFT_OUT_KINDS: ReadonlySet<FeatureDef['kind']> = new Set(['historyCount', 'dayOfWeek', 'month']);

/** How the drift report treats one model feature. */
export interface DriftFeature {
  /** Feature name (column of the spec). */
  name: string;
  /** Index of the column in the encoded float32 row. */
  index: number;
  /** `'categories'` for codes and flags (ordinal, HS chapter, notEqual, isMissing), else `'deciles'`. */
  binning: PsiBinning;
  /** True for the supply-chain history features (rates, unit-price z-scores), false for the declaration's own fields. */
  history: boolean;
}

/**
 * The "main features" of a model for drift: every feature of the spec except
 * - the supply-chain history counts (`historyCount`): they grow with the history by construction
 *   and would read as drift every week;
 * - the calendar features (`dayOfWeek`, `month`): a week holds its own weekdays and month by
 *   construction (a partial week, or months the training year did not reach, read as drift).
 * History rates and unit-price z-scores are kept: they move as results are fed back, which the
 * model does read; over coarse keys (office, origin) their values are few and move together, so
 * their PSI runs high whenever a base rate has moved since training.
 */
export function driftFeatures(spec: Pick<FeatureSpec, 'features'>): DriftFeature[] {
  return spec.features
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => !LEFT_OUT_KINDS.has(f.kind))
    .map(({ f, index }) => ({ name: f.name, index, binning: CATEGORICAL_KINDS.has(f.kind) ? 'categories' : 'deciles', history: isHistoryFeature(f) }));
}

/** The training reference the weeks are compared with. */
export interface DriftReference {
  /** The fraud-score reference, e.g. {@link referenceFromQuantiles} of the spec's recorded quantiles. */
  score: BinnedReference;
  /** Per feature name, its binned reference (features absent here are not checked). */
  features: Record<string, BinnedReference>;
}

/**
 * The feature part of a {@link DriftReference} from reference rows (encoded feature rows, e.g.
 * the training split's `encodeFeatures` output, one array of `spec.numFeatures` per row).
 * @throws RangeError when `rows` is empty.
 */
export function featureReference(features: readonly DriftFeature[], rows: ReadonlyArray<ArrayLike<number>>): Record<string, BinnedReference> {
  const out: Record<string, BinnedReference> = {};
  for (const f of features) out[f.name] = binReference(Array.from(rows, (r) => r[f.index]), f.binning);
  return out;
}

/** One scored declaration as the drift report reads it. */
export interface DriftObservation {
  /** Declaration date, `YYYY-MM-DD` (its ISO week is the week it counts for). */
  date: string;
  /** P(fraud) in [0, 1] given by the model. */
  score: number;
  /** Its feature values by name (the encoded row), when feature drift is wanted. */
  features?: Readonly<Record<string, number>>;
  /** The model lane its score gave (`GREEN` / `YELLOW` / `RED`), when known. */
  lane?: string;
  /** Ids of the selectivity criteria that fired on it. */
  criteria?: readonly string[];
  /** Inspection outcome: 1 fraud found, 0 none; null / absent when not inspected. */
  fraud?: 0 | 1 | null;
}

/** A PSI above a threshold. `WARN` above {@link PSI_WARN}, `ALERT` above {@link PSI_ALERT}. */
export interface DriftAlert {
  level: 'WARN' | 'ALERT';
  /** `score` or `feature:<name>`. */
  what: string;
  /** The PSI. */
  value: number;
  /** The threshold it exceeded. */
  threshold: number;
}

/** Hit rate of one criterion or lane in one week, and its change since the previous week. */
export interface HitRate {
  /** Criterion id or lane. */
  id: string;
  /** Selected declarations with an inspection outcome. */
  inspected: number;
  /** Of those, with fraud found. */
  fraud: number;
  /** fraud / inspected (0..1), null when nothing was inspected. */
  hitRate: number | null;
  /** The hit rate of the previous week in the report, null when it had none. */
  previous: number | null;
  /** hitRate − previous (fraction, e.g. −0.05 = five points down), null when either is null. */
  change: number | null;
}

/** A lane cut-off as recorded with the model and as the week's scores would set it. */
export interface CutoffSuggestion {
  /** Intended share of declarations at or above the cut-off (0..1). */
  topShare: number;
  /** The model's recorded cut-off (`spec.thresholds`). */
  recorded: number;
  /** The week's score quantile at 1 − topShare: the cut-off that would select `topShare` this week. */
  suggested: number;
  /** suggested − recorded. */
  delta: number;
  /** Share of the week's declarations scoring at or above the recorded cut-off (0..1). */
  shareAtRecorded: number;
}

/** Drift of one ISO week. PSIs are dimensionless (see `psi.ts`). */
export interface WeekDrift {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** First and last declaration dates seen in the week. */
  from: string;
  to: string;
  /** Declarations scored in the week. */
  n: number;
  /** True when n < `minRows`: PSIs are reported but raise no alerts (noise ≈ bins / n). */
  lowVolume: boolean;
  /** PSI of the fraud score against the reference. */
  scorePsi: number;
  /** PSI of each feature against the reference, by name. */
  featurePsi: Record<string, number>;
  /** The feature with the largest PSI, null without features. */
  worstFeature: { name: string; psi: number } | null;
  /** Hit rates per criterion id and per model lane (ids sorted). */
  hitRates: { criteria: HitRate[]; lanes: HitRate[] };
  alerts: DriftAlert[];
  /** Suggested RED / YELLOW cut-offs from the week's scores, null when no recorded cut-offs were given. */
  recalibration: { red: CutoffSuggestion; yellow: CutoffSuggestion } | null;
}

/** Options of {@link weeklyDrift}. */
export interface WeeklyDriftOptions {
  /** The model's recorded lane cut-offs (`spec.thresholds`): top shares and scores. */
  cutoffs?: { red: ThresholdSuggestion; yellow: ThresholdSuggestion };
  /** PSI above which a WARN is raised (default {@link PSI_WARN} = 0.1). */
  warnAt?: number;
  /** PSI above which an ALERT is raised (default {@link PSI_ALERT} = 0.25). */
  alertAt?: number;
  /** Weeks with fewer declarations raise no alerts (default 100). */
  minRows?: number;
}

/** Groups items by ISO week of their date, weeks in chronological order. */
export function groupByIsoWeek<T extends { date: string }>(items: readonly T[]): Array<{ week: string; items: T[] }> {
  const byWeek = new Map<string, T[]>();
  for (const it of items) {
    const w = isoWeek(it.date);
    const list = byWeek.get(w);
    if (list) list.push(it);
    else byWeek.set(w, [it]);
  }
  return [...byWeek.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([week, list]) => ({ week, items: list }));
}

/**
 * Hit rates per key this week with their change against the previous week's.
 * @param counts this week's `{ inspected, fraud }` per id.
 * @param previous last week's hit rates (empty for the first week).
 */
export function hitRateChanges(counts: ReadonlyMap<string, { inspected: number; fraud: number }>, previous: readonly HitRate[]): HitRate[] {
  const prev = new Map(previous.map((h) => [h.id, h.hitRate]));
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, { inspected, fraud }]) => {
      const hitRate = inspected > 0 ? fraud / inspected : null;
      const p = prev.get(id) ?? null;
      return { id, inspected, fraud, hitRate, previous: p, change: hitRate !== null && p !== null ? hitRate - p : null };
    });
}

/**
 * The cut-off that would put `topShare` of these scores at or above it (quantile 1 − topShare,
 * numpy's linear interpolation, as the spec's recorded quantiles), against the recorded one.
 * @throws RangeError for no scores.
 */
export function suggestCutoff(scores: readonly number[], recorded: ThresholdSuggestion): CutoffSuggestion {
  const sorted = [...scores].sort((a, b) => a - b);
  const suggested = quantileSorted(sorted, 1 - recorded.topShare);
  return {
    topShare: recorded.topShare,
    recorded: recorded.score,
    suggested,
    delta: suggested - recorded.score,
    shareAtRecorded: scores.filter((s) => s >= recorded.score).length / scores.length,
  };
}

/**
 * The weekly drift report: per ISO week of the observations' dates (chronological), the PSI of
 * the fraud score and of each referenced feature against the training reference, the hit rates
 * (fraud / inspected) per criterion and per model lane with their change since the previous
 * reported week, WARN / ALERT alerts on PSI, and the RED / YELLOW cut-offs the week's scores suggest.
 * @param reference the training reference (score and features, binned).
 * @param observations scored declarations, any order.
 * @returns one {@link WeekDrift} per week with at least one observation.
 * @throws RangeError for a malformed date.
 */
export function weeklyDrift(reference: DriftReference, observations: readonly DriftObservation[], options: WeeklyDriftOptions = {}): WeekDrift[] {
  const warnAt = options.warnAt ?? PSI_WARN;
  const alertAt = options.alertAt ?? PSI_ALERT;
  const minRows = options.minRows ?? 100;
  const out: WeekDrift[] = [];
  for (const { week, items } of groupByIsoWeek(observations)) {
    const dates = items.map((o) => o.date.slice(0, 10)).sort();
    const scores = items.map((o) => o.score);
    const scorePsi = psiAgainst(reference.score, scores);
    const featurePsi: Record<string, number> = {};
    for (const [name, ref] of Object.entries(reference.features)) {
      const values = items.flatMap((o) => (o.features && name in o.features ? [o.features[name]] : []));
      if (values.length) featurePsi[name] = psiAgainst(ref, values);
    }
    let worstFeature: WeekDrift['worstFeature'] = null;
    for (const [name, psi] of Object.entries(featurePsi)) if (!worstFeature || psi > worstFeature.psi) worstFeature = { name, psi };

    const lowVolume = items.length < minRows;
    const alerts: DriftAlert[] = [];
    if (!lowVolume)
      for (const [what, value] of [['score', scorePsi] as const, ...Object.entries(featurePsi).map(([k, v]) => [`feature:${k}`, v] as const)]) {
        if (value > alertAt) alerts.push({ level: 'ALERT', what, value, threshold: alertAt });
        else if (value > warnAt) alerts.push({ level: 'WARN', what, value, threshold: warnAt });
      }

    const criteria = new Map<string, { inspected: number; fraud: number }>();
    const lanes = new Map<string, { inspected: number; fraud: number }>();
    const count = (m: Map<string, { inspected: number; fraud: number }>, id: string, fraud: 0 | 1 | null | undefined) => {
      const c = m.get(id) ?? { inspected: 0, fraud: 0 };
      if (fraud === 0 || fraud === 1) {
        c.inspected++;
        c.fraud += fraud;
      }
      m.set(id, c);
    };
    for (const o of items) {
      for (const id of o.criteria ?? []) count(criteria, id, o.fraud);
      if (o.lane) count(lanes, o.lane, o.fraud);
    }
    const last = out[out.length - 1];
    out.push({
      week,
      from: dates[0],
      to: dates[dates.length - 1],
      n: items.length,
      lowVolume,
      scorePsi,
      featurePsi,
      worstFeature,
      hitRates: { criteria: hitRateChanges(criteria, last?.hitRates.criteria ?? []), lanes: hitRateChanges(lanes, last?.hitRates.lanes ?? []) },
      alerts,
      recalibration: options.cutoffs ? { red: suggestCutoff(scores, options.cutoffs.red), yellow: suggestCutoff(scores, options.cutoffs.yellow) } : null,
    });
  }
  return out;
}
