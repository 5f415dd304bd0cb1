/**
 * Ranking metrics of fraud scores against inspection findings, as the model cards and the
 * champion/challenger comparison report them.
 */

/**
 * ROC AUC by the rank-sum (Mann-Whitney U) formula, tied scores counted half.
 * @param labels 1 = fraud found, 0 = none; same order as `scores`.
 * @returns in [0, 1] (0.5 = chance), or null without both classes.
 */
export function rocAuc(labels: readonly number[], scores: readonly number[]): number | null {
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 .. j
    for (let k = i; k < j; k++) if (labels[order[k]] === 1) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * precision@share: the share of frauds among the `share` (0..1) highest-scored rows
 * (at least one row; ties keep input order, as numpy's stable sort in python/train.py).
 */
export function precisionAt(labels: readonly number[], scores: readonly number[], share: number): number {
  const n = Math.max(1, Math.round(labels.length * share));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  return order.slice(0, n).reduce((acc, i) => acc + labels[i], 0) / n;
}
