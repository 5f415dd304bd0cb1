import type { Lane } from '@customs/domain';

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

/** A point of the model's score distribution: `score` is the cut-off selecting `topShare` of declarations. */
export interface ScoreQuantilePoint {
  topShare: number;
  score: number;
}

/**
 * The score distribution of a model version, as recorded in its feature spec (validation months,
 * see its MODEL_CARD.md): the fraud score's quantiles, and the critical-fraud score's when the
 * version has a critical model (null otherwise).
 */
export interface ModelQuantiles {
  quantiles: readonly ScoreQuantilePoint[];
  criticalQuantiles: readonly ScoreQuantilePoint[] | null;
}

/** The shares cut-offs are set to select, each 0..1 (`RED_TOP_SHARE`, `YELLOW_TOP_SHARE`, `CRITICAL_RED_TOP_SHARE`). */
export interface TopShares {
  red: number;
  yellow: number;
  /** 0: the critical-fraud model sends nothing to RED on its own. */
  criticalRed: number;
}

/**
 * The lane the model's scores ask for under the thresholds: RED when the fraud score
 * reaches the RED cut-off or the critical-fraud score reaches its own; YELLOW from the
 * YELLOW cut-off; else GREEN.
 * @param score P(fraud) in [0, 1]; `criticalScore` P(critical fraud) in [0, 1] or null without a critical model.
 */
export function modelLane(score: number, t: Pick<ModelThresholds, 'red' | 'yellow' | 'criticalRed'>, criticalScore: number | null = null): Lane {
  if (score >= t.red) return 'RED';
  if (criticalScore !== null && t.criticalRed !== undefined && criticalScore >= t.criticalRed) return 'RED';
  if (score >= t.yellow) return 'YELLOW';
  return 'GREEN';
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

/**
 * The critical-fraud cut-off of a model version: the critical score selecting `share` of
 * declarations, or nothing when the version has no critical model or the share is 0.
 * @throws Error when `share` lies outside the recorded critical quantiles.
 */
export function criticalCutoff(model: ModelQuantiles, share: number): Pick<ModelThresholds, 'criticalRed' | 'criticalRedTopShare'> {
  if (model.criticalQuantiles === null || share <= 0) return {};
  return { criticalRed: thresholdForTopShare(model.criticalQuantiles, share), criticalRedTopShare: share };
}

/**
 * The cut-offs of a model version under fixed top shares (the global configuration): what a
 * shadow model's lane is computed with, and what an office without a risk policy decides with.
 * @throws Error when a share lies outside the model's recorded quantiles.
 */
export function modelThresholds(model: ModelQuantiles, shares: TopShares): ModelThresholds {
  return {
    red: thresholdForTopShare(model.quantiles, shares.red),
    yellow: thresholdForTopShare(model.quantiles, shares.yellow),
    redTopShare: shares.red,
    yellowTopShare: shares.yellow,
    ...criticalCutoff(model, shares.criticalRed),
  };
}
