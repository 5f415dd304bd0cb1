import { Module } from '@nestjs/common';
import { SupplyChainModule } from '../supply-chain/supply-chain.module';
import { ModelComparisonService } from './model-comparison.service';
import { ModelRegistryService } from './model-registry.service';
import { ModelsController } from './models.controller';
import { RiskScoringService } from './risk-scoring.service';

/** Champion/challenger model registry (which version decides, which score in shadow, audited promotion) and scoring with them. */
@Module({
  imports: [SupplyChainModule],
  controllers: [ModelsController],
  providers: [ModelRegistryService, ModelComparisonService, RiskScoringService],
  exports: [ModelRegistryService, RiskScoringService],
})
export class ModelsModule {}
