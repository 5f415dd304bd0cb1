import { Module } from '@nestjs/common';
import { CaseStartModule } from '../case-start/case-start.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { PartyNetworkModule } from '../party-network/party-network.module';
import { PassengerRecordsService } from './passenger-records.service';
import { PassengerScreeningService } from './passenger-screening.service';
import { PassengersController } from './passengers.controller';
import { PnrRetentionService } from './pnr-retention.service';

/**
 * The air passenger stream: APIS lists and PNR bookings screened against the passenger criteria
 * and companion links, the arrival-hall queues (masked for all but the passenger desk, every
 * read audited), and the PNR retention.
 */
@Module({
  imports: [CriteriaModule, CaseStartModule, PartyNetworkModule],
  controllers: [PassengersController],
  providers: [PassengerScreeningService, PassengerRecordsService, PnrRetentionService],
})
export class PassengersModule {}
