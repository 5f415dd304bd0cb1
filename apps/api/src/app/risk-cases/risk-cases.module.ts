import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { RiskCasesController } from './risk-cases.controller';
import { RiskCasesService } from './risk-cases.service';

/** Risk cases: read model, assessment, targeting (criteria drafted from a case), window, closing. */
@Module({ imports: [CriteriaModule], controllers: [RiskCasesController], providers: [RiskCasesService] })
export class RiskCasesModule {}
