/**
 * Shapes of the API's JSON answers, as the web app reads them (see the API's OpenAPI
 * document at /api/docs). Only the fields the pages use are typed strictly.
 */

/** Inspection lanes: GREEN automatic clearance, YELLOW document review, RED physical inspection. */
export type Lane = 'GREEN' | 'YELLOW' | 'RED';
export const LANES: readonly Lane[] = ['RED', 'YELLOW', 'GREEN'];

/** Inspection case states, in lifecycle order. */
export type CaseStatus = 'QUEUED' | 'ASSIGNED' | 'RESULT_RECORDED' | 'CLOSED';
export const CASE_STATUSES: readonly CaseStatus[] = ['QUEUED', 'ASSIGNED', 'RESULT_RECORDED', 'CLOSED'];

/** Inspection outcomes an officer can record. */
export type Outcome = 'NO_FINDING' | 'DISCREPANCY' | 'SEIZURE';
export const OUTCOMES: readonly Outcome[] = ['NO_FINDING', 'DISCREPANCY', 'SEIZURE'];

/** Roles issued by the identity provider. */
export type Role = 'cbtc_analyst' | 'local_officer' | 'supervisor' | 'auditor' | 'service';

/** The signed-in user, as `POST /api/auth/token` returns it. */
export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  officeId: string | null;
}

/** `POST /api/auth/token` answer. */
export interface TokenResponse {
  accessToken: string;
  tokenType?: 'Bearer';
  expiresIn?: number;
  user: AuthUser;
}

/** A criterion reference: id and the version that fired. */
export interface CriterionRef {
  id: string;
  version: number;
}

/** One inspection case as the queue (Postgres read model) returns it. */
export interface InspectionCase {
  caseId: string;
  declarationId: string;
  officeId: string;
  lane: Lane;
  status: CaseStatus;
  riskScore: number;
  controlSample: boolean;
  firedCriteria: CriterionRef[];
  assigneeId: string | null;
  escalated: boolean;
  outcome: Outcome | null;
  openedAt: string;
  updatedAt?: string;
  closedAt?: string | null;
}

/** `GET /api/cases` answer. */
export interface CaseList {
  cases: InspectionCase[];
  total: number;
}

/** One append-only history entry of a case. */
export interface CaseEvent {
  seq: number;
  type: string;
  actor: string | null;
  payload: unknown;
  occurredAt: string;
}

/** `GET /api/cases/:id` answer. */
export interface CaseDetail extends InspectionCase {
  events: CaseEvent[];
}

/** One evaluated condition of a fired criterion: expected `value` against the `actual` fact. */
export interface TraceCondition {
  fact: string;
  operator: string;
  value: unknown;
  actual: unknown;
  result: boolean | null;
  path?: string;
}

/** A criterion that fired, with its conditions. */
export interface FiredCriterion {
  id: string;
  version: number;
  lane: Lane;
  reason: string;
  conditions: TraceCondition[];
}

/** The risk model's part of a decision. */
export interface ModelScore {
  name: string;
  version: string;
  score: number;
  thresholds: { red: number; yellow: number };
}

/** `GET /api/declarations/:id/selection`: the immutable decision record. */
export interface DecisionRecord {
  declarationId?: string;
  lane: Lane;
  summary: string;
  explanations?: string[];
  firedCriteria: FiredCriterion[];
  model: ModelScore;
  controlSample: boolean;
  declaration: Record<string, unknown>;
  decidedAt?: string;
  caseId?: string | null;
}

/** `POST /api/cases/:id/result` body. */
export interface RecordResultBody {
  outcome: Outcome;
  findings: string;
  verdicts: { criterionId: string; appropriate: boolean; note: string }[];
}

/** A selectivity criterion version, as `GET /api/criteria` lists it. */
export interface Criterion {
  id: string;
  version: number;
  scope: 'CENTRAL' | 'LOCAL' | string;
  officeId: string | null;
  lane: Lane;
  status: string;
  riskArea: string;
  reason: string;
  keywords: string[];
  validFrom: string | null;
  validTo: string | null;
  conditions: unknown;
  hitRate?: number | null;
}

/** `GET /api/criteria` answer. */
export interface CriteriaList {
  criteria: Criterion[];
}
