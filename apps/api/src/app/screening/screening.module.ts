import { Module } from '@nestjs/common';
import { CaseStartModule } from '../case-start/case-start.module';
import { CriteriaModule } from '../criteria/criteria.module';
import { ModelsModule } from '../models/models.module';
import { PartyNetworkModule } from '../party-network/party-network.module';
import { ReferenceModule } from '../reference/reference.module';
import { RiskPolicyModule } from '../risk-policy/risk-policy.module';
import { DeclarationsController } from './declarations.controller';
import { ScreeningService } from './screening.service';

/**
 * The screening hot path: validate a declaration, decide its lane (criteria, model scores, the
 * office's policy, `@customs/decision`), store the decision with its case start in one statement.
 */
@Module({
  imports: [CriteriaModule, ModelsModule, RiskPolicyModule, CaseStartModule, ReferenceModule, PartyNetworkModule],
  controllers: [DeclarationsController],
  providers: [ScreeningService],
})
export class ScreeningModule {}
