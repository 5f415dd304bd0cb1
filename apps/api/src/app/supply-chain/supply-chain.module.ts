import { Module } from '@nestjs/common';
import { PartyNetworkModule } from '../party-network/party-network.module';
import { SupplyChainController } from './supply-chain.controller';
import { SupplyChainHistoryService } from './supply-chain-history.service';

/** The supply-chain history: labelled outcomes in Postgres, indexed for the model's features. */
@Module({
  imports: [PartyNetworkModule],
  controllers: [SupplyChainController],
  providers: [SupplyChainHistoryService],
  exports: [SupplyChainHistoryService],
})
export class SupplyChainModule {}
