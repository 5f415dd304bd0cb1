import { Module } from '@nestjs/common';
import { RiskCaseHandoffModule } from '../risk-case-handoff/risk-case-handoff.module';
import { CriterionBacktestService } from './backtest/criterion-backtest.service';
import { CriteriaSetService } from './criteria-set.service';
import { CriteriaController } from './criteria.controller';
import { CriteriaService } from './criteria.service';

/**
 * Selectivity criteria: seeding, versions, the compiled engine used by screening, and the sets of
 * criterion versions decisions are made under (stored once per set, read back by replays).
 */
@Module({ imports: [RiskCaseHandoffModule], controllers: [CriteriaController], providers: [CriteriaService, CriteriaSetService, CriterionBacktestService], exports: [CriteriaService, CriteriaSetService] })
export class CriteriaModule {}
