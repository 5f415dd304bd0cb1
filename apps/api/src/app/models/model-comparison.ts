import { rocAuc as rankAuc } from '@customs/risk-model';

/**
 * Champion/challenger comparison on inspected declarations: each model's scores of the same
 * declarations against what inspection found. Pure functions (unit-tested beside).
 */

/** One inspected declaration as one model saw it. */
export interface ScoredOutcome {
  score: number;
  /** The lane this model asked for (GREEN / YELLOW / RED). */
  lane: string;
  /** 1 when inspection found fraud. */
  fraud: 0 | 1;
}

/** How one model did on the inspected declarations. */
export interface ModelPerformance {
  /** Inspected declarations this model scored. */
  inspected: number;
  frauds: number;
  /** ROC AUC of the score against the finding (0.5 = no better than chance); null without both classes. */
  rocAuc: number | null;
  /** Of the inspected declarations this model would have selected (YELLOW/RED), the share found fraudulent. */
  hitRateWhenSelected: number | null;
  selected: number;
  /** Share of frauds found among the 10% highest-scored inspected declarations. */
  precisionAtTop10Pct: number | null;
  /** Mean score of the fraudulent / clean inspected declarations. */
  meanScoreFraud: number | null;
  meanScoreClean: number | null;
}

/** ROC AUC of one model's scored outcomes (see `rocAuc` in libs/risk-model). */
export function rocAuc(rows: readonly ScoredOutcome[]): number | null {
  return rankAuc(rows.map((r) => r.fraud), rows.map((r) => r.score));
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The figures of {@link ModelPerformance} for one model's scored outcomes. */
export function performance(rows: readonly ScoredOutcome[]): ModelPerformance {
  const frauds = rows.filter((r) => r.fraud === 1);
  const selected = rows.filter((r) => r.lane !== 'GREEN');
  const top = [...rows].sort((a, b) => b.score - a.score).slice(0, Math.max(1, Math.round(rows.length * 0.1)));
  return {
    inspected: rows.length,
    frauds: frauds.length,
    rocAuc: rocAuc(rows),
    hitRateWhenSelected: selected.length ? selected.filter((r) => r.fraud === 1).length / selected.length : null,
    selected: selected.length,
    precisionAtTop10Pct: rows.length ? top.filter((r) => r.fraud === 1).length / top.length : null,
    meanScoreFraud: mean(frauds.map((r) => r.score)),
    meanScoreClean: mean(rows.filter((r) => r.fraud === 0).map((r) => r.score)),
  };
}
