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

/** Maker-checker fields `GET /api/criteria` adds to each newest version. */
export interface CriterionReview {
  createdBy: string | null;
  createdAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** False: awaiting approval, not in force. */
  approved: boolean;
  pointsOfInterest?: string;
}

/** A criterion as the list shows it: the version plus who wrote and approved it. */
export type ReviewedCriterion = Criterion & CriterionReview;

/** Value type of a criterion fact. */
export type FactType = 'string' | 'number';

/** One fact a criterion may test, from `GET /api/criteria/meta`. */
export interface FactSpec {
  type: FactType;
  nullable: boolean;
  unit?: string | null;
  description: string;
}

/** `GET /api/criteria/meta`: what a criterion may use. */
export interface CriteriaMeta {
  facts: Record<string, FactSpec>;
  operators: string[];
  riskAreas: string[];
  defaultValidityDays: number;
}

/** A leaf condition of a criterion: `fact operator value`. */
export interface LeafConditionInput {
  fact: string;
  operator: string;
  value: unknown;
}

/** `POST /api/criteria` body: a criterion without `version`. */
export interface CriterionInput {
  id: string;
  scope: 'CENTRAL' | 'LOCAL';
  officeId: string | null;
  lane: 'YELLOW' | 'RED';
  riskArea: string;
  reason: string;
  pointsOfInterest: string;
  keywords: string[];
  validFrom: string;
  validTo: string;
  status?: 'DRAFT' | 'ACTIVE' | 'RETIRED';
  conditions: { all: LeafConditionInput[] } | { any: LeafConditionInput[] };
}

/** `GET /api/stats/lanes`. */
export interface LaneStats {
  from: string | null;
  to: string | null;
  officeId: string | null;
  total: number;
  green: number;
  yellow: number;
  red: number;
  automaticClearancePct: number | null;
}

/** One office of `GET /api/stats/open-cases`. */
export interface OpenCasesOffice {
  officeId: string;
  queued: number;
  assigned: number;
  resultRecorded: number;
  escalated: number;
}

/** One criterion of `GET /api/stats/criteria`. */
export interface CriterionHitRate {
  criterionId: string;
  selections: number;
  inspected: number;
  hits: number;
  hitRatePct: number | null;
  appropriate: number;
  notAppropriate: number;
}

/** `GET /api/stats/criteria`. */
export interface CriteriaStats {
  criteria: CriterionHitRate[];
  controlSample: { inspected: number; hits: number; hitRatePct: number | null };
}

/** One side of a replay comparison. */
export interface DecisionOutline {
  lane: Lane;
  firedCriteria: string[];
  score: number;
  controlSample: boolean;
}

/** `GET /api/declarations/:id/replay`. */
export interface ReplayResult {
  declarationId?: string;
  identical: boolean;
  recorded: DecisionOutline;
  replayed: DecisionOutline;
  criteriaVersions: string[];
  model: { name: string; version: string; rescored: boolean };
}
