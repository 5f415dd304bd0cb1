import type { Lane } from '@customs/domain';

/** One side of a replay comparison: what a decision came to. */
export interface DecisionOutline {
  lane: Lane;
  /** `id@version` of each criterion that fired. */
  firedCriteria: string[];
  /** The deciding model's P(fraud) in [0, 1]. */
  score: number;
  controlSample: boolean;
}

/** Scores closer than this are the same score (float32 model output read back through JSON). */
export const SCORE_TOLERANCE = 1e-9;

/**
 * Whether a replayed decision equals the recorded one: same lane, same control flag, the same
 * set of fired criterion versions (in any order), and scores within {@link SCORE_TOLERANCE}.
 */
export function sameDecision(recorded: DecisionOutline, replayed: DecisionOutline): boolean {
  const fired = (o: DecisionOutline) => JSON.stringify([...o.firedCriteria].sort());
  return (
    recorded.lane === replayed.lane &&
    recorded.controlSample === replayed.controlSample &&
    Math.abs(recorded.score - replayed.score) <= SCORE_TOLERANCE &&
    fired(recorded) === fired(replayed)
  );
}
