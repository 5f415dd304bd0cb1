/**
 * Shapes of the API's JSON answers and bodies, as the web app reads and sends them: names for
 * the schemas of the API's own OpenAPI document (`@customs/api-contract`, generated from
 * `/api/docs-json`; `npm test` fails when it drifts from the running API). Only the page state
 * that is not an API shape (`CaseQuery`) and the criterion builder's draft are written here.
 */
import type { Schema } from '@customs/api-contract';

/** Inspection lanes: GREEN automatic clearance, YELLOW document review, RED physical inspection. */
export type Lane = Schema<'Lane'>;
export const LANES: readonly Lane[] = ['RED', 'YELLOW', 'GREEN'];

/** Inspection case states, in lifecycle order. */
export type CaseStatus = Schema<'CaseStatus'>;
export const CASE_STATUSES: readonly CaseStatus[] = ['QUEUED', 'ASSIGNED', 'RESULT_RECORDED', 'CLOSED'];

/** Inspection outcomes an officer can record. */
export type Outcome = Schema<'InspectionOutcome'>;
export const OUTCOMES: readonly Outcome[] = ['NO_FINDING', 'DISCREPANCY', 'SEIZURE'];

/** Roles issued by the identity provider. */
export type Role = Schema<'Role'>;

/** The signed-in user, as `POST /api/auth/token` returns it. */
export type AuthUser = Schema<'AuthUser'>;

/** `POST /api/auth/token` answer. */
export type TokenResponse = Schema<'TokenResponse'>;

/** One inspection case as the queue (Postgres read model) returns it. */
export type InspectionCase = Schema<'CaseView'>;

/** A criterion reference of a case: id and the version that fired. */
export type CriterionRef = InspectionCase['firedCriteria'][number];

/** `GET /api/cases` filters and page, as the queue page holds them; empty values are left out of the query string. */
export interface CaseQuery {
  officeId?: string | null;
  status?: CaseStatus | '' | null;
  lane?: Lane | '' | null;
  assigneeId?: string | null;
  /** Server-side order: risk score (default), age (oldest first) or SLA due date. */
  sort?: 'score' | 'age' | 'due' | '';
  /** `'true'`: only escalated cases (left QUEUED past the SLA). */
  escalated?: 'true' | '';
  /** `'true'`: only open cases (not CLOSED). */
  open?: 'true' | '';
  /** Page size, rows. */
  limit?: number;
  /** Rows to skip. */
  offset?: number;
}

/** `GET /api/cases` answer. */
export type CaseList = Schema<'CaseList'>;

/** One append-only history entry of a case. */
export type CaseEvent = Schema<'CaseEventView'>;

/** `GET /api/cases/:id` answer. */
export type CaseDetail = Schema<'CaseDetail'>;

/** One evaluated condition of a fired criterion: expected `value` against the `actual` fact. */
export type TraceCondition = Schema<'ConditionTrace'>;

/** A criterion that fired, with its conditions. */
export type FiredCriterion = Schema<'FiredCriterion'>;

/** `GET /api/declarations/:id/selection`: the immutable decision record with its trace. */
export type DecisionRecord = Schema<'SelectionTrace'>;

/** The deciding model's part of a decision: P(fraud) `score`, P(critical fraud) `criticalScore`, its cut-offs and lane. */
export type ModelScore = DecisionRecord['model'];

/** Score cut-offs in force at a decision (scores are probabilities 0..1). */
export type ModelThresholds = Schema<'PolicyThresholds'>;

/** A challenger's score of the same declaration: recorded, never deciding. */
export type ShadowScore = Schema<'ShadowScore'>;

/** One feature's exact TreeSHAP share of the fraud score, in log-odds (> 0 raises the risk). */
export type FeatureContribution = Schema<'FeatureContribution'>;

/** Why the deciding model scored what it did: the features that pushed the score most. */
export type ModelExplanation = Schema<'ModelExplanation'>;

/** `POST /api/cases/:id/result` body. */
export type RecordResultBody = Schema<'RecordResultDto'>;

/** A selectivity criterion version with who wrote and approved it, as `GET /api/criteria` lists it. */
export type ReviewedCriterion = Schema<'ReviewedCriterion'>;
export type Criterion = ReviewedCriterion;
/** `GET /api/criteria/:id`: every version of one criterion. */
export type CriterionHistory = Schema<'CriterionHistory'>;

/** `GET /api/criteria` answer. */
export type CriteriaList = Schema<'CriteriaList'>;

/** `GET /api/criteria/meta`: what a criterion may use. */
export type CriteriaMeta = Schema<'CriteriaMeta'>;

