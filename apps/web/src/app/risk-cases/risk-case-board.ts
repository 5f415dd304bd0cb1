import { RISK_CASE_STATUSES, type RiskCaseStatus, type RiskCaseSummary } from './risk-case.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The board's filters (`''` = any): risk area, desk (`CBTC` or an office code) and age. */
export interface BoardFilters {
  riskArea: string;
  desk: string;
  /** Only cases opened at most this many days ago; `null` = any age. */
  maxAgeDays: number | null;
}

/** Age choices of the board's filter, days. */
export const AGE_CHOICES: readonly number[] = [1, 7, 30, 90];

/**
 * Whole days left in a validity window, rounded up (a window ending in 3 h has 1 day left);
 * 0 once it has ended; null without a window.
 * @param windowEndsAt ISO timestamp; @param now epoch ms.
 */
export function daysLeft(windowEndsAt: string | null, now: number = Date.now()): number | null {
  if (!windowEndsAt) return null;
  const ms = Date.parse(windowEndsAt) - now;
  return ms <= 0 ? 0 : Math.ceil(ms / DAY_MS);
}

/** Whole days since the case opened (rounded down, never negative). */
export function ageDays(openedAt: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(openedAt)) / DAY_MS));
}

/** The desks a case is worked at: `CBTC` for the central desk, else its offices (routed or shared). */
export function desksOf(c: RiskCaseSummary): string[] {
  return c.route === 'CBTC' ? ['CBTC', ...c.officeIds] : c.officeIds;
}

/** The cases matching every filter set, in the order given. */
export function filterBoard(cases: readonly RiskCaseSummary[], f: BoardFilters, now: number = Date.now()): RiskCaseSummary[] {
  return cases.filter(
    (c) =>
      (!f.riskArea || c.riskArea === f.riskArea) &&
      (!f.desk || desksOf(c).includes(f.desk)) &&
      (f.maxAgeDays === null || ageDays(c.openedAt, now) <= f.maxAgeDays),
  );
}

/** One column of the board: a state, its cases and how many. */
export interface BoardColumn {
  status: RiskCaseStatus;
  cases: RiskCaseSummary[];
  count: number;
}

/** The cases in one column per state, in lifecycle order (empty columns included), keeping their order. */
export function boardColumns(cases: readonly RiskCaseSummary[]): BoardColumn[] {
  return RISK_CASE_STATUSES.map((status) => {
    const of = cases.filter((c) => c.status === status);
    return { status, cases: of, count: of.length };
  });
}

/** The distinct risk areas and desks of the loaded cases, sorted, for the filters' choices. */
export function boardChoices(cases: readonly RiskCaseSummary[]): { riskAreas: string[]; desks: string[] } {
  const riskAreas = [...new Set(cases.map((c) => c.riskArea))].sort();
  const offices = [...new Set(cases.flatMap((c) => c.officeIds))].sort((a, b) => Number(a) - Number(b));
  return { riskAreas, desks: ['CBTC', ...offices] };
}

/** The i18n key of a risk area (`riskArea.*`), which names SMUGGLING with its subtype when there is one. */
export function riskAreaKey(riskArea: string, subtype?: string | null): string {
  return riskArea === 'SMUGGLING' && subtype ? `intel.subtype.${subtype}` : `riskArea.${riskArea}`;
}
