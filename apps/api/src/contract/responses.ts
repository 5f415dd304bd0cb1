/**
 * The API's success bodies, by name: each is the declared return type of its handler and the
 * source of its schema in the OpenAPI document (`npm run contract` generates
 * `response-schemas.generated.json` from this list with ts-json-schema-generator; `@Responds`
 * refers to them), and the request bodies whose rules a class cannot carry (`CriterionInput`,
 * referred to by `@ApiBody`). Clients read them back as `@customs/api-contract`'s `components['schemas']`.
 */
export type { AuthUser } from '@customs/identity';
export type { InspectionCaseState, RiskCaseState } from '@customs/workflows/messages';
export type { AuditVerification } from '../app/audit/audit.controller';
export type { Liveness, Readiness } from '../app/health/health.controller';
export type { CaseDetail, CaseList } from '../app/cases/cases.service';
export type { BulkAssignment, OfficeOfficers } from '../app/cases/cases.responses';
export type { CriteriaList, CriteriaMeta, CriteriaOverlaps, CriterionHistory, CriterionInput, ReviewedCriterion } from '../app/criteria/criteria.responses';
export type { CriterionBacktestResult } from '../app/criteria/backtest/criterion-backtest.service';
export type { ExpressManifestScreening, ExpressReplayResult, ExpressWaybillDetail, XrayInterpretation, XrayQueue } from '../app/express/express.responses';
export type { PassengerDetail, PassengerListScreening, PassengerQueue, PnrIntake } from '../app/passengers/passengers.responses';
export type { PartyView } from '../app/party-network/party-network.responses';
export type { SelectionTrace } from '../app/decisions/decision-records.service';
export type { ReplayResult } from '../app/decisions/decision-replay.service';
export type { DriftReport } from '../app/drift/drift.responses';
export type { AttachmentList, AttachmentUpload, IntelligenceInbox } from '../app/intelligence/intelligence.responses';
export type { IntakeResult } from '../app/intelligence/intelligence.service';
export type { ModelComparison } from '../app/models/model-comparison.service';
export type { ModelEventList, ModelList } from '../app/models/model-registry.service';
export type { ReferenceList } from '../app/reference/reference.responses';
export type { RiskAlertAcknowledgement, RiskAlertList } from '../app/risk-alerts/risk-alerts.responses';
export type { RiskCaseCriterionDraft, RiskCaseDetail, RiskCaseList } from '../app/risk-cases/risk-cases.responses';
export type { RiskPolicyHistory, RiskPolicySimulation, RiskPolicyView, RiskPolicyWrite } from '../app/risk-policy/risk-policy.responses';
export type { RiskPolicyPreview } from '../app/risk-policy/risk-policy.service';
export type { ScreenedBatch, ScreeningOutcome } from '../app/screening/screening.service';
export type { CriteriaHitRates, LaneStats, OpenCases, SelectionHitRates } from '../app/stats/stats.service';
export type { OutcomesImported } from '../app/supply-chain/supply-chain-history.service';
export type { TokenResponse } from '../services/auth/auth.controller';
export type { Jwks } from '../services/auth/token.service';
