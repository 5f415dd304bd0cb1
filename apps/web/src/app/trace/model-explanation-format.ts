import type { FeatureContribution } from '../core/api.types';

/**
 * " (top 2%)" after a cut-off set to select a share of declarations: `topShare` 0..1 as a
 * percentage with at most two decimals and no trailing zeros (0.0125 -> "1.25%"); '' when
 * the share is not recorded.
 */
export function topShareLabel(topShare: number | undefined): string {
  return topShare === undefined ? '' : ` (top ${+(topShare * 100).toFixed(2)}%)`;
}

/**
 * Width of a contribution's bar, percent of the whole track (0..50: half the track each way
 * from the middle), scaled so the largest |contribution| among `shown` fills its half.
 */
export function barWidthPct(contribution: number, shown: readonly Pick<FeatureContribution, 'contribution'>[]): number {
  const maxAbs = Math.max(1e-9, ...shown.map((c) => Math.abs(c.contribution)));
  return (Math.abs(contribution) / maxAbs) * 50;
}

/** Whether a contribution (log-odds) raises the fraud score (> 0) or lowers it (0 counts as lowering). */
export function contributionDirection(contribution: number): 'raises' | 'lowers' {
  return contribution > 0 ? 'raises' : 'lowers';
}

/** The sign written before a contribution: '+' when it raises the score, '' otherwise (a negative number brings its own '-'). */
export function contributionSign(contribution: number): '+' | '' {
  return contribution > 0 ? '+' : '';
}
