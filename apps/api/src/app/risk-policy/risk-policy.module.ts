import { Module } from '@nestjs/common';
import { ModelsModule } from '../models/models.module';
import { RiskPolicySimulationService } from './risk-policy-simulation.service';
import { RiskPolicyController } from './risk-policy.controller';
import { RiskPolicyService } from './risk-policy.service';

/**
 * Per-office risk policies: the audited routes, the store, and the cut-offs in force per office
 * for the deciding model (from `@customs/decision`), which screening asks for.
 */
@Module({ imports: [ModelsModule], controllers: [RiskPolicyController], providers: [RiskPolicyService, RiskPolicySimulationService], exports: [RiskPolicyService] })
export class RiskPolicyModule {}
