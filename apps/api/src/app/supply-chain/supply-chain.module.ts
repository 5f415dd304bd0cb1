import { Module } from '@nestjs/common';
import { SupplyChainController } from './supply-chain.controller';
import { SupplyChainHistoryService } from './supply-chain-history.service';

/** The supply-chain history: labelled outcomes in Postgres, indexed for the model's features. */
@Module({
  controllers: [SupplyChainController],
  providers: [SupplyChainHistoryService],
  exports: [SupplyChainHistoryService],
})
export class SupplyChainModule {}
