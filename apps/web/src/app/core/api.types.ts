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

/** `GET /api/cases` filters and page; empty values are left out of the query string. */
export interface CaseQuery {
  officeId?: string | null;
  status?: CaseStatus | '' | null;
  lane?: Lane | '' | null;
  assigneeId?: string | null;
  /** Page size, rows. */
  limit?: number;
  /** Rows to skip. */
  offset?: number;
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

/** Score cut-offs of a model version in force at a decision (scores are probabilities 0..1). */
export interface ModelThresholds {
  red: number;
  yellow: number;
  /** Share of declarations each cut-off was set to select (0..1). */
  redTopShare?: number;
  yellowTopShare?: number;
  /** Critical-fraud (public safety) cut-off, for versions with a critical model. */
  criticalRed?: number;
  criticalRedTopShare?: number;
}

/** The deciding model's part of a decision: P(fraud) `score`, P(critical fraud) `criticalScore`. */
export interface ModelScore {
  name: string;
  version: string;
  score: number;
  criticalScore?: number | null;
  thresholds: ModelThresholds;
  /** The lane the scores ask for under the thresholds (the API fills it for records made before it was recorded). */
  lane: Lane;
  inputs?: number[];
}

/** A challenger's score of the same declaration: recorded, never deciding. */
export interface ShadowScore {
  name: string;
  version: string;
  score: number;
  criticalScore: number | null;
  /** The lane this model would have asked for (not applied). */
  lane: Lane;
}

/** One feature's exact TreeSHAP share of the fraud score, in log-odds (> 0 raises the risk). */
export interface FeatureContribution {
  feature: string;
  index: number;
  value: number;
  contribution: number;
}

/** Why the deciding model scored what it did: the features that pushed the score most. */
export interface ModelExplanation {
  /** `name version` of the explained model. */
  model: string;
  unit: 'log-odds' | string;
  /** Expected log-odds over the training data; bias + all contributions = rawScore. */
  bias: number;
  rawScore: number;
  top: FeatureContribution[];
}

/** `GET /api/declarations/:id/selection`: the immutable decision record. */
export interface DecisionRecord {
  declarationId?: string;
  lane: Lane;
  summary: string;
  explanations?: string[];
  firedCriteria: FiredCriterion[];
  model: ModelScore;
  shadow?: ShadowScore[];
  modelExplanation?: ModelExplanation | null;
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

/** Role of a registered model version: the CHAMPION decides, CHALLENGERs score in shadow. */
export type ModelRole = 'CHAMPION' | 'CHALLENGER' | 'RETIRED';

/** Validation precision at the top k% of scores, and ROC AUC, as the model spec records them. */
export type ValidationMetrics = Partial<Record<'precision@1%' | 'precision@2%' | 'precision@5%' | 'precision@10%' | 'rocAuc', number>>;

/** One model version of `GET /api/models`. */
export interface RegisteredModel {
  name: string;
  version: string;
  role: ModelRole;
  registeredAt: string;
  updatedAt: string;
  training: { validMetricsOnline?: ValidationMetrics; validMetrics?: ValidationMetrics } & Record<string, unknown>;
  hasCriticalModel: boolean;
  usesSupplyChainHistory: boolean;
  featureNames: string[];
}

/** One audited registry change of `GET /api/models/events`. */
export interface ModelEvent {
  id: number | string;
  version: string;
  type: 'REGISTERED' | 'PROMOTED' | 'DEMOTED' | string;
  fromRole: ModelRole | null;
  toRole: ModelRole | null;
  actor: string | null;
  reason: string | null;
  occurredAt: string;
}

/** One model's figures of `GET /api/models/compare` on the same inspected declarations. */
export interface ModelComparisonRow {
  name: string;
  version: string;
  deciding: boolean;
  shadow: boolean;
  inspected: number;
  frauds: number;
  rocAuc: number | null;
  hitRateWhenSelected: number | null;
  selected: number;
  precisionAtTop10Pct: number | null;
  meanScoreFraud: number | null;
  meanScoreClean: number | null;
}

/** `GET /api/models/compare`. */
export interface ModelComparison {
  inspected: number;
  models: ModelComparisonRow[];
  basis: string;
}
