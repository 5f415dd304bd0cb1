import { Module } from '@nestjs/common';
import { RiskPolicyService } from './risk-policy.service';

/** The per-office risk policies store and derivation, used by screening (no routes: see RiskPolicyApiModule). */
@Module({ providers: [RiskPolicyService], exports: [RiskPolicyService] })
export class RiskPolicyModule {}
