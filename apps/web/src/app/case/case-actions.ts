import type { AuthUser, CaseDetail, InspectionCase, Outcome, RecordResultBody } from '../core/api.types';

/** What the case page offers the signed-in user on one case (the API checks every action again). */
export interface CaseActions {
  /** "Assign to me": a local officer on a QUEUED case. */
  assignToMe: boolean;
  /** Assign (QUEUED) or reassign (ASSIGNED) to an officer by id: a supervisor of the case's office. */
  assignOther: boolean;
  /** The result form (outcome, findings, one verdict per fired criterion): on an ASSIGNED case, for whoever may act. */
  recordResult: boolean;
  /** "Close": on a RESULT_RECORDED case, for whoever may act. */
  close: boolean;
}

/** A supervisor of the case's office (assigns, reassigns, records and closes any case of the office). */
export function isSupervisorOf(me: AuthUser | null, c: Pick<InspectionCase, 'officeId'> | null): boolean {
  return me?.role === 'supervisor' && me.officeId === c?.officeId;
}

/** Who may record the result and close: the assigned local officer, or a supervisor of the case's office. */
export function mayActOn(me: AuthUser | null, c: Pick<InspectionCase, 'officeId' | 'assigneeId'> | null): boolean {
  if (!me || !c) return false;
  return (me.role === 'local_officer' && c.assigneeId === me.id) || isSupervisorOf(me, c);
}

/** The actions of {@link CaseActions} open to `me` on case `c` in its current status; none without a case. */
export function caseActions(me: AuthUser | null, c: Pick<InspectionCase, 'status' | 'officeId' | 'assigneeId'> | null): CaseActions {
  if (!c) return { assignToMe: false, assignOther: false, recordResult: false, close: false };
  const act = mayActOn(me, c);
  return {
    assignToMe: c.status === 'QUEUED' && me?.role === 'local_officer',
    assignOther: isSupervisorOf(me, c) && (c.status === 'QUEUED' || c.status === 'ASSIGNED'),
    recordResult: c.status === 'ASSIGNED' && act,
    close: c.status === 'RESULT_RECORDED' && act,
  };
}

/** The result form's value: outcome (null until chosen), findings and one verdict row per fired criterion. */
export interface ResultFormValue {
  outcome: Outcome | null;
  findings: string;
  verdicts: { criterionId: string; appropriate: boolean | null; note: string }[];
}

/**
 * The `POST /api/cases/:id/result` body of a checked form: outcome and findings as typed, each
 * verdict `appropriate` only when answered "appropriate" (true). Call it once the form is valid
 * (an outcome chosen).
 */
export function resultBody(v: ResultFormValue): RecordResultBody {
  return {
    outcome: v.outcome as Outcome,
    findings: v.findings,
    verdicts: v.verdicts.map((x) => ({ criterionId: x.criterionId, appropriate: x.appropriate === true, note: x.note })),
  };
}

/**
 * True when the verdict rows shown no longer match the case's fired criteria (other ids or
 * another order), so the rows must be rebuilt; false keeps what the officer typed so far.
 */
export function verdictRowsStale(shownIds: readonly string[], c: Pick<CaseDetail, 'firedCriteria'>): boolean {
  return c.firedCriteria.map((f) => f.id).join('\n') !== shownIds.join('\n');
}
