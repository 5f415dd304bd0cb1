import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Lane } from '@customs/domain';

/**
 * Contracts of the inspection-case workflow, shared by the workflow, its activities
 * and the API client. Never refer to these messages by bare strings.
 */

/** Failure type of an update refused because the case is in the wrong state (HTTP 409). */
export const ILLEGAL_TRANSITION = 'IllegalTransition';
/** Failure type of an update refused because its input is invalid for this case (HTTP 422). */
export const INVALID_CASE_INPUT = 'InvalidCaseInput';

/** Case states: QUEUED -> ASSIGNED -> RESULT_RECORDED -> CLOSED. */
export const CASE_STATUSES = ['QUEUED', 'ASSIGNED', 'RESULT_RECORDED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Inspection outcomes: nothing found, a discrepancy (duty, origin, value...), or a seizure. */
export const INSPECTION_OUTCOMES = ['NO_FINDING', 'DISCREPANCY', 'SEIZURE'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];

/** The workflow id of a declaration's case: one case per declaration, ever. */
export function inspectionCaseId(declarationId: string): string {
  return `inspection-case-${declarationId}`;
}

/**
 * What a case inspects: an import declaration, an express cargo house waybill sent to
 * inspection (its `declarationId` is then `EXP-<waybill number>`, see {@link expressDocumentId}),
 * or an arriving air passenger selected for the arrival-hall inspection (its `declarationId` is
 * then the opaque passenger id `PAX-<16 hex>`, never the name or document number).
 */
export type CaseDocumentType = 'IMPORT_DECLARATION' | 'EXPRESS_WAYBILL' | 'PASSENGER';

/** The document id under which an express waybill's case is kept (`EXP-` + the upper-cased waybill number). */
export function expressDocumentId(waybillNumber: string): string {
  return `EXP-${waybillNumber.toUpperCase()}`;
}

/** Start argument of the inspection-case workflow. */
export interface InspectionCaseInput {
  caseId: string;
  /** The inspected document's id: a declaration id, or `EXP-<waybill number>`. */
  declarationId: string;
  /** Absent for an import declaration (cases started before express cargo existed have none). */
  documentType?: CaseDocumentType;
  officeId: string;
  /** YELLOW (document review) or RED (physical inspection). */
  lane: Exclude<Lane, 'GREEN'>;
  /** Deciding model's score in [0, 1]. */
  riskScore: number;
  controlSample: boolean;
  /** Criteria that selected the declaration; the result needs a verdict on each. */
  firedCriteria: Array<{ id: string; version: number }>;
  /** Milliseconds the case may wait in the queue before it is escalated. */
  escalateAfterMs: number;
}

/** An officer's verdict on whether one criterion's selection was appropriate. */
export interface CriterionVerdict {
  criterionId: string;
  appropriate: boolean;
  note?: string;
}

export interface AssignCaseInput {
  /** The officer who will inspect. */
  officerId: string;
  /** Who assigns (the officer themself, or a supervisor). */
  actor: string;
}

export interface RecordResultInput {
  outcome: InspectionOutcome;
  findings: string;
  /** One verdict per fired criterion (none for a pure model or control selection). */
  verdicts: CriterionVerdict[];
  actor: string;
}

export interface CloseCaseInput {
  actor: string;
}

/** The case as the workflow holds it (source of truth). */
export interface InspectionCaseState {
  caseId: string;
  declarationId: string;
  officeId: string;
  lane: Exclude<Lane, 'GREEN'>;
  status: CaseStatus;
  assigneeId: string | null;
  escalated: boolean;
  outcome: InspectionOutcome | null;
  findings: string | null;
  verdicts: CriterionVerdict[];
  /** Number of events so far; the next event gets `seq + 1`. */
  seq: number;
}

/** One transition, as projected into Postgres by the `projectCaseEvent` activity. */
export interface CaseEvent {
  caseId: string;
  seq: number;
  type: 'OPENED' | 'ASSIGNED' | 'ESCALATED' | 'RESULT_RECORDED' | 'CLOSED';
  actor: string;
  payload: Record<string, unknown>;
  /** Case state after the event. */
  state: InspectionCaseState;
  /** Present on OPENED only: what the read model needs beyond the state. */
  opened?: { riskScore: number; controlSample: boolean; firedCriteria: Array<{ id: string; version: number }>; documentType?: CaseDocumentType };
}

/** Activities the workflow calls; implemented in `apps/worker`. */
export interface InspectionCaseActivities {
  /** Idempotent: writes the event once (UNIQUE(case_id, seq)) and moves the read model forward only. */
  projectCaseEvent(event: CaseEvent): Promise<void>;
}

/** Assigns (or reassigns) the case to an officer. Legal in QUEUED and ASSIGNED. */
export const assignCase = defineUpdate<InspectionCaseState, [AssignCaseInput]>('assignCase');
/** Records the inspection result. Legal in ASSIGNED only, once. */
export const recordResult = defineUpdate<InspectionCaseState, [RecordResultInput]>('recordResult');
/** Closes the case. Legal in RESULT_RECORDED only. */
export const closeCase = defineUpdate<InspectionCaseState, [CloseCaseInput]>('closeCase');
/** The current state. */
export const getCaseState = defineQuery<InspectionCaseState>('getCaseState');
