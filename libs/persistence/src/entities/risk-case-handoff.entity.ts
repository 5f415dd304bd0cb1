import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxRow } from './outbox-row';

/**
 * What a hand-off row tells a risk-case workflow: start it (a new case from an intake), link a
 * duplicate report to it (`reportLinked` signal), or that a criterion drafted from it was
 * approved (`criterionApproved` update).
 */
export type RiskCaseHandoffKind = 'START_RISK_CASE' | 'REPORT_LINKED' | 'CRITERION_APPROVED';

/** How a hand-off ended: the workflow took it, or refused it for good (the case had ended, ...). */
export type RiskCaseHandoffOutcome = 'DELIVERED' | 'REFUSED';

/**
 * Transactional outbox of what the API tells risk-case workflows after its own commit (see the
 * `1764700000000-risk-case-handoff` migration): written in the transaction that decides it
 * (an intake, a criterion's approval), drained by `RiskCaseHandoffDispatcher`, retried with back-off while
 * Temporal is unreachable.
 */
@Entity({ name: 'risk_case_handoff' })
@Index('ix_risk_case_handoff_pending', ['availableAt'], { where: '"delivered_at" IS NULL' })
export class RiskCaseHandoffEntity extends OutboxRow {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The risk case (workflow) id. */
  @Column({ name: 'risk_case_id', type: 'varchar', length: 80 })
  riskCaseId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: RiskCaseHandoffKind;

  /** The workflow's input (START_RISK_CASE), or the signal's or update's argument, e.g. `{ criterionId, version, actor }`. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** When the workflow took or refused it; null while pending. */
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: RiskCaseHandoffOutcome | null;
}
