import type { Lane } from '@customs/domain';
import { decideLane, inControlSample, modelLane } from '../screening/lane-policy';
import type { PolicyThresholds } from './derive-thresholds';

/**
 * Why a declaration was selected: a selectivity criterion fired, the model's score reached the
 * YELLOW cut-off, it was drawn at random for the control sample, or it was drawn from the
 * exploration band just below the YELLOW cut-off.
 */
export const SELECTION_BASES = ['CRITERION', 'MODEL', 'CONTROL', 'EXPLORATION'] as const;
export type SelectionBasis = (typeof SELECTION_BASES)[number];

/**
 * Every reason a declaration had to be selected (a control draw is recorded even when a
 * criterion selected it anyway: the draw is independent of everything else, so all drawn
 * declarations form a random sample of the office's declarations) and the one that decided
 * its lane (null for GREEN). Precedence for the decider: CRITERION, MODEL, CONTROL, EXPLORATION.
 */
export interface SelectionBasisRecord {
  reasons: SelectionBasis[];
  decidedBy: SelectionBasis | null;
}

/** The exploration draw's seed, derived from the control seed so both draws are independent. */
export function explorationSeed(controlSeed: string): string {
  return `${controlSeed}:exploration`;
}

/** Inputs of {@link selectLane}. */
export interface LaneSelectionInput {
  declarationId: string;
  /** Most severe lane of the fired criteria (GREEN when none fired). */
  criteriaLane: Lane;
  /** The deciding model's score in [0, 1]. */
  score: number;
  /** The deciding model's critical-fraud score in [0, 1] (RED at `thresholds.criticalRed`); null/absent without one. */
  criticalScore?: number | null;
  thresholds: PolicyThresholds;
  control: { share: number; seed: string };
}

/** The lane and its reasons. */
export interface LaneSelection {
  lane: Lane;
  /** The lane the score alone asks for. */
  scoreLane: Lane;
  /** True when the control draw decided the lane (an otherwise-GREEN declaration sent to YELLOW). */
  controlSample: boolean;
  selectionBasis: SelectionBasisRecord;
}

/**
 * The lane of a declaration: `decideLane` (the most severe of its criteria's lanes and the model's
 * lane; an otherwise-GREEN declaration drawn for the control sample,
 * `inControlSample(id, seed, controlShare)`, goes YELLOW); an otherwise-GREEN one not drawn for
 * control goes YELLOW too when its score lies in the exploration band `[floor, yellow)` and its
 * own draw (`inControlSample(id, explorationSeed(seed), p)`) picks it.
 * Deterministic: a replay with the recorded thresholds and control settings gives the same answer.
 */
export function selectLane(input: LaneSelectionInput): LaneSelection {
  const { declarationId, criteriaLane, score, thresholds, control } = input;
  const scoreLane = modelLane(score, thresholds, input.criticalScore ?? null);
  const band = thresholds.exploration;
  const controlDrawn = inControlSample(declarationId, control.seed, control.share);
  const explorationDrawn =
    band !== undefined && band.share > 0 && score >= band.floor && score < thresholds.yellow && inControlSample(declarationId, explorationSeed(control.seed), band.drawProbability);

  const reasons: SelectionBasis[] = [];
  if (criteriaLane !== 'GREEN') reasons.push('CRITERION');
  if (scoreLane !== 'GREEN') reasons.push('MODEL');
  if (controlDrawn) reasons.push('CONTROL');
  if (explorationDrawn) reasons.push('EXPLORATION');

  const decided = decideLane(criteriaLane, scoreLane, controlDrawn);
  if (decided.controlSample) return { lane: 'YELLOW', scoreLane, controlSample: true, selectionBasis: { reasons, decidedBy: 'CONTROL' } };
  if (decided.lane !== 'GREEN') {
    // The decider is whoever asked for the lane, criteria first.
    const decidedBy: SelectionBasis = criteriaLane === decided.lane ? 'CRITERION' : 'MODEL';
    return { lane: decided.lane, scoreLane, controlSample: false, selectionBasis: { reasons, decidedBy } };
  }
  if (explorationDrawn) return { lane: 'YELLOW', scoreLane, controlSample: false, selectionBasis: { reasons, decidedBy: 'EXPLORATION' } };
  return { lane: 'GREEN', scoreLane, controlSample: false, selectionBasis: { reasons, decidedBy: null } };
}

/**
 * SQL expressions over a `decision_record` row aliased `dr`: the deciding basis and whether the
 * control draw picked it, with a fallback for decisions recorded before `selectionBasis`
 * existed (control flag -> CONTROL, a criteria lane -> CRITERION, any other selection -> MODEL).
 */
export const SELECTION_BASIS_SQL = {
  decidedBy: `coalesce(dr.record->'selectionBasis'->>'decidedBy',
      CASE WHEN dr.control_sample THEN 'CONTROL'
           WHEN dr.record->>'criteriaLane' IS NOT NULL AND dr.record->>'criteriaLane' <> 'GREEN' THEN 'CRITERION'
           WHEN dr.lane <> 'GREEN' THEN 'MODEL' END)`,
  reasons: `coalesce(dr.record->'selectionBasis'->'reasons',
      CASE WHEN dr.control_sample THEN '["CONTROL"]'::jsonb ELSE '[]'::jsonb END)`,
  controlDrawn: `(dr.control_sample OR coalesce(dr.record->'selectionBasis'->'reasons' ? 'CONTROL', false))`,
} as const;
