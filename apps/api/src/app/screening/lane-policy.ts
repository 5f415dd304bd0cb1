import { createHash } from 'node:crypto';
import { mostSevereLane, type Lane } from '@customs/domain';

/** Model-score cut-offs in force for a decision (scores in [0, 1]). */
export interface ModelThresholds {
  /** Score at or above which the model asks for RED. */
  red: number;
  /** Score at or above which the model asks for YELLOW. */
  yellow: number;
  /** Share of declarations the RED cut-off was set to select (0..1). */
  redTopShare: number;
  /** Share of declarations the YELLOW cut-off was set to select (0..1). */
  yellowTopShare: number;
}

/** The lane the model's score asks for under the thresholds. */
export function modelLane(score: number, t: ModelThresholds): Lane {
  if (score >= t.red) return 'RED';
  if (score >= t.yellow) return 'YELLOW';
  return 'GREEN';
}

/**
 * Random control selection, made deterministic so a decision replays identically:
 * a declaration is in the control sample when SHA-256(seed + ':' + declarationId),
 * read as a fraction in [0, 1), is below `share`.
 * @param share share of otherwise-GREEN declarations to inspect at random (0..1).
 */
export function inControlSample(declarationId: string, seed: string, share: number): boolean {
  if (share <= 0) return false;
  const digest = createHash('sha256').update(`${seed}:${declarationId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < share;
}

/**
 * The lane of a declaration: the most severe of the fired criteria's lanes and the
 * model's lane; an otherwise-GREEN declaration drawn for the control sample goes YELLOW
 * (document review), so hit rates can be estimated without the criteria's selection bias.
 */
export function decideLane(criteriaLane: Lane, scoreLane: Lane, controlDrawn: boolean): { lane: Lane; controlSample: boolean } {
  const lane = mostSevereLane([criteriaLane, scoreLane]);
  if (lane === 'GREEN' && controlDrawn) return { lane: 'YELLOW', controlSample: true };
  return { lane, controlSample: false };
}
