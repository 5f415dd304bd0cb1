import { CaseEventEntity } from './case-event.entity';
import { CaseStartOutboxEntity } from './case-start-outbox.entity';
import { CriteriaSetEntity } from './criteria-set.entity';
import { CriterionApprovalEntity } from './criterion-approval.entity';
import { DecisionRecordEntity } from './decision-record.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InspectionCaseEntity } from './inspection-case.entity';
import { InspectionOutcomeEntity } from './inspection-outcome.entity';
import { ModelEventEntity, ModelRegistrationEntity } from './model-registration.entity';
import { IntelligenceAttachmentEntity } from './intelligence-attachment.entity';
import { OfficeRiskPolicyEntity } from './office-risk-policy.entity';
import { IntelligenceReportEntity, RiskCaseCriterionEntity, RiskCaseEntity, RiskCaseEventEntity } from './risk-case.entity';
import { RiskCaseHandoffEntity } from './risk-case-handoff.entity';
import { RiskAlertAcknowledgementEntity } from './risk-alert-acknowledgement.entity';
import { SelectivityCriterionEntity } from './selectivity-criterion.entity';
import { ExpressDecisionEntity, ExpressManifestEntity, XrayInterpretationEntity } from './express.entity';
import { PassengerApisEntity, PassengerDecisionEntity, PassengerReadEntity, PnrRecordEntity } from './passenger.entity';
import { PartyDeclarationEntity, PartyLinkEntity } from './party-network.entity';

export { CaseEventEntity, CriterionApprovalEntity, DecisionRecordEntity, InspectionCaseEntity, SelectivityCriterionEntity };
export { OfficeRiskPolicyEntity };
export { AuditChained } from './audit-chained';
export { IdempotencyKeyEntity, IntelligenceAttachmentEntity, IntelligenceReportEntity, RiskCaseCriterionEntity, RiskCaseEntity, RiskCaseEventEntity };
export { InspectionOutcomeEntity, ModelEventEntity, ModelRegistrationEntity };
export { CaseStartOutboxEntity, CriteriaSetEntity, RiskAlertAcknowledgementEntity, RiskCaseHandoffEntity };
export { ExpressDecisionEntity, ExpressManifestEntity, XrayInterpretationEntity };
export { PassengerApisEntity, PassengerDecisionEntity, PassengerReadEntity, PnrRecordEntity };
export { PartyDeclarationEntity, PartyLinkEntity };
export type { RiskCaseHandoffKind, RiskCaseHandoffOutcome } from './risk-case-handoff.entity';

/** Every TypeORM entity of the system, for `DataSource` and `TypeOrmModule` options. */
export const ENTITIES = [DecisionRecordEntity, SelectivityCriterionEntity, CriterionApprovalEntity, InspectionCaseEntity, CaseEventEntity,
  RiskCaseEntity, RiskCaseEventEntity, RiskCaseCriterionEntity, IntelligenceReportEntity, IntelligenceAttachmentEntity, IdempotencyKeyEntity,
  InspectionOutcomeEntity, ModelRegistrationEntity, ModelEventEntity, OfficeRiskPolicyEntity, CriteriaSetEntity, CaseStartOutboxEntity,
  RiskCaseHandoffEntity, RiskAlertAcknowledgementEntity, ExpressManifestEntity, ExpressDecisionEntity, XrayInterpretationEntity,
  PassengerApisEntity, PnrRecordEntity, PassengerDecisionEntity, PassengerReadEntity, PartyDeclarationEntity, PartyLinkEntity];
