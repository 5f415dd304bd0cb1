import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module';
import { ModelsModule } from '../models/models.module';
import { DecisionRecordsService } from './decision-records.service';
import { DecisionReplayController } from './decision-replay.controller';
import { DecisionReplayService } from './decision-replay.service';
import { SelectionController } from './selection.controller';

/** The read side of decisions: selection traces (`/selection`) and replays (`/replay`) for officers and auditors. */
@Module({
  imports: [CriteriaModule, ModelsModule],
  controllers: [SelectionController, DecisionReplayController],
  providers: [DecisionRecordsService, DecisionReplayService],
})
export class DecisionsModule {}
