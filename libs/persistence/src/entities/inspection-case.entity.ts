import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

/**
 * Read model of an inspection case, written only by the case workflow's activities.
 * The workflow is the source of truth; this row serves the office queues and search.
 * `lastSeq` is the sequence number of the last event applied, so a retried or
 * out-of-order projection never moves a case backwards.
 */
@Entity({ name: 'inspection_case' })
@Unique('uq_inspection_case_declaration', ['declarationId'])
@Index('ix_inspection_case_queue', ['officeId', 'status', 'lane'])
export class InspectionCaseEntity {
  /** The case workflow id, `inspection-case-<declarationId>`. */
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 80 })
  caseId!: string;

  @Column({ name: 'declaration_id', type: 'varchar', length: 40 })
  declarationId!: string;

  /** IMPORT_DECLARATION, or EXPRESS_WAYBILL (then `declarationId` is `EXP-<waybill number>`). */
  @Column({ name: 'document_type', type: 'varchar', length: 24, default: 'IMPORT_DECLARATION' })
  documentType!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 8 })
  officeId!: string;

  @Column({ type: 'varchar', length: 6 })
  lane!: string;

  /** QUEUED, ASSIGNED, RESULT_RECORDED or CLOSED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'risk_score', type: 'double precision' })
  riskScore!: number;

  @Column({ name: 'control_sample', type: 'boolean', default: false })
  controlSample!: boolean;

  /** `[{ id, version }]` of the criteria that selected the declaration. */
  @Column({ name: 'fired_criteria', type: 'jsonb' })
  firedCriteria!: Array<{ id: string; version: number }>;

  @Column({ name: 'assignee_id', type: 'varchar', length: 64, nullable: true })
  assigneeId!: string | null;

  /** True once the case stayed unassigned past its escalation deadline. */
  @Column({ type: 'boolean', default: false })
  escalated!: boolean;

  /** NO_FINDING, DISCREPANCY or SEIZURE once a result is recorded. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: string | null;

  @Column({ type: 'text', nullable: true })
  findings!: string | null;

  /** `[{ criterionId, version, appropriate, note }]`: the officer's verdict per fired criterion. */
  @Column({ type: 'jsonb', nullable: true })
  verdicts!: Array<Record<string, unknown>> | null;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
