import type { DecisionOutline, DecisionRecord, ReplayResult } from '../core/api.types';

/** One line of the replay comparison: a field of the decision, recorded against replayed, as shown. */
export interface ReplayRow {
  key: keyof DecisionOutline;
  recorded: string;
  replayed: string;
  /** True when the two texts differ (what the "changed" badge marks). */
  differs: boolean;
}

/** How each compared field is written: lane as is, fired criteria sorted and comma-joined ("—" for none), score to 6 decimals, control sample true/false. */
const SHOW: Record<keyof DecisionOutline, (o: DecisionOutline) => string> = {
  lane: (o) => o.lane,
  firedCriteria: (o) => [...o.firedCriteria].sort().join(', ') || '—',
  score: (o) => o.score.toFixed(6),
  controlSample: (o) => String(o.controlSample),
};

/**
 * The replay comparison, field by field (lane, fired criteria, score, control sample), recorded
 * against replayed. Fields are compared as shown, so fired criteria in another order or a score
 * differing beyond the 6th decimal count as the same. Empty before a replay.
 */
export function replayRows(r: Pick<ReplayResult, 'recorded' | 'replayed'> | null): ReplayRow[] {
  if (!r) return [];
  return (Object.keys(SHOW) as (keyof DecisionOutline)[]).map((key) => {
    const recorded = SHOW[key](r.recorded);
    const replayed = SHOW[key](r.replayed);
    return { key, recorded, replayed, differs: recorded !== replayed };
  });
}

/** The inspection case of a decision as the API names it, or null for a GREEN declaration (no case). */
export function decisionCaseId(record: Pick<DecisionRecord, 'caseId'>): string | null {
  return record.caseId;
}
