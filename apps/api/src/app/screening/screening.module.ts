import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
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
  imports: [CriteriaModule],
  controllers: [DeclarationsController, DecisionReplayController],
  providers: [ScreeningService, RiskScoringService, CaseStarterService, CaseStartOutbox, CriteriaSetService, DecisionReplayService],
})
export class ScreeningModule {}
