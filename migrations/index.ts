import { ScreeningSpine1763800000000 } from './1763800000000-screening-spine';
import { CriterionApproval1763900000000 } from './1763900000000-criterion-approval';
import { RiskCases1764000000000 } from './1764000000000-risk-cases';
import { IntelligenceAttachments1764100000000 } from './1764100000000-intelligence-attachments';
import { AuditChain1764200000000 } from './1764200000000-audit-chain';
import { ScreeningThroughput1764300000000 } from './1764300000000-screening-throughput';
import { OfficeRiskPolicy1764400000000 } from './1764400000000-office-risk-policy';
import { SupplyChainAndModels1764500000000 } from './1764500000000-supply-chain-and-models';
import { AppendOnlyPrivileges1764600000000 } from './1764600000000-append-only-privileges';
import { RiskCaseHandoff1764700000000 } from './1764700000000-risk-case-handoff';
import { RiskAlertAcknowledgement1764810000000 } from './1764810000000-risk-alert-acknowledgement';
import { ReferenceData1764900000000 } from './1764900000000-reference-data';
import { ExpressStream1765000000000 } from './1765000000000-express-stream';
import { PassengerStream1765100000000 } from './1765100000000-passenger-stream';
import { PartyNetwork1765210000000 } from './1765210000000-party-network';

export { runMigrations } from './run-migrations';

/** Every migration, in order. TypeORM runs the ones not yet recorded in `migrations`. */
export const MIGRATIONS = [ScreeningSpine1763800000000, CriterionApproval1763900000000, RiskCases1764000000000, IntelligenceAttachments1764100000000,
  AuditChain1764200000000, ScreeningThroughput1764300000000, OfficeRiskPolicy1764400000000, SupplyChainAndModels1764500000000,
  AppendOnlyPrivileges1764600000000, RiskCaseHandoff1764700000000, RiskAlertAcknowledgement1764810000000,
  ReferenceData1764900000000, ExpressStream1765000000000, PassengerStream1765100000000, PartyNetwork1765210000000];
