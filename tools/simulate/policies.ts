/**
 * Selection policies of the simulator: given one office-day's declarations (their risk scores
 * and criteria lanes) and the office's capacity for that day, which ones are inspected.
 * Pure functions over positions in the office-day's list; randomness only from the injected
 * seeded source (`SeededRandom` of `tools/synthetic/random.ts`), so a run is reproducible.
 */
import { laneRank, type Lane } from '@customs/domain';
import type { SeededRandom } from '../synthetic/random';

/** The four policies compared, in table order. */
export const POLICY_NAMES = ['criteria', 'exploit', 'explore', 'control'] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

/** What a policy sees of one declaration of the office-day (never its labels). */
export interface Candidate {
  /** Fraud risk score of the deciding model in [0, 1] (model policies; 0 for the criteria policy). */
  score: number;
  /** Most severe lane of the fired criteria, GREEN when none fired (criteria policy). */
  lane: Lane;
  /** Number of criteria fired (tie-break of the criteria policy). */
  fired: number;
}

/** One inspection chosen by a policy: the position in the office-day's list and why. */
export interface Pick {
  index: number;
  /** `model`/`criteria`: chosen by ranking; `explore`: random among the rest; `control`: uniform random sample. */
  reason: 'criteria' | 'model' | 'explore' | 'control';
}

/** Shares of the capacity for the model policies with randomness. */
export interface PolicyShares {
  /** Share of the capacity given to random exploration among the declarations the model did not pick (default 0.10). */
  explore: number;
  /** Share of the capacity given to a uniform random control sample of all the office-day's declarations (default 0.05). */
  control: number;
}

export const DEFAULT_SHARES: PolicyShares = { explore: 0.1, control: 0.05 };

/**
 * Inspections allowed for an office-day: `share` of its `n` declarations, rounded, at least 1
 * (and never more than `n`; 0 when `n` is 0).
 */
export function capacityFor(n: number, share: number): number {
  if (n <= 0) return 0;
  return Math.min(n, Math.max(1, Math.round(n * share)));
}

/**
 * `x` rounded up or down at random so that the mean over many draws is `x` (a 10 % share of a
 * capacity of 2 is one slot one time in five): with capacities of a few inspections per office-day,
 * plain rounding would give exploration no slot at all.
 */
export function stochasticRound(x: number, rng: SeededRandom): number {
  const floor = Math.floor(x);
  return floor + (rng.next() < x - floor ? 1 : 0);
}

/** Positions ordered by score, highest first (ties by position, so the order is deterministic). */
function byScore(candidates: readonly Candidate[], among: readonly number[]): number[] {
  return [...among].sort((a, b) => candidates[b].score - candidates[a].score || a - b);
}

/** `k` distinct positions of `among`, uniformly at random (partial Fisher-Yates). */
function sample(among: readonly number[], k: number, rng: SeededRandom): number[] {
  const xs = [...among];
  const n = Math.min(k, xs.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (xs.length - i));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs.slice(0, n);
}

const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/**
 * Criteria only: the declarations some criterion selected (lane YELLOW or RED), RED first, then
 * by number of fired criteria, then by position; at most `capacity`. Unused capacity is not filled.
 */
export function selectByCriteria(candidates: readonly Candidate[], capacity: number): Pick[] {
  return all(candidates.length)
    .filter((i) => candidates[i].lane !== 'GREEN')
    .sort((a, b) => laneRank(candidates[b].lane) - laneRank(candidates[a].lane) || candidates[b].fired - candidates[a].fired || a - b)
    .slice(0, capacity)
    .map((index) => ({ index, reason: 'criteria' as const }));
}

/** Model exploitation: the `capacity` highest scores. */
export function selectExploit(candidates: readonly Candidate[], capacity: number): Pick[] {
  return byScore(candidates, all(candidates.length))
    .slice(0, capacity)
    .map((index) => ({ index, reason: 'model' as const }));
}

/**
 * Model with an exploration share: `stochasticRound(share * capacity)` slots go to declarations
 * drawn uniformly among those the model did not rank into the rest of the capacity; the rest of the
 * capacity to the highest scores.
 */
export function selectExplore(candidates: readonly Candidate[], capacity: number, share: number, rng: SeededRandom): Pick[] {
  const k = Math.min(capacity, stochasticRound(share * capacity, rng));
  const ranked = byScore(candidates, all(candidates.length));
  const top = ranked.slice(0, capacity - k);
  const explored = sample(ranked.slice(capacity - k), k, rng);
  return [...top.map((index) => ({ index, reason: 'model' as const })), ...explored.map((index) => ({ index, reason: 'explore' as const }))];
}

/**
 * Model with a control sample: `stochasticRound(share * capacity)` declarations drawn uniformly
 * among ALL the office-day's declarations first (whatever their score: their fraud rate is an
 * unbiased estimate of the office's), then the highest scores among the rest fill the capacity.
 */
export function selectControl(candidates: readonly Candidate[], capacity: number, share: number, rng: SeededRandom): Pick[] {
  const k = Math.min(capacity, stochasticRound(share * capacity, rng));
  const control = sample(all(candidates.length), k, rng);
  const taken = new Set(control);
  const top = byScore(
    candidates,
    all(candidates.length).filter((i) => !taken.has(i)),
  ).slice(0, capacity - k);
  return [...top.map((index) => ({ index, reason: 'model' as const })), ...control.map((index) => ({ index, reason: 'control' as const }))];
}

/** The picks of policy `name` for one office-day. */
export function selectFor(name: PolicyName, candidates: readonly Candidate[], capacity: number, shares: PolicyShares, rng: SeededRandom): Pick[] {
  switch (name) {
    case 'criteria':
      return selectByCriteria(candidates, capacity);
    case 'exploit':
      return selectExploit(candidates, capacity);
    case 'explore':
      return selectExplore(candidates, capacity, shares.explore, rng);
    case 'control':
      return selectControl(candidates, capacity, shares.control, rng);
  }
}
