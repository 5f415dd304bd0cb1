import type { AuthUser, BulkAssignment, InspectionCase } from '../core/api.types';

/** Supervisors assign several cases at once (`POST /api/cases/assign` is theirs only). */
export function canBulkAssign(user: AuthUser | null): boolean {
  return user?.role === 'supervisor';
}

/** Cases that can still be given to an officer: QUEUED or ASSIGNED (reassignment). */
export function isAssignable(c: Pick<InspectionCase, 'status'>): boolean {
  return c.status === 'QUEUED' || c.status === 'ASSIGNED';
}

/** The selection with `caseId` added or removed. Returns a new set. */
export function toggled(selection: ReadonlySet<string>, caseId: string): Set<string> {
  const next = new Set(selection);
  if (next.has(caseId)) next.delete(caseId);
  else next.add(caseId);
  return next;
}

/** Every assignable case of the page selected, or none when they all already are. */
export function toggledAll(selection: ReadonlySet<string>, cases: readonly InspectionCase[]): Set<string> {
  const ids = cases.filter(isAssignable).map((c) => c.caseId);
  return ids.length > 0 && ids.every((id) => selection.has(id)) ? new Set() : new Set(ids);
}

/** The refused cases of a bulk answer, each with the API's status code and reason. */
export function refusals(r: BulkAssignment): Array<{ caseId: string; statusCode: number; message: string }> {
  return r.results.flatMap((x) => (x.assigned || !x.refusal ? [] : [{ caseId: x.caseId, statusCode: x.refusal.statusCode, message: x.refusal.message }]));
}
