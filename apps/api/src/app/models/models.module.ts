import { Module } from '@nestjs/common';
import { SupplyChainModule } from '../supply-chain/supply-chain.module';
import { ModelComparisonService } from './model-comparison.service';
import { ModelRegistryService } from './model-registry.service';
import { ModelsController } from './models.controller';

/** Champion/challenger model registry: which version decides, which score in shadow, audited promotion. */
@Module({
  imports: [SupplyChainModule],
  controllers: [ModelsController],
  providers: [ModelRegistryService, ModelComparisonService],
  exports: [ModelRegistryService],
})
export class ModelsModule {}
