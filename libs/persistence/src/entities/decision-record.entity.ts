import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Lane } from '@customs/domain';
import { AuditChained } from './audit-chained';

/**
 * One screening decision per declaration: append-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE; insert with `repo.insert()` or a query builder, never `save()`).
 * `record` holds the complete replayable decision (see `DecisionRecordBody` in the api's
 * screening feature): declaration snapshot, fired criteria with their condition traces,
 * model name/version/score/thresholds, control flag and lane. Hash-chained (`AuditChained`).
 */
@Entity({ name: 'decision_record' })
@Unique('uq_decision_record_declaration', ['declarationId'])
@Unique('uq_decision_record_chain_seq', ['chainSeq'])
@Index('ix_decision_record_office_lane', ['officeId', 'lane'])
export class DecisionRecordEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'declaration_id', type: 'varchar', length: 40 })
  declarationId!: string;

  /** SHA-256 (hex) of the canonical declaration snapshot: tells a re-send from a conflicting one. */
  @Column({ name: 'declaration_hash', type: 'char', length: 64 })
  declarationHash!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 8 })
  officeId!: string;

  @Column({ type: 'varchar', length: 6 })
  lane!: Lane;

  /** Deciding model's score in [0, 1], higher = riskier. */
  @Column({ name: 'risk_score', type: 'double precision' })
  riskScore!: number;

  @Column({ name: 'control_sample', type: 'boolean' })
  controlSample!: boolean;

  @Column({ type: 'jsonb' })
  record!: Record<string, unknown>;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
