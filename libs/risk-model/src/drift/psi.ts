/**
 * Population stability index (PSI): how far a current distribution has moved from a reference.
 *
 *   PSI = Σ_i (c_i − r_i) · ln(c_i / r_i)
 *
 * over fixed bins i, with r_i / c_i the shares (0..1) of the reference / current values in bin i.
 * Bins are fixed from the reference only: its deciles for scores and numeric features, its
 * categories (plus one bin for values the reference never had) for categorical features.
 *
 * Conventional reading (Siddiqi, "Credit Risk Scorecards: Developing and Implementing
 * Intelligent Credit Scoring", Wiley 2006, ch. 8 "system stability report"):
 * PSI < 0.1 stable, 0.1 – 0.25 moderate shift (look into it), > 0.25 significant shift (act).
 *
 * Empty bins: a share of 0 would make ln(c/r) infinite, so every share is floored at
 * {@link PSI_EPSILON} (1e-4) before the sum. A bin that holds share p on one side and nothing
 * on the other then contributes about p · ln(p / 1e-4) (1 % -> 0.046, 5 % -> 0.31).
 * Sampling noise: with k bins and n current rows, PSI of an unchanged population is about
 * (k − 1) / n (e.g. 10 bins, 500 rows: ≈ 0.02), so small weeks read high.
 */

/** Floor applied to each bin share (reference and current) so that empty bins stay finite. */
export const PSI_EPSILON = 1e-4;
/** PSI above this: moderate shift, a WARN (Siddiqi 2006). */
export const PSI_WARN = 0.1;
/** PSI above this: significant shift, an ALERT (Siddiqi 2006). */
export const PSI_ALERT = 0.25;

/** How bins are fixed from the reference: its deciles (numeric) or its distinct values (categorical). */
export type PsiBinning = 'deciles' | 'categories';

/**
 * A reference distribution reduced to bins and their shares, what PSI compares against.
 * - numeric: `edges` ascending, distinct; bin 0 = (−∞, edges[0]], bin i = (edges[i−1], edges[i]],
 *   last = (edges[last], +∞); `shares.length = edges.length + 1`.
 * - categorical: one bin per value of `categories`, then one "other" bin (values the reference
 *   never had, share 0); `shares.length = categories.length + 1`.
 * `shares` sum to 1; `n` is the number of reference values (0 when built from recorded quantiles).
 */
export type BinnedReference =
  | { kind: 'numeric'; edges: number[]; shares: number[]; n: number }
  | { kind: 'categorical'; categories: number[]; shares: number[]; n: number };

function checkValues(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`PSI: the ${what} distribution is empty`);
  for (let i = 0; i < values.length; i++)
    if (!Number.isFinite(values[i])) throw new RangeError(`PSI: ${what}[${i}] is not a finite number (${values[i]})`);
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values, linear interpolation between order
 * statistics (numpy's default, the one `python/train.py` used for the spec's score quantiles).
 * @throws RangeError for an empty array or p outside [0, 1].
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty array');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Bins a reference sample: by its deciles (the 10 %, 20 %, .. 90 % quantiles, ties merged, so
 * a feature that is mostly one value gets fewer, unequal bins) or by its distinct values.
 * @throws RangeError when `reference` is empty or holds a non-finite value.
 */
export function binReference(reference: readonly number[], binning: PsiBinning = 'deciles'): BinnedReference {
  checkValues(reference, 'reference');
  const n = reference.length;
  if (binning === 'categories') {
    const counts = new Map<number, number>();
    for (const v of reference) counts.set(v, (counts.get(v) ?? 0) + 1);
    const categories = [...counts.keys()].sort((a, b) => a - b);
    return { kind: 'categorical', categories, shares: [...categories.map((c) => counts.get(c)! / n), 0], n };
  }
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let d = 1; d <= 9; d++) {
    const q = quantileSorted(sorted, d / 10);
    if (edges.length === 0 || q > edges[edges.length - 1]) edges.push(q);
  }
  return { kind: 'numeric', edges, shares: binShares({ kind: 'numeric', edges, shares: [], n: 0 }, sorted), n };
}

