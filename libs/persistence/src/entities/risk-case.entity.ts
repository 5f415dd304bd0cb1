import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditChained } from './audit-chained';

/**
 * Read model of a risk case, written only by the risk-case workflow's projection activity.
 * The workflow is the source of truth; `state` is its last projected snapshot and `lastSeq`
 * keeps a retried or late projection from moving the row backwards.
 */
@Entity({ name: 'risk_case' })
@Index('ix_risk_case_status', ['status'])
export class RiskCaseEntity {
  /** The workflow id, `risk-case-<uuid>`. */
  @PrimaryColumn({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  /** IDENTIFIED, ASSESSED, TARGETING, ACTIVE, FEEDBACK, CLOSED or DISMISSED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'risk_area', type: 'varchar', length: 32 })
  riskArea!: string;

  /** CBTC or LOCAL. */
  @Column({ type: 'varchar', length: 8 })
  route!: string;

  /** Offices the case is routed to (LOCAL) or shared with: who besides the CBTC sees it. */
  @Column({ name: 'office_ids', type: 'jsonb' })
  officeIds!: string[];

  @Column({ name: 'risk_level', type: 'varchar', length: 8, nullable: true })
  riskLevel!: string | null;

  @Column({ name: 'window_ends_at', type: 'timestamptz', nullable: true })
  windowEndsAt!: Date | null;

  @Column({ type: 'jsonb' })
  state!: Record<string, unknown>;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Append-only history of a risk case, numbered by the workflow; a trigger refuses UPDATE, DELETE, TRUNCATE. Hash-chained (`AuditChained`). */
@Entity({ name: 'risk_case_event' })
@Unique('uq_risk_case_event_seq', ['riskCaseId', 'seq'])
@Unique('uq_risk_case_event_chain_seq', ['chainSeq'])
export class RiskCaseEventEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 24 })
  type!: string;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

/** Which risk case a criterion was drafted from, so its selections and results reach that case. */
@Entity({ name: 'risk_case_criterion' })
export class RiskCaseCriterionEntity {
  @PrimaryColumn({ name: 'criterion_id', type: 'varchar', length: 40 })
  criterionId!: string;

  @PrimaryColumn({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  @Column({ name: 'linked_at', type: 'timestamptz' })
  linkedAt!: Date;
}

/**
 * One intelligence or detection report as received (append-only in practice), with the risk
 * case it opened or was linked to, and the route and routing rule that chose it.
 */
@Entity({ name: 'intelligence_report' })
@Index('ix_intelligence_report_case', ['riskCaseId'])
export class IntelligenceReportEntity {
  @PrimaryColumn({ name: 'report_id', type: 'varchar', length: 80 })
  reportId!: string;

  @Column({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  /** True when the report was linked to an existing case as a duplicate. */
  @Column({ type: 'boolean', default: false })
  duplicate!: boolean;

  /** The validated report body (source, risk area, subjects, goods, routes, text). */
  @Column({ type: 'jsonb' })
  report!: Record<string, unknown>;

  /** Normalised subject keys (`importerId:IMP123`, `company:acme trading`), a JSON array. */
  @Column({ name: 'subject_keys', type: 'jsonb' })
  subjectKeys!: string[];

  @Column({ type: 'varchar', length: 8 })
  route!: string;

  @Column({ name: 'route_rule', type: 'varchar', length: 80 })
  routeRule!: string;

  @Column({ name: 'reported_by', type: 'varchar', length: 64 })
  reportedBy!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
