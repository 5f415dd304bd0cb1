import type { CriterionBacktestResult } from '../core/api.types';

/** One office row of the panel: selections, lanes they got, and the extra inspections against capacity. */
export interface BacktestOfficeRow {
  officeId: string;
  selected: number;
  red: number;
  yellow: number;
  green: number;
  /** Extra inspections per day (one decimal). */
  extraPerDay: number;
  capacityPerDay: number | null;
  /** % of the office's daily capacity; null without one. */
  shareOfCapacity: number | null;
  /** True from 100 % of capacity: the office cannot absorb it. */
  overCapacity: boolean;
}

/** The per-office table of a backtest: `byOffice` joined with `capacity` by office, most selections first. */
export function officeRows(r: CriterionBacktestResult): BacktestOfficeRow[] {
  return r.byOffice
    .map((o) => {
      const cap = r.capacity.find((c) => c.officeId === o.officeId);
      const share = cap?.shareOfCapacity ?? null;
      return {
        officeId: o.officeId, selected: o.selected, red: o.byLane.RED, yellow: o.byLane.YELLOW, green: o.byLane.GREEN,
        extraPerDay: Math.round((cap?.extraPerDay ?? 0) * 10) / 10, capacityPerDay: cap?.capacityPerDay ?? null, shareOfCapacity: share,
        overCapacity: share !== null && share >= 100,
      };
    })
    .sort((a, b) => b.selected - a.selected || a.officeId.localeCompare(b.officeId));
}

/** Hit rate (0-1) as a percentage with one decimal, or null without inspected selections. */
export function hitRatePct(r: Pick<CriterionBacktestResult, 'hitRate'>): number | null {
  return r.hitRate === null ? null : Math.round(r.hitRate * 1000) / 10;
}

/** The tallest day's count, to scale the per-day bars (at least 1). */
export function peakDay(r: Pick<CriterionBacktestResult, 'byDay'>): number {
  return Math.max(1, ...r.byDay.map((d) => d.selected));
}
