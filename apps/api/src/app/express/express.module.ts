import { Module } from '@nestjs/common';
import { CaseStartModule } from '../case-start/case-start.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PartyNetworkModule } from '../party-network/party-network.module';
import { ExpressController } from './express.controller';
import { ExpressReplayService } from './express-replay.service';
import { ExpressScreeningService } from './express-screening.service';
import { XrayService } from './xray.service';

/**
 * The express cargo stream: manifest screening against the express criteria, the X-ray
 * interpretation queues, and the inspection cases of the waybills sent to inspection (queued in
 * the case-start outbox, run by the same inspection-case workflow as declarations).
 */
@Module({
  imports: [CriteriaModule, CaseStartModule, PartyNetworkModule],
  controllers: [ExpressController],
  providers: [ExpressScreeningService, XrayService, ExpressReplayService],
})
export class ExpressModule {}
