import type { Schema } from '@customs/api-contract';

/** `GET /api/drift`: the deciding model's weekly drift. */
export type DriftReport = Schema<'DriftReport'>;
/** One ISO week of the drift report. */
export type DriftWeek = Schema<'DriftWeekView'>;

/** How a PSI reads against the report's thresholds: OK (≤ warn), WARN (> warn), ALERT (> alert). */
export type PsiLevel = 'OK' | 'WARN' | 'ALERT';
/** Every level, for the i18n key check. */
export const PSI_LEVELS: readonly PsiLevel[] = ['OK', 'WARN', 'ALERT'];

/** The level of a PSI (strictly above a threshold, as the API's alerts). */
export function psiLevel(psi: number, thresholds: { warn: number; alert: number }): PsiLevel {
  return psi > thresholds.alert ? 'ALERT' : psi > thresholds.warn ? 'WARN' : 'OK';
}

/** One row of the PSI table: the score or a feature. */
export interface SubjectRow {
  /** `score` or the feature's name. */
  subject: string;
  /** True for the score row (its label is translated). */
  isScore: boolean;
  /** True for a supply-chain history feature. */
  history: boolean;
  psi: string;
  level: PsiLevel;
}

/**
 * The PSI rows of a week: the score first, then the features with the largest PSI (at most
 * `limit`), and how many features were left out (all at or below the largest shown).
 */
export function subjectRows(week: DriftWeek, thresholds: { warn: number; alert: number }, limit = 8): { rows: SubjectRow[]; more: number } {
  const features = week.featurePsi.slice(0, limit);
  return {
    rows: [
      { subject: 'score', isScore: true, history: false, psi: week.scorePsi.toFixed(3), level: psiLevel(week.scorePsi, thresholds) },
      ...features.map((f) => ({ subject: f.feature, isScore: false, history: f.history, psi: f.psi.toFixed(3), level: psiLevel(f.psi, thresholds) })),
    ],
    more: Math.max(0, week.featurePsi.length - features.length),
  };
}

/** Alerts of a week by level. */
export function alertCounts(week: DriftWeek): { ALERT: number; WARN: number } {
  return { ALERT: week.alerts.filter((a) => a.level === 'ALERT').length, WARN: week.alerts.filter((a) => a.level === 'WARN').length };
}

/** One row of the cut-off table: the recorded RED / YELLOW cut-off and the one the week's scores suggest. */
export interface CutoffRow {
  lane: 'RED' | 'YELLOW';
  /** The top share the cut-off keeps, as "2 %". */
  topShare: string;
  recorded: string;
  suggested: string;
  /** suggested − recorded, signed, 3 decimals. */
  delta: string;
  /** Share of the week at or above the recorded cut-off, as "1.8 %". */
  shareAtRecorded: string;
}

const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits).replace(/\.0+$/, '')} %`;
const signed = (x: number, digits: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

/** The cut-off rows of a week (RED, then YELLOW), empty without a recalibration. */
export function cutoffRows(week: DriftWeek): CutoffRow[] {
  const r = week.recalibration;
  if (!r) return [];
  return (['RED', 'YELLOW'] as const).map((lane) => {
    const c = lane === 'RED' ? r.red : r.yellow;
    return { lane, topShare: pct(c.topShare), recorded: c.recorded.toFixed(3), suggested: c.suggested.toFixed(3), delta: signed(c.delta, 3), shareAtRecorded: pct(c.shareAtRecorded) };
  });
}

/** One row of the hit-rate table (per model lane, RED first). */
export interface HitRow {
  id: string;
  inspected: number;
  fraud: number;
  /** "57.1 %" or "—" before any result. */
  hitRate: string;
  /** Change since the previous week in points, signed ("+4.2"), or "—". */
  change: string;
}

const LANE_ORDER = ['RED', 'YELLOW', 'GREEN'];

/** Hit rates per model lane of a week, RED, YELLOW, GREEN. */
export function laneHitRows(week: DriftWeek): HitRow[] {
  return [...week.hitRates.lanes]
    .sort((a, b) => LANE_ORDER.indexOf(a.id) - LANE_ORDER.indexOf(b.id))
    .map((h) => ({
      id: h.id,
      inspected: h.inspected,
      fraud: h.fraud,
      hitRate: h.hitRate === null ? '—' : pct(h.hitRate),
      change: h.change === null ? '—' : signed(100 * h.change, 1),
    }));
}

/** Criteria whose hit rate changed most since the previous week (absolute points), at most `limit`. */
export function criterionHitRows(week: DriftWeek, limit = 5): HitRow[] {
  return week.hitRates.criteria
    .filter((h) => h.change !== null)
    .sort((a, b) => Math.abs(b.change!) - Math.abs(a.change!) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((h) => ({ id: h.id, inspected: h.inspected, fraud: h.fraud, hitRate: h.hitRate === null ? '—' : pct(h.hitRate), change: signed(100 * h.change!, 1) }));
}
