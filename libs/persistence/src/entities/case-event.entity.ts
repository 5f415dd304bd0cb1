import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AuditChained } from './audit-chained';

/**
 * Append-only history of a case: one row per transition, numbered by the workflow
 * (`seq` 1, 2, ...). `UNIQUE(case_id, seq)` makes a retried projection activity
 * harmless; a trigger refuses UPDATE, DELETE and TRUNCATE. Hash-chained (`AuditChained`).
 */
@Entity({ name: 'case_event' })
@Unique('uq_case_event_case_seq', ['caseId', 'seq'])
@Unique('uq_case_event_chain_seq', ['chainSeq'])
export class CaseEventEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 80 })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** OPENED, ASSIGNED, ESCALATED, RESULT_RECORDED or CLOSED. */
  @Column({ type: 'varchar', length: 24 })
  type!: string;

  /** Who acted: an officer id, or `system`. */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
