/**
 * Risk-case shapes the pages read. The request bodies are the API's own schemas; the answers of
 * `GET /api/risk-cases` and `GET /api/risk-cases/:id` have no named schema in the OpenAPI
 * document yet, so the few fields the pages read are typed here from the service
 * (`RiskCasesService`, `RiskCaseRepository`, the workflow's `RiskCaseState`).
 */
import type { Schema, operations } from '@customs/api-contract';

/** Risk-case states, in lifecycle order (the query enum of `GET /api/risk-cases`). */
export type RiskCaseStatus = NonNullable<NonNullable<operations['RiskCasesController_list']['parameters']['query']>['status']>;
export const RISK_CASE_STATUSES: readonly RiskCaseStatus[] = ['IDENTIFIED', 'ASSESSED', 'TARGETING', 'ACTIVE', 'FEEDBACK', 'CLOSED', 'DISMISSED'];

/** `POST /api/risk-cases/:id/assess` body. */
export type AssessBody = Schema<'AssessRiskCaseDto'>;
/** The six factors of an assessment, 1-5 each. */
export type AssessmentScores = Schema<'AssessmentScoresDto'>;
/** DISMISS, SHARE or TARGET. */
export type AssessmentDecision = AssessBody['decision'];
/** `POST /api/risk-cases/:id/criteria` body. */
export type DraftCriterionBody = Schema<'DraftCriterionDto'>;
/** `POST /api/risk-cases/:id/close` body. */
export type CloseBody = Schema<'CloseRiskCaseDto'>;

// TODO(contract): replace with Schema<'RiskCaseSummary'> once the API names it.
/** One risk case of `GET /api/risk-cases` (`RiskCaseRepository` summary). */
export interface RiskCaseSummary {
  riskCaseId: string;
  status: RiskCaseStatus;
  riskArea: string;
  /** CBTC (the central desk) or LOCAL (the offices in `officeIds`). */
  route: 'CBTC' | 'LOCAL';
  /** Offices routed to or shared with. */
  officeIds: string[];
  riskLevel: 'LOW' | 'MEDIUM' | 'HIGH' | null;
  /** ISO timestamp the validity window ends (ACTIVE) or ended; null before targeting. */
  windowEndsAt: string | null;
  openedAt: string;
  updatedAt: string;
}

// TODO(contract): replace with Schema<'RiskCaseList'> once the API names it.
/** `GET /api/risk-cases` answer. */
export interface RiskCaseList {
  riskCases: RiskCaseSummary[];
  total: number;
}

// TODO(contract): replace with Schema<'CriterionFeedback'> once the API names it.
/** Feedback on one linked criterion (the workflow's `CriterionFeedback`). */
export interface CriterionFeedback {
  criterionId: string;
  selections: number;
  results: { NO_FINDING: number; DISCREPANCY: number; SEIZURE: number };
  /** Results with a finding. */
  hits: number;
  /** hits / results, 0-1; null before the first result. */
  hitRate: number | null;
  appropriate: number;
  notAppropriate: number;
  notes: string[];
}

// TODO(contract): replace with Schema<'IntelligenceReportView'> once the API names it.
/** One intelligence report of a case (`IntelligenceRepository.reportsOfCase`); `report` is the intake body plus its routing. */
export interface RiskCaseReport {
  reportId: string;
  duplicate: boolean;
  report: Schema<'CreateIntelligenceDto'>;
  route: string;
  routeRule: string;
  reportedBy: string;
  receivedAt: string;
}

// TODO(contract): replace with Schema<'RiskCaseDetail'> once the API names it.
/** `GET /api/risk-cases/:id`: the summary, the workflow state, the reports and the history. */
export interface RiskCaseDetail extends RiskCaseSummary {
  smugglingSubtype: string | null;
  routing: { route: 'CBTC' | 'LOCAL'; officeIds: string[]; ruleId: string; reason: string };
  subjectKeys: string[];
  assessment: (AssessBody & { composite: number; riskLevel: 'LOW' | 'MEDIUM' | 'HIGH'; actor: string }) | null;
  sharedWith: string[];
  criteria: Array<{ criterionId: string; version: number; windowMs: number; approved: boolean; approvedBy: string | null; retires?: boolean }>;
  inspections: Array<{ inspectionCaseId: string; declarationId: string; criterionIds: string[]; outcome: string | null }>;
  feedback: CriterionFeedback[];
  closingNote: string | null;
  reports: RiskCaseReport[];
  events: Array<{ seq: number; type: string; actor: string; payload: Record<string, unknown>; occurredAt: string }>;
}

// TODO(contract): replace with Schema<'DraftedCriterion'> once the API names it.
/** `POST /api/risk-cases/:id/criteria` and `.../retire` answer: the stored version and the case after linking it. */
export interface DraftedCriterion {
  criterion: { id: string; version: number; approved: boolean };
  riskCase: { status: RiskCaseStatus };
}
