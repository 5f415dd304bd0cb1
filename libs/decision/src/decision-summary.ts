import type { Lane } from '@customs/domain';

/**
 * The parts of a decision record the one-sentence summary is made of (structurally what
 * `DecisionRecordBody` holds; the web app passes its generated `SelectionTrace`).
 */
export interface SummarySource {
  declarationId: string;
  lane: Lane;
  firedCriteria: ReadonlyArray<{ id: string; version: number; lane: string }>;
  model: {
    name: string;
    version: string;
    score: number;
    criticalScore?: number | null;
    lane: string;
    thresholds: { yellow: number; red: number; criticalRed?: number };
  };
  controlSample: boolean;
  selectionBasis?: { decidedBy: string | null } | null;
  dataQuality?: ReadonlyArray<{ field: string; value: string }> | null;
  dataQualityMinLane?: string | null;
}

/** One reason of the summary: what it says (`key`) and the values it names (`params`). */
export type SummaryReason =
  | { key: 'criteriaFired'; params: { count: number; criteria: string } }
  | { key: 'noCriterion'; params: Record<string, never> }
  | { key: 'modelCritical'; params: { model: string; score: string; threshold: string } }
  | { key: 'modelRed' | 'modelYellow' | 'modelGreen'; params: { model: string; score: string; threshold: string } }
  | { key: 'control' | 'exploration'; params: Record<string, never> }
  | { key: 'dataQuality'; params: { count: number; codes: string; minLane: string } };

/**
 * Why a declaration got its lane, as reasons in the order the summary gives them: the criteria
 * that fired (or none), the deciding model's score against the recorded threshold that applied,
 * the data-quality rule when it decided the lane (the unknown codes, `field value`), and a random
 * draw for the control sample or the exploration band. Reads the record only (the
 * lanes, scores and thresholds it recorded); decides nothing. Scores and thresholds are written
 * with three decimals. The server's English sentence (`summarise`) and the web app's translated
 * one are both made from these.
 */
export function summaryReasons(r: SummarySource): SummaryReason[] {
  const reasons: SummaryReason[] = [];
  if (r.firedCriteria.length > 0) {
    reasons.push({ key: 'criteriaFired', params: { count: r.firedCriteria.length, criteria: r.firedCriteria.map((c) => `${c.id} v${c.version} (${c.lane})`).join(', ') } });
  } else {
    reasons.push({ key: 'noCriterion', params: {} });
  }
  const m = r.model;
  const model = `${m.name} ${m.version}`;
  const critical = m.criticalScore ?? null;
  if (m.lane === 'RED' && m.score < m.thresholds.red && critical !== null && m.thresholds.criticalRed !== undefined) {
    reasons.push({ key: 'modelCritical', params: { model, score: critical.toFixed(3), threshold: m.thresholds.criticalRed.toFixed(3) } });
  } else {
    const key = m.lane === 'RED' ? 'modelRed' : m.lane === 'YELLOW' ? 'modelYellow' : 'modelGreen';
    const threshold = m.lane === 'RED' ? m.thresholds.red : m.thresholds.yellow;
    reasons.push({ key, params: { model, score: m.score.toFixed(3), threshold: threshold.toFixed(3) } });
  }
  const findings = r.dataQuality ?? [];
  if (r.selectionBasis?.decidedBy === 'DATA_QUALITY' && findings.length > 0) {
    const codes = findings.map((f) => `${f.field} ${f.value}`).join(', ');
    reasons.push({ key: 'dataQuality', params: { count: findings.length, codes, minLane: r.dataQualityMinLane ?? 'YELLOW' } });
  }
  if (r.controlSample) reasons.push({ key: 'control', params: {} });
  else if (r.selectionBasis?.decidedBy === 'EXPLORATION') reasons.push({ key: 'exploration', params: {} });
  return reasons;
}
