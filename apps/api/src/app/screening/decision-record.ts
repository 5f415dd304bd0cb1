import type { Declaration, Lane } from '@customs/domain';
import { explainCriterion, type FiredCriterion } from '@customs/selectivity';
import type { PolicyThresholds } from '../risk-policy/derive-thresholds';
import type { SelectionBasisRecord } from '../risk-policy/selection-basis';

/**
 * The complete, replayable record of one screening decision, stored append-only in
 * `decision_record.record` and served by `GET /api/declarations/:id/selection`.
 */
export interface DecisionRecordBody {
  declarationId: string;
  /** Snapshot of the declaration as screened. */
  declaration: Declaration;
  /** The lane: most severe of criteria, model and control selection. */
  lane: Lane;
  /** Every criterion that fired: id, version, lane and each condition's fact, operator, expected value and actual value. */
  firedCriteria: FiredCriterion[];
  /** The lane the criteria alone ask for (GREEN when none fired). */
  criteriaLane: Lane;
  /**
   * The deciding model (the champion): P(fraud) `score` and P(critical fraud) `criticalScore`
   * in [0, 1] (higher = riskier), the thresholds in force, the lane they ask for, and the
   * float32 feature vector scored (`inputs`, in the order of the model's feature spec; the
   * supply-chain history as it stood), so a replay re-scores exactly what was decided on. The
   * thresholds carry the exploration band and the office risk policy (version, capacity figures)
   * they were derived from.
   */
  model: { name: string; version: string; score: number; criticalScore?: number | null; thresholds: PolicyThresholds; lane: Lane; inputs?: number[] };
  /** Challenger models' scores of the same declaration (shadow: recorded, never deciding). */
  shadow?: ShadowScore[];
  /** True when the declaration was drawn at random for the control sample and that decided its lane. */
  controlSample: boolean;
  control: { share: number; seed: string };
  /** Every reason for selecting it and the deciding one (absent on decisions before risk policies). */
  selectionBasis?: SelectionBasisRecord;
  /**
   * The set of criterion versions in force when the decision was made (what a replay
   * evaluates): the SHA-256 fingerprint of its sorted `id@version` list, which is stored once
   * per distinct set in `criteria_set` (see `CriteriaSetService`).
   */
  criteriaSet?: string;
  /** Records made before `criteriaSet` existed list every `id@version` in force here instead. */
  criteriaInForce?: string[];
  /** ISO timestamp of the decision. */
  decidedAt: string;
  /** One sentence for a human reader. */
  summary: string;
}

/** A challenger model's view of a declaration, recorded beside the decision. */
export interface ShadowScore {
  name: string;
  version: string;
  score: number;
  criticalScore: number | null;
  /** The lane this model would have asked for under its own thresholds (not applied). */
  lane: Lane;
}

const LANE_WORDS: Record<Lane, string> = {
  GREEN: 'cleared automatically (GREEN)',
  YELLOW: 'sent to document review (YELLOW)',
  RED: 'sent to physical inspection (RED)',
};

/** One plain-English sentence saying why the declaration got its lane. */
export function summarise(r: Omit<DecisionRecordBody, 'summary'>): string {
  const reasons: string[] = [];
  if (r.firedCriteria.length > 0) {
    const names = r.firedCriteria.map((c) => `${c.id} v${c.version} (${c.lane})`).join(', ');
    reasons.push(`${r.firedCriteria.length === 1 ? 'criterion' : 'criteria'} ${names} fired`);
  } else {
    reasons.push('no selectivity criterion fired');
  }
  const m = r.model;
  const score = m.score.toFixed(3);
  const critical = m.criticalScore ?? null;
  if (m.lane === 'RED' && m.score < m.thresholds.red && critical !== null && m.thresholds.criticalRed !== undefined)
    reasons.push(`model ${m.name} ${m.version} scored critical fraud (public safety) ${critical.toFixed(3)}, at or above its RED threshold ${m.thresholds.criticalRed.toFixed(3)}`);
  else if (m.lane === 'RED') reasons.push(`model ${m.name} ${m.version} scored ${score}, at or above the RED threshold ${m.thresholds.red.toFixed(3)}`);
  else if (m.lane === 'YELLOW') reasons.push(`model ${m.name} ${m.version} scored ${score}, at or above the YELLOW threshold ${m.thresholds.yellow.toFixed(3)}`);
  else reasons.push(`model ${m.name} ${m.version} scored ${score}, below the YELLOW threshold ${m.thresholds.yellow.toFixed(3)}`);
  if (r.controlSample) reasons.push('it was drawn at random for the control sample');
  else if (r.selectionBasis?.decidedBy === 'EXPLORATION') reasons.push('it was drawn at random from the exploration band just below the YELLOW threshold');
  return `Declaration ${r.declarationId} was ${LANE_WORDS[r.lane]}: ${reasons.join('; ')}.`;
}

/** Plain-English lines, one per fired criterion (for traces and the UI). */
export function explainFired(r: DecisionRecordBody): string[] {
  return r.firedCriteria.map((c) => explainCriterion(c));
}
