import type { InspectionCase } from '../core/api.types';

/**
 * Whether the SLA badge shows on a case: exactly when the API marked it `escalated` (still
 * unassigned past its deadline, judged by the worker's timer). The browser does not judge
 * the deadline itself from `openedAt`, so an old case the API has not escalated shows none.
 */
export function showsSlaBadge(c: Pick<InspectionCase, 'escalated'>): boolean {
  return c.escalated;
}

/** What the assignee column shows: the assignee's id, an "Assign to me" button, or "—". */
export type AssigneeCell = 'assignee' | 'assignToMe' | 'none';

/**
 * The assignee column of one row: the assignee when there is one; "Assign to me" on a QUEUED
 * case for a user who may take cases (`canAssignSelf` in queue-filters.ts); "—" otherwise.
 */
export function assigneeCell(c: Pick<InspectionCase, 'assigneeId' | 'status'>, canAssignSelf: boolean): AssigneeCell {
  if (c.assigneeId) return 'assignee';
  return canAssignSelf && c.status === 'QUEUED' ? 'assignToMe' : 'none';
}
