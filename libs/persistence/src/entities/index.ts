import { CaseEventEntity } from './case-event.entity';
import { CriterionApprovalEntity } from './criterion-approval.entity';
import { DecisionRecordEntity } from './decision-record.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { InspectionCaseEntity } from './inspection-case.entity';
import { IntelligenceAttachmentEntity } from './intelligence-attachment.entity';
import { IntelligenceReportEntity, RiskCaseCriterionEntity, RiskCaseEntity, RiskCaseEventEntity } from './risk-case.entity';
import { SelectivityCriterionEntity } from './selectivity-criterion.entity';

export { CaseEventEntity, CriterionApprovalEntity, DecisionRecordEntity, InspectionCaseEntity, SelectivityCriterionEntity };
export { AuditChained } from './audit-chained';
export { IdempotencyKeyEntity, IntelligenceAttachmentEntity, IntelligenceReportEntity, RiskCaseCriterionEntity, RiskCaseEntity, RiskCaseEventEntity };

/** Every TypeORM entity of the system, for `DataSource` and `TypeOrmModule` options. */
export const ENTITIES = [DecisionRecordEntity, SelectivityCriterionEntity, CriterionApprovalEntity, InspectionCaseEntity, CaseEventEntity,
  RiskCaseEntity, RiskCaseEventEntity, RiskCaseCriterionEntity, IntelligenceReportEntity, IntelligenceAttachmentEntity, IdempotencyKeyEntity];