/**
 * The reference of a score from recorded quantiles (`feature-spec.json` `quantiles`: the score
 * cut-off of each top share on the validation split): bins between consecutive cut-offs, shares
 * the differences of the top shares (e.g. cut-offs at top 1 %, 2 %, 5 % .. 50 % give 8 bins:
 * bottom 50 %, 30–50 %, .., top 1 %).
 * @throws RangeError when `quantiles` is empty or its top shares / scores are not consistent.
 */
export function referenceFromQuantiles(quantiles: ReadonlyArray<{ topShare: number; score: number }>): BinnedReference {
  if (quantiles.length === 0) throw new RangeError('PSI: no recorded quantiles to build a reference from');
  const q = [...quantiles].sort((a, b) => a.score - b.score); // ascending score = descending top share
  const edges: number[] = [];
  const shares: number[] = [];
  let below = 1; // share of values above the previous edge
  for (const { topShare, score } of q) {
    if (!(topShare > 0 && topShare < 1) || topShare > below || (edges.length && score <= edges[edges.length - 1]))
      throw new RangeError(`PSI: recorded quantiles are not monotone at topShare ${topShare}, score ${score}`);
    shares.push(below - topShare);
    edges.push(score);
    below = topShare;
  }
  shares.push(below);
  return { kind: 'numeric', edges, shares, n: 0 };
}

/** Bin index of a value (see {@link BinnedReference} for the bin layout). */
function binOf(ref: BinnedReference, v: number): number {
  if (ref.kind === 'categorical') {
    const i = ref.categories.indexOf(v);
    return i < 0 ? ref.categories.length : i;
  }
  let lo = 0;
  let hi = ref.edges.length; // first edge >= v, or edges.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ref.edges[mid] >= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Shares (0..1, summing to 1) of `values` in the reference's bins. */
export function binShares(ref: BinnedReference, values: readonly number[]): number[] {
  const counts = new Array<number>(ref.kind === 'numeric' ? ref.edges.length + 1 : ref.categories.length + 1).fill(0);
  for (const v of values) counts[binOf(ref, v)]++;
  return counts.map((c) => c / values.length);
}

/**
 * PSI between two share vectors over the same bins, shares floored at {@link PSI_EPSILON}.
 * @throws RangeError when the lengths differ or are 0.
 */
export function psiOfShares(reference: readonly number[], current: readonly number[]): number {
  if (reference.length === 0 || reference.length !== current.length)
    throw new RangeError(`PSI: share vectors must have the same non-zero length (${reference.length} vs ${current.length})`);
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i], PSI_EPSILON);
    const c = Math.max(current[i], PSI_EPSILON);
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}

/**
 * PSI of `current` values against an already binned reference (see {@link binReference},
 * {@link referenceFromQuantiles}). ≥ 0, 0 when the shares match bin for bin.
 * @throws RangeError when `current` is empty or holds a non-finite value.
 */
export function psiAgainst(ref: BinnedReference, current: readonly number[]): number {
  checkValues(current, 'current');
  return psiOfShares(ref.shares, binShares(ref, current));
}

/**
 * Population stability index of `current` against `reference` (module comment: formula,
 * epsilon, thresholds and source).
 * @param reference the reference sample (e.g. training scores or feature values).
 * @param current the sample to check (e.g. one week's values).
 * @param bins `'deciles'` (scores, numeric features: bins at the reference's deciles) or
 *   `'categories'` (categorical features, e.g. ordinal codes: one bin per reference value + other).
 * @returns PSI ≥ 0 (dimensionless): < 0.1 stable, 0.1–0.25 moderate, > 0.25 significant shift.
 * @throws RangeError when either sample is empty or holds a non-finite value.
 */
export function populationStabilityIndex(reference: readonly number[], current: readonly number[], bins: PsiBinning = 'deciles'): number {
  return psiAgainst(binReference(reference, bins), current);
}
