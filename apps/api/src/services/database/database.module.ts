import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import {
  AuditTrailRepository,
  CaseStartOutboxRepository,
  CriterionRepository,
  dataSourceOptions,
  DecisionRecordRepository,
  ExpressRepository,
  IdempotencyKeyRepository,
  InspectionCaseRepository,
  InspectionOutcomeRepository,
  IntelligenceRepository,
  ModelRegistryRepository,
  OfficeRiskPolicyRepository,
  PassengerRepository,
  ReferenceCodeRepository,
  ReportingRepository,
  RiskAlertRepository,
  RiskCaseHandoffRepository,
  RiskCaseRepository,
} from '@customs/persistence';
import { RUNTIME_CONFIG } from '../config/config.module';

/**
 * The repositories of `@customs/persistence`, one per aggregate, each built on the API's
 * DataSource. Features receive them by class (`constructor(private readonly decisions: DecisionRecordRepository)`).
 */
const REPOSITORIES = [
  DecisionRecordRepository,
  CaseStartOutboxRepository,
  OfficeRiskPolicyRepository,
  InspectionCaseRepository,
  InspectionOutcomeRepository,
  CriterionRepository,
  RiskCaseRepository,
  RiskCaseHandoffRepository,
  RiskAlertRepository,
  IntelligenceRepository,
  ModelRegistryRepository,
  IdempotencyKeyRepository,
  ReportingRepository,
  AuditTrailRepository,
  ReferenceCodeRepository,
  ExpressRepository,
  PassengerRepository,
];

/** The TypeORM connection to PostgreSQL and the repositories over it, for every feature (global). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME_CONFIG],
      useFactory: (config: RuntimeConfig) => dataSourceOptions(config.databaseUrl, 20),
    }),
  ],
  providers: REPOSITORIES.map((Repository) => ({ provide: Repository, useFactory: (ds: DataSource) => new Repository(ds), inject: [DataSource] })),
  exports: REPOSITORIES,
})
export class DatabaseModule {}
