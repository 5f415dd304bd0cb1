import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { ModelsModule } from '../models/models.module';
import { RiskPolicyModule } from '../risk-policy/risk-policy.module';
import { SupplyChainModule } from '../supply-chain/supply-chain.module';
import { CaseStartOutbox } from './case-start-outbox.service';
import { CaseStarterService } from './case-starter.service';
import { CriteriaSetService } from './criteria-set.service';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { DeclarationsController } from './declarations.controller';
import { RiskScoringService } from './risk-scoring.service';
import { ScreeningService } from './screening.service';

/** The screening hot path, the case-start outbox dispatcher, the selection traces and replays. */
@Module({
  imports: [CriteriaModule, ModelsModule, SupplyChainModule, RiskPolicyModule],
  controllers: [DeclarationsController, DecisionReplayController],
  providers: [ScreeningService, RiskScoringService, CaseStarterService, CaseStartOutbox, CriteriaSetService, DecisionReplayService],
  exports: [RiskScoringService],
})
export class ScreeningModule {}
