import { Column, CreateDateColumn } from 'typeorm';

/**
 * The columns every transactional outbox of this system has (`case_start_outbox`,
 * `risk_case_handoff`): when the row was written, when a dispatcher may (re)try it (the lease end
 * while claimed, the back-off after a failure), how many attempts were made, and the last failure.
 */
export abstract class OutboxRow {
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Earliest time a dispatcher may (re)try the row: the lease end while claimed, the back-off after a failure. */
  @Column({ name: 'available_at', type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  /** Attempts made so far. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The last failure (or, for a refused hand-off, the reason), for operators. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
