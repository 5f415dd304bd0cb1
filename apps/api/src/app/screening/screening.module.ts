import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { ModelsModule } from '../models/models.module';
import { SupplyChainModule } from '../supply-chain/supply-chain.module';
import { CaseStarterService } from './case-starter.service';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { DeclarationsController } from './declarations.controller';
import { RiskScoringService } from './risk-scoring.service';
import { ScreeningService } from './screening.service';

/** The screening hot path and the selection traces. */
@Module({
  imports: [CriteriaModule, ModelsModule, SupplyChainModule],
  controllers: [DeclarationsController, DecisionReplayController],
  providers: [ScreeningService, RiskScoringService, CaseStarterService, DecisionReplayService],
})
export class ScreeningModule {}
