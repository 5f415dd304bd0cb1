import type { DerivedThresholds, PolicyVersion, RiskPolicyPreview } from './risk-policy.types';

/** Inspection lanes in the order the preview lists them. */
export const PREVIEW_LANES = ['RED', 'YELLOW', 'GREEN'] as const;
export type PreviewLane = (typeof PREVIEW_LANES)[number];

/** Deciding bases in the order the preview lists them (NONE: nothing selected, GREEN). */
export const PREVIEW_BASES = ['CRITERION', 'MODEL', 'DATA_QUALITY', 'CONTROL', 'EXPLORATION', 'NONE'] as const;

/** A cut-off at or above this score selects nothing (the API gives 1.01 for a share of 0). */
export const NO_CUTOFF = 1;

/**
 * Declarations per day over a window: `count / days`, rounded to one decimal.
 * @param count declarations in the window.
 * @param days length of the window, days (> 0).
 * @throws RangeError when `days` is not a positive number.
 */
export function perDay(count: number, days: number): number {
  if (!(days > 0)) throw new RangeError(`days must be > 0, got ${days}`);
  return Math.round((10 * count) / days) / 10;
}

/** One lane or basis of the preview: counts over the window and per day, in force and proposed. */
export interface PreviewRow {
  key: string;
  current: number;
  proposed: number;
  currentPerDay: number;
  proposedPerDay: number;
  /** Proposed minus current, declarations/day (one decimal). */
  changePerDay: number;
}

function row(key: string, current: number, proposed: number, days: number): PreviewRow {
  const currentPerDay = perDay(current, days);
  const proposedPerDay = perDay(proposed, days);
  return { key, current, proposed, currentPerDay, proposedPerDay, changePerDay: Math.round(10 * (proposedPerDay - currentPerDay)) / 10 };
}

/** Expected daily selections per lane (RED, YELLOW, GREEN): the window's counts under both policies divided by its days. */
export function laneRows(p: RiskPolicyPreview): PreviewRow[] {
  return PREVIEW_LANES.map((l) => row(l, p.current.lanes[l], p.proposed.lanes[l], p.days));
}

/** The same per deciding basis (criterion, model, control sample, exploration, none). */
export function basisRows(p: RiskPolicyPreview): PreviewRow[] {
  return PREVIEW_BASES.map((b) => row(b, p.current.decidedBy[b] ?? 0, p.proposed.decidedBy[b] ?? 0, p.days));
}

/** A lane move between the policies: from, to, declarations over the window and per day. */
export interface LaneMove {
  from: string;
  to: string;
  count: number;
  perDay: number;
}

/** The preview's lane moves (`"GREEN->RED": n`), most first, then by name. */
export function laneMoves(p: RiskPolicyPreview): LaneMove[] {
  return Object.entries(p.moves)
    .map(([move, count]) => {
      const [from, to] = move.split('->');
      return { from, to, count, perDay: perDay(count, p.days) };
    })
    .sort((a, b) => b.count - a.count || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`));
}

/** A score cut-off (probability 0..1) as text with four decimals, or null when it selects nothing (>= {@link NO_CUTOFF}). */
export function cutoffText(score: number): string | null {
  return score >= NO_CUTOFF ? null : score.toFixed(4);
}

/** A share 0..1 as percent text with up to two decimals ("2 %", "0.25 %"). */
export function shareText(share: number): string {
  return `${Number((share * 100).toFixed(2))} %`;
}

/** One line of the before/after cut-off table: label key (`policy.cut.*`) and both values as text (null: selects nothing). */
export interface CutoffRow {
  key: 'red' | 'yellow' | 'redShare' | 'yellowShare' | 'explorationFloor';
  current: string | null;
  proposed: string | null;
  changed: boolean;
}

/** The cut-offs in force and proposed, side by side: RED and YELLOW scores, their top shares, the exploration band's floor. */
export function cutoffRows(current: DerivedThresholds, proposed: DerivedThresholds): CutoffRow[] {
  const pairs: Array<[CutoffRow['key'], string | null, string | null]> = [
    ['red', cutoffText(current.red), cutoffText(proposed.red)],
    ['yellow', cutoffText(current.yellow), cutoffText(proposed.yellow)],
    ['redShare', shareText(current.redTopShare), shareText(proposed.redTopShare)],
    ['yellowShare', shareText(current.yellowTopShare), shareText(proposed.yellowTopShare)],
    ['explorationFloor', bandFloor(current), bandFloor(proposed)],
  ];
  return pairs.map(([key, a, b]) => ({ key, current: a, proposed: b, changed: a !== b }));
}

/** The exploration band's floor score, or null when the band is empty (no exploration). */
function bandFloor(t: DerivedThresholds): string | null {
  return t.exploration.share > 0 && t.exploration.floor < t.yellow ? cutoffText(t.exploration.floor) : null;
}

/**
 * A history version's cut-offs as written ("0.8123 / 0.5120"), each "—" when it selects nothing.
 * These are the cut-offs derived for the model deciding when the version was written.
 */
export function versionCutoffs(v: PolicyVersion): { red: string; yellow: string } {
  return { red: cutoffText(v.derivedAtWrite.red) ?? '—', yellow: cutoffText(v.derivedAtWrite.yellow) ?? '—' };
}
