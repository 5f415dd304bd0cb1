import { Module } from '@nestjs/common';
import { ScreeningModule } from '../screening/screening.module';
import { RiskPolicyController } from './risk-policy.controller';
import { RiskPolicyModule } from './risk-policy.module';

/**
 * The audited risk-policy routes. Apart from RiskPolicyModule because they need the deciding
 * model (ScreeningModule's RiskScoringService) while screening needs the policies: two modules
 * keep the imports one-way.
 */
@Module({ imports: [RiskPolicyModule, ScreeningModule], controllers: [RiskPolicyController] })
export class RiskPolicyApiModule {}
