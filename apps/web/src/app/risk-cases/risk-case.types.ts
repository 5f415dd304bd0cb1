/**
 * Risk-case shapes the pages read: the API contract's schemas (`@customs/api-contract`), under
 * the names the pages use.
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

/** One risk case of `GET /api/risk-cases`. */
export type RiskCaseSummary = Schema<'RiskCaseListItem'>;
/** `GET /api/risk-cases` answer: a page of cases, how many match, and how many are in each status. */
export type RiskCaseList = Schema<'RiskCaseList'>;
/** How many cases are in each status under the list's filters. */
export type RiskCaseStatusCounts = RiskCaseList['counts'];
/** `GET /api/risk-cases` query: status, risk area, desk (`CBTC` or an office code), age in days, paging. */
export type RiskCaseListQuery = NonNullable<operations['RiskCasesController_list']['parameters']['query']>;
/** Feedback on one linked criterion. */
export type CriterionFeedback = Schema<'CriterionFeedback'>;
/** One intelligence report of a case; `report` is the intake body plus its routing. */
export type RiskCaseReport = Schema<'RiskCaseReport'>;
/** `GET /api/risk-cases/:id`: the summary, the workflow state, the reports and the history. */
export type RiskCaseDetail = Schema<'RiskCaseDetail'>;
/** `POST /api/risk-cases/:id/criteria` and `.../retire` answer: the stored version and the case after linking it. */
export type DraftedCriterion = Schema<'RiskCaseCriterionDraft'>;
