import type { CaseQuery, Role } from '../core/api.types';

/** Roles that see the escalation list: supervisors (their office; the API scopes them), analysts and auditors (every office). */
export const ESCALATION_ROLES: readonly Role[] = ['supervisor', 'cbtc_analyst', 'auditor'];

/** Rows the dashboard lists at most; the heading gives the full count. */
export const ESCALATIONS_SHOWN = 50;

/** Whether the dashboard shows a user of `role` the escalated cases. */
export function showsEscalations(role: Role | null | undefined): boolean {
  return !!role && ESCALATION_ROLES.includes(role);
}

/**
 * `GET /api/cases` for the escalation list: open (not CLOSED) escalated cases, soonest SLA due
 * date first (the longest overdue), at most {@link ESCALATIONS_SHOWN}; the answer's `total` is the count.
 */
export function escalatedCasesQuery(): CaseQuery {
  return { escalated: 'true', open: 'true', sort: 'due', limit: ESCALATIONS_SHOWN, offset: 0 };
}

/** How long past its SLA due date a case is: a whole number of minutes (below 1 h), hours (below 48 h) or days, rounded down. */
export interface Overdue {
  value: number;
  unit: 'min' | 'h' | 'd';
}

/**
 * How overdue a case is at `now` (epoch ms) given its `slaDueAt` (ISO timestamp): 0 min when not
 * yet due (or the clocks disagree); an unreadable timestamp counts as not due.
 */
export function overdue(slaDueAt: string, now: number = Date.now()): Overdue {
  const ms = Math.max(0, now - Date.parse(slaDueAt)) || 0;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return { value: minutes, unit: 'min' };
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? { value: hours, unit: 'h' } : { value: Math.floor(hours / 24), unit: 'd' };
}
