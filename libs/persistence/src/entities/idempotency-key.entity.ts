import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first response to a mutating API call sent with an `Idempotency-Key` header, so a retry
 * with the same key and body gets it again without acting twice. One row per (caller, key):
 * the same key from two users is two keys. `status` and `response` are null while the first
 * request is still being processed. Only successful responses are kept: a refused request
 * changed nothing, so its key is released and a retry is processed afresh.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  /** The caller's user id (token `sub`). */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  caller!: string;

  /** The client's `Idempotency-Key` header, 1-255 visible ASCII characters. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  key!: string;

  /** Method and path of the first request, e.g. `POST /api/cases/inspection-case-1/assign`. */
  @Column({ type: 'varchar', length: 300 })
  route!: string;

  /** Hex SHA-256 of the method, path and canonical JSON body of the first request. */
  @Column({ name: 'body_hash', type: 'char', length: 64 })
  bodyHash!: string;

  /** HTTP status of the stored response; null while in flight. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  /** JSON body of the stored response, kept as sent (json, not jsonb: key order preserved); null while in flight. */
  @Column({ type: 'json', nullable: true })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
