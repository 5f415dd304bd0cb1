import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { CaseStarterService } from './case-starter.service';
import { DeclarationsController } from './declarations.controller';
import { RiskScoringService } from './risk-scoring.service';
import { ScreeningService } from './screening.service';

/** The screening hot path and the selection traces. */
@Module({
  imports: [CriteriaModule],
  controllers: [DeclarationsController],
  providers: [ScreeningService, RiskScoringService, CaseStarterService],
})
export class ScreeningModule {}
