import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { OutboxRow } from './outbox-row';

/**
 * Transactional outbox of inspection-case starts: written in the same statement as the
 * YELLOW/RED decision it belongs to, drained by the API's case-start dispatcher, which starts
 * the workflow (id = `case_id`, `REJECT_DUPLICATE`) and stamps `started_at`. A row whose start
 * failed is retried after `available_at`; a claimed row is leased by moving `available_at`
 * forward, so a dispatcher that dies mid-start leaves it to be picked up again.
 */
@Entity({ name: 'case_start_outbox' })
@Unique('uq_case_start_outbox_declaration', ['declarationId'])
@Index('ix_case_start_outbox_pending', ['availableAt'], { where: '"started_at" IS NULL' })
export class CaseStartOutboxEntity extends OutboxRow {
  /** The inspection case (workflow) id. */
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 80 })
  caseId!: string;

  @Column({ name: 'declaration_id', type: 'varchar', length: 40 })
  declarationId!: string;

  /** The workflow's `InspectionCaseInput`. */
  @Column({ type: 'jsonb' })
  input!: Record<string, unknown>;

  /** When the workflow was found running or started; null while pending. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** `STARTED` (this outbox started it) or `EXISTED` (Temporal already had it); null while pending. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  outcome!: 'STARTED' | 'EXISTED' | null;
}
