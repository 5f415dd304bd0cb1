import { CaseEventEntity } from './case-event.entity';
import { DecisionRecordEntity } from './decision-record.entity';
import { InspectionCaseEntity } from './inspection-case.entity';
import { SelectivityCriterionEntity } from './selectivity-criterion.entity';

export { CaseEventEntity, DecisionRecordEntity, InspectionCaseEntity, SelectivityCriterionEntity };

/** Every TypeORM entity of the system, for `DataSource` and `TypeOrmModule` options. */
export const ENTITIES = [DecisionRecordEntity, SelectivityCriterionEntity, InspectionCaseEntity, CaseEventEntity];
