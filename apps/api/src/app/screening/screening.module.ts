import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { ModelsModule } from '../models/models.module';
import { RiskPolicyModule } from '../risk-policy/risk-policy.module';
import { SupplyChainModule } from '../supply-chain/supply-chain.module';
import { CaseStarterService } from './case-starter.service';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { DeclarationsController } from './declarations.controller';
import { RiskScoringService } from './risk-scoring.service';
import { ScreeningService } from './screening.service';

/** The screening hot path and the selection traces. */
@Module({
  imports: [CriteriaModule, ModelsModule, SupplyChainModule, RiskPolicyModule],
  controllers: [DeclarationsController, DecisionReplayController],
  providers: [ScreeningService, RiskScoringService, CaseStarterService, DecisionReplayService],
  exports: [RiskScoringService],
})
export class ScreeningModule {}