/** The document a criterion screens (`targetDocument`; absent means IMPORT_DECLARATION). */
export type TargetDocument = Schema<'TargetDocument'>;

/** One fact a criterion may test, from `GET /api/criteria/meta`. */
export type FactSpec = CriteriaMeta['facts'][string];

/** Value type of a criterion fact. */
export type FactType = FactSpec['type'];

/** A leaf condition of a criterion being drafted: `fact operator value`. */
export interface LeafConditionInput {
  fact: string;
  operator: string;
  value: unknown;
}

/** `POST /api/criteria` body as the builder drafts it: a criterion without `version` (the API validates it and names every problem). */
export interface CriterionInput {
  id: string;
  scope: ReviewedCriterion['scope'];
  officeId: string | null;
  lane: ReviewedCriterion['lane'];
  riskArea: string;
  reason: string;
  pointsOfInterest: string;
  keywords: string[];
  validFrom: string;
  validTo: string;
  status?: ReviewedCriterion['status'];
  /** The document it screens; left out for import declarations (the API's default, as every older criterion is stored). */
  targetDocument?: TargetDocument;
  /** The form's rows, and any nested group a revision carries over unchanged (`criterion-prefill.ts`). */
  conditions: { all: ConditionNodeInput[] } | { any: ConditionNodeInput[] };
}

/** A node of a criterion's condition tree: a leaf, or a group kept whole from a stored version. */
export type ConditionNodeInput = LeafConditionInput | { all: ConditionNodeInput[] } | { any: ConditionNodeInput[] } | { not: ConditionNodeInput };

/** `GET /api/stats/lanes`. */
export type LaneStats = Schema<'LaneStats'>;

/** One office of `GET /api/stats/open-cases`. */
export type OpenCasesOffice = Schema<'OfficeCaseLoad'>;

/** One criterion of `GET /api/stats/criteria`. */
export type CriterionHitRate = Schema<'CriterionHitRate'>;

/** `GET /api/stats/criteria`. */
export type CriteriaStats = Schema<'CriteriaHitRates'>;

/** One side of a replay comparison. */
export type DecisionOutline = Schema<'DecisionOutline'>;

/** `GET /api/declarations/:id/replay`. */
export type ReplayResult = Schema<'ReplayResult'>;

/** Role of a registered model version: the CHAMPION decides, CHALLENGERs score in shadow. */
export type ModelRole = Schema<'ModelRole'>;

/** Validation precision at the top k% of scores, and ROC AUC, as the model spec records them. */
export type ValidationMetrics = Schema<'ValidationMetrics'>;

/** One model version of `GET /api/models`. */
export type RegisteredModel = Schema<'RegisteredModel'>;

/** One audited registry change of `GET /api/models/events`. */
export type ModelEvent = Schema<'ModelEventView'>;

/** `GET /api/models/compare`. */
export type ModelComparison = Schema<'ModelComparison'>;

/** One model's figures of `GET /api/models/compare` on the same inspected declarations. */
export type ModelComparisonRow = ModelComparison['models'][number];

/** `POST /api/criteria/backtest` and `GET /api/criteria/:id/versions/:version/backtest`: what a criterion would have selected. */
export type CriterionBacktestResult = Schema<'CriterionBacktestResult'>;

/** `POST /api/criteria/backtest` body. */
export type BacktestDraftBody = Schema<'BacktestDraftDto'>;

/** `GET /api/criteria/overlaps`: central and local criteria that mostly select the same declarations. */
export type CriteriaOverlaps = Schema<'CriteriaOverlaps'>;

/** One overlapping pair of `GET /api/criteria/overlaps`. */
export type CriterionOverlap = Schema<'CriterionOverlap'>;

/** `POST /api/cases/assign` answer: each case assigned or refused. */
export type BulkAssignment = Schema<'BulkAssignment'>;

/** `POST /api/cases/assign` body. */
export type BulkAssignBody = Schema<'BulkAssignDto'>;

/** `GET /api/offices/:officeId/officers`. */
export type OfficeOfficers = Schema<'OfficeOfficers'>;

/** `GET /api/risk-alerts`: risk cases shared with the user's office, and how many they have not acknowledged. */
export type RiskAlertList = Schema<'RiskAlertList'>;

/** One risk alert. */
export type RiskAlert = RiskAlertList['alerts'][number];

/** `POST /api/risk-alerts/:riskCaseId/acknowledge` answer. */
export type RiskAlertAcknowledgement = Schema<'RiskAlertAcknowledgement'>;
