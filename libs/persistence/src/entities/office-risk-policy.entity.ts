import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One version of an office's risk policy (append-only: a trigger refuses UPDATE, DELETE and
 * TRUNCATE; insert, never `save()`). Capacities are declarations per day; shares are 0..1.
 * `derived` holds the RED / YELLOW cut-offs, shares, exploration band and notes derived for
 * the model named by `modelName` / `modelVersion` (the deciding model when the version was
 * written); screening re-derives them for whichever model decides (see the api's risk-policy feature).
 */
@Entity({ name: 'office_risk_policy' })
@Unique('uq_office_risk_policy_version', ['officeId', 'version'])
export class OfficeRiskPolicyEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 8 })
  officeId!: string;

  /** 1, 2, ... per office. */
  @Column({ type: 'integer' })
  version!: number;

  /** Physical inspections (RED) per day. */
  @Column({ name: 'daily_physical_capacity', type: 'double precision' })
  dailyPhysicalCapacity!: number;

  /** Document reviews (YELLOW) per day. */
  @Column({ name: 'daily_document_capacity', type: 'double precision' })
  dailyDocumentCapacity!: number;

  /** Declarations per day the shares are computed against. */
  @Column({ name: 'expected_daily_declarations', type: 'double precision' })
  expectedDailyDeclarations!: number;

  /** CONFIGURED (given by the author) or MEASURED (mean daily decisions of the office over 28 days). */
  @Column({ name: 'expected_daily_declarations_source', type: 'varchar', length: 10 })
  expectedDailyDeclarationsSource!: string;

  @Column({ name: 'control_share', type: 'double precision' })
  controlShare!: number;

  @Column({ name: 'exploration_share', type: 'double precision' })
  explorationShare!: number;

  @Column({ type: 'jsonb' })
  derived!: Record<string, unknown>;

  @Column({ name: 'model_name', type: 'varchar', length: 80 })
  modelName!: string;

  @Column({ name: 'model_version', type: 'varchar', length: 40 })
  modelVersion!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy!: string;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
