import type { InspectionCase } from '../core/api.types';

/** The table's sort state (Angular Material's `Sort`): column id and `asc` / `desc` / `''` (none). */
export interface QueueSort {
  active: string;
  direction: 'asc' | 'desc' | '';
}

/**
 * The page of cases as shown: the API's order (riskiest first, then oldest) when no column is
 * sorted; else by `age` (time since `openedAt`: `asc` youngest first, `desc` oldest first) or
 * by risk score for any other column (`asc` lowest first). Ties keep the API's order. Returns
 * a new array; `cases` is not changed.
 */
export function sortQueue(cases: readonly InspectionCase[], sort: QueueSort): InspectionCase[] {
  const rows = [...cases];
  if (!sort.direction) return rows;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key = (c: InspectionCase) => (sort.active === 'age' ? -Date.parse(c.openedAt) : c.riskScore);
  return rows.sort((a, b) => sign * (key(a) - key(b)));
}
