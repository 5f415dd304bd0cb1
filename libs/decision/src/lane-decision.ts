import { mostSevereLane, type Lane } from '@customs/domain';
import { modelLane } from './model-thresholds';
import type { PolicyThresholds } from './office-policy';
import type { LaneDraws } from './draws';

/**
 * Why a declaration was selected: a selectivity criterion fired, the model's score reached the
 * YELLOW cut-off, the built-in data-quality rule asked for it (a code not in the reference lists,
 * see `dataQualityLane`), it was drawn at random for the control sample, or it was drawn from the
 * exploration band just below the YELLOW cut-off.
 */
export const SELECTION_BASES = ['CRITERION', 'MODEL', 'DATA_QUALITY', 'CONTROL', 'EXPLORATION'] as const;
export type SelectionBasis = (typeof SELECTION_BASES)[number];

/**
 * Every reason a declaration had to be selected (a control draw is recorded even when a
 * criterion selected it anyway: the draw is independent of everything else, so all drawn
 * declarations form a random sample of the office's declarations) and the one that decided
 * its lane (null for GREEN). Precedence for the decider: CRITERION, MODEL, DATA_QUALITY, CONTROL, EXPLORATION.
 */
export interface SelectionBasisRecord {
  reasons: SelectionBasis[];
  decidedBy: SelectionBasis | null;
}

/** What the lane of one declaration is decided from. */
export interface LaneDecisionInput {
  /** The lanes of the criteria that fired (empty when none fired). */
  firedCriteria: ReadonlyArray<{ lane: Lane }>;
  /** The deciding model's scores: P(fraud) and P(critical fraud) in [0, 1]; `criticalScore` null without a critical model. */
  scores: { score: number; criticalScore: number | null };
  /** The office's policy in force: its cut-offs (with the exploration band and critical cut-off) and control share (0..1). */
  policy: { thresholds: PolicyThresholds; controlShare: number };
  /** The declaration's draws (see `drawsFor`). */
  draws: LaneDraws;
  /** The lane the data-quality rule asks for (`dataQualityLane`); GREEN or absent when it asks for nothing. */
  dataQualityLane?: Lane;
}

/** The lane and its basis. */
export interface LaneDecision {
  lane: Lane;
  /** The lane the criteria alone ask for (GREEN when none fired). */
  criteriaLane: Lane;
  /** The lane the scores alone ask for under the cut-offs. */
  scoreLane: Lane;
  /** The lane the data-quality rule alone asks for (GREEN when the declaration has no finding or the rule is off). */
  dataQualityLane: Lane;
  /** True when the control draw decided the lane (an otherwise-GREEN declaration sent to YELLOW). */
  controlSample: boolean;
  selectionBasis: SelectionBasisRecord;
}

/**
 * The lane of a declaration, the one lane policy of the system (DESIGN.md, "Screening"):
 * - the most severe of the fired criteria's lanes, the model's lane (`modelLane`: RED at the
 *   RED cut-off or the critical-fraud cut-off, YELLOW at the YELLOW cut-off) and the data-quality
 *   rule's lane (`dataQualityLane`: at least YELLOW for a code not in the reference lists);
 * - an otherwise-GREEN declaration whose control draw is below the control share goes YELLOW
 *   (the control sample, so hit rates can be estimated without the criteria's selection bias);
 * - an otherwise-GREEN one not drawn for control goes YELLOW too when its score lies in the
 *   exploration band `[floor, yellow)` and its exploration draw is below the band's probability.
 * The decider is whoever asked for the lane, criteria first, then the model, data quality,
 * control, exploration.
 * Pure and synchronous: a replay with the recorded thresholds, control share and the same draws
 * gives the same answer. Screening, replay and the policy preview all call it.
 */
export function decideLane(input: LaneDecisionInput): LaneDecision {
  const { scores, policy, draws } = input;
  const { thresholds } = policy;
  const criteriaLane = mostSevereLane(input.firedCriteria.map((c) => c.lane));
  const scoreLane = modelLane(scores.score, thresholds, scores.criticalScore);
  const dataQualityLane = input.dataQualityLane ?? 'GREEN';
  const band = thresholds.exploration;
  const controlDrawn = policy.controlShare > 0 && draws.control < policy.controlShare;
  const explorationDrawn =
    band !== undefined && band.share > 0 && scores.score >= band.floor && scores.score < thresholds.yellow && draws.exploration < band.drawProbability;

  const reasons: SelectionBasis[] = [];
  if (criteriaLane !== 'GREEN') reasons.push('CRITERION');
  if (scoreLane !== 'GREEN') reasons.push('MODEL');
  if (dataQualityLane !== 'GREEN') reasons.push('DATA_QUALITY');
  if (controlDrawn) reasons.push('CONTROL');
  if (explorationDrawn) reasons.push('EXPLORATION');

  const lane = mostSevereLane([criteriaLane, scoreLane, dataQualityLane]);
  const decided = (l: Lane, decidedBy: SelectionBasis | null, controlSample = false): LaneDecision => ({
    lane: l,
    criteriaLane,
    scoreLane,
    dataQualityLane,
    controlSample,
    selectionBasis: { reasons, decidedBy },
  });
  if (lane !== 'GREEN') return decided(lane, criteriaLane === lane ? 'CRITERION' : scoreLane === lane ? 'MODEL' : 'DATA_QUALITY');
  if (controlDrawn) return decided('YELLOW', 'CONTROL', true);
  if (explorationDrawn) return decided('YELLOW', 'EXPLORATION');
  return decided('GREEN', null);
}
