import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { loadRuntimeConfig, type RuntimeConfig } from '@customs/config';
import { AuditModule } from './app/audit/audit.module';
import { CaseStartModule } from './app/case-start/case-start.module';
import { CasesModule } from './app/cases/cases.module';
import { CriteriaModule } from './app/criteria/criteria.module';
import { DecisionsModule } from './app/decisions/decisions.module';
import { DriftModule } from './app/drift/drift.module';
import { ExpressModule } from './app/express/express.module';
import { PassengersModule } from './app/passengers/passengers.module';
import { HealthModule } from './app/health/health.module';
import { IntelligenceModule } from './app/intelligence/intelligence.module';
import { ModelsModule } from './app/models/models.module';
import { InspectionResultsModule } from './app/inspection-results/inspection-results.module';
import { ReferenceModule } from './app/reference/reference.module';
import { RiskAlertsModule } from './app/risk-alerts/risk-alerts.module';
import { PartyNetworkModule } from './app/party-network/party-network.module';
import { RiskCasesModule } from './app/risk-cases/risk-cases.module';
import { RiskPolicyModule } from './app/risk-policy/risk-policy.module';
import { ScreeningModule } from './app/screening/screening.module';
import { StatsModule } from './app/stats/stats.module';
import { SupplyChainModule } from './app/supply-chain/supply-chain.module';
import { AuthModule } from './services/auth/auth.module';
import { ConfigModule } from './services/config/config.module';
import { DatabaseModule } from './services/database/database.module';
import { MetricsModule } from './services/metrics/metrics.module';
import { JsonOnlyMiddleware } from './services/http/json-only.middleware';
import { RateLimitModule } from './services/http/rate-limit.module';
import { TemporalModule } from './services/temporal/temporal.module';

/** The API: infrastructure modules plus one module per feature. */
@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Attachment uploads are multipart (checked there by FileInterceptor and the attachment service); every other body is JSON.
    consumer.apply(JsonOnlyMiddleware).exclude({ path: 'intelligence/:id/attachments', method: RequestMethod.POST }).forRoutes('*');
  }

  static forRoot(config: RuntimeConfig = loadRuntimeConfig()): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        AuthModule.forRoot(config),
        // After AuthModule: its guard must know the caller to count ingest per user.
        RateLimitModule.forRoot(config),
        DatabaseModule,
        MetricsModule,
        TemporalModule,
        HealthModule,
        CriteriaModule,
        SupplyChainModule,
        ModelsModule,
        RiskPolicyModule,
        CaseStartModule,
        ScreeningModule,
        ExpressModule,
        PassengersModule,
        DecisionsModule,
        ReferenceModule,
        CasesModule,
        StatsModule,
        DriftModule,
        IntelligenceModule,
        RiskCasesModule,
        RiskAlertsModule,
        PartyNetworkModule,
        InspectionResultsModule,
        AuditModule,
      ],
    };
  }
}
