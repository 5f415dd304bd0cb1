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
  /** Critical-fraud (public safety) score at or above which the model asks for RED (versions with a critical model). */
  criticalRed?: number;
  /** Share of declarations the critical cut-off was set to select (0..1). */
  criticalRedTopShare?: number;
}

/**
 * The lane the model's scores ask for under the thresholds: RED when the fraud score
 * reaches the RED cut-off or the critical-fraud score reaches its own; YELLOW from the
 * YELLOW cut-off; else GREEN.
 */
export function modelLane(score: number, t: ModelThresholds, criticalScore: number | null = null): Lane {
  if (score >= t.red) return 'RED';
  if (criticalScore !== null && t.criticalRed !== undefined && criticalScore >= t.criticalRed) return 'RED';
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

/** A point of the model's score distribution: `score` is the cut-off selecting `topShare` of declarations. */
export interface ScoreQuantilePoint {
  topShare: number;
  score: number;
}

/**
 * The score cut-off that selects `share` of declarations, interpolated linearly between
 * the model's recorded quantiles (its validation months; see the model card).
 * A share of 0 gives 1.01, above any probability: the model then selects nothing.
 * @throws Error when `share` lies outside the recorded quantiles (it cannot be derived).
 */
export function thresholdForTopShare(quantiles: readonly ScoreQuantilePoint[], share: number): number {
  if (share === 0) return 1.01;
  const q = [...quantiles].sort((a, b) => a.topShare - b.topShare);
  for (let i = 0; i < q.length; i++) {
    if (q[i].topShare === share) return q[i].score;
    if (i > 0 && q[i - 1].topShare < share && share < q[i].topShare) {
      const t = (share - q[i - 1].topShare) / (q[i].topShare - q[i - 1].topShare);
      return q[i - 1].score + t * (q[i].score - q[i - 1].score);
    }
  }
  const shares = q.map((p) => p.topShare);
  throw new Error(`no model threshold for a top share of ${share}: the model's quantiles cover ${Math.min(...shares)}..${Math.max(...shares)}`);
}
