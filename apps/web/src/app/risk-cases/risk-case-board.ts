import { RISK_CASE_STATUSES, type RiskCaseListQuery, type RiskCaseStatus, type RiskCaseStatusCounts, type RiskCaseSummary } from './risk-case.types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The board's filters (`''` = any): risk area, desk (`CBTC` or an office code) and age. */
export interface BoardFilters {
  riskArea: NonNullable<RiskCaseListQuery['riskArea']> | '';
  desk: NonNullable<RiskCaseListQuery['desk']> | '';
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

/**
 * The `GET /api/risk-cases` query for the board's filters: the server filters and counts, so the
 * columns' counts hold for every case, not only those loaded. Unset filters are left out.
 */
export function boardQuery(f: BoardFilters, limit: number): RiskCaseListQuery {
  return {
    ...(f.riskArea ? { riskArea: f.riskArea } : {}),
    ...(f.desk ? { desk: f.desk } : {}),
    ...(f.maxAgeDays !== null ? { maxAgeDays: f.maxAgeDays } : {}),
    limit,
  };
}

/** One column of the board: a state, its cases and how many. */
export interface BoardColumn {
  status: RiskCaseStatus;
  cases: RiskCaseSummary[];
  count: number;
}

/**
 * The loaded cases in one column per state, in lifecycle order (empty columns included), keeping
 * their order; each column's count is the server's (`counts`, every matching case), which can
 * exceed the cases loaded.
 */
export function boardColumns(cases: readonly RiskCaseSummary[], counts: Partial<RiskCaseStatusCounts>): BoardColumn[] {
  return RISK_CASE_STATUSES.map((status) => {
    const of = cases.filter((c) => c.status === status);
    return { status, cases: of, count: counts[status] ?? of.length };
  });
}

/**
 * The desks to choose from: CBTC first, then every office seen so far (kept across loads, so a
 * filter never hides the other desks), in numeric order.
 */
export function boardDesks(known: readonly string[], cases: readonly RiskCaseSummary[]): string[] {
  const offices = new Set(known.filter((d) => d !== 'CBTC'));
  for (const c of cases) for (const o of c.officeIds) offices.add(o);
  return ['CBTC', ...[...offices].sort((a, b) => Number(a) - Number(b))];
}

/** The i18n key of a risk area (`riskArea.*`), which names SMUGGLING with its subtype when there is one. */
export function riskAreaKey(riskArea: string, subtype?: string | null): string {
  return riskArea === 'SMUGGLING' && subtype ? `intel.subtype.${subtype}` : `riskArea.${riskArea}`;
}
