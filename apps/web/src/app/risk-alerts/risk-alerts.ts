import type { RiskAlert, Role } from '../core/api.types';

/** Roles that have risk alerts: the office's people (`GET /api/risk-alerts` refuses the others). */
export const ALERTED_ROLES: readonly Role[] = ['local_officer', 'supervisor'];

/** Whether a user of `role` has risk alerts to load and show. */
export function hasRiskAlerts(role: Role | null | undefined): boolean {
  return !!role && ALERTED_ROLES.includes(role);
}

/** The alerts the user has not acknowledged yet, in the API's order (most recently shared first). */
export function unacknowledged(alerts: readonly RiskAlert[]): RiskAlert[] {
  return alerts.filter((a) => !a.acknowledged);
}

/** What the top bar's badge shows for `count` unacknowledged alerts: nothing at 0, `99+` above 99. */
export function badgeText(count: number): string | null {
  if (count <= 0) return null;
  return count > 99 ? '99+' : String(count);
}

/** The i18n key naming an alert's risk area: the smuggling subtype when there is one (`intel.subtype.WEAPONS`), else `riskArea.<area>`. */
export function riskAreaKey(a: Pick<RiskAlert, 'riskArea' | 'smugglingSubtype'>): string {
  return a.riskArea === 'SMUGGLING' && a.smugglingSubtype ? `intel.subtype.${a.smugglingSubtype}` : `riskArea.${a.riskArea}`;
}

/** One route as shown: `CN → HK` (origin, then departure), or one side alone. */
export function routeText(r: RiskAlert['lookFor']['routes'][number]): string {
  return [r.originCountry, r.departureCountry].filter(Boolean).join(' → ');
}

/** One goods line as shown: `930200 pistol parts`, or the HS code or description alone. */
export function goodsText(g: RiskAlert['lookFor']['goods'][number]): string {
  return [g.hsCode, g.description].filter(Boolean).join(' ');
}

/** The alerts with `riskCaseId` marked acknowledged at `acknowledgedAt` (the others unchanged). */
export function markAcknowledged(alerts: readonly RiskAlert[], riskCaseId: string, acknowledgedAt: string): RiskAlert[] {
  return alerts.map((a) => (a.riskCaseId === riskCaseId ? { ...a, acknowledged: true, acknowledgedAt } : a));
}

/** Alerts the queue page shows before the user unfolds the rest, so the queue stays in view. */
export const ALERTS_FOLDED = 3;

/** The alerts the panel shows: all when `expanded`, else the first {@link ALERTS_FOLDED}. */
export function shownAlerts(open: readonly RiskAlert[], expanded: boolean): readonly RiskAlert[] {
  return expanded ? open : open.slice(0, ALERTS_FOLDED);
}
