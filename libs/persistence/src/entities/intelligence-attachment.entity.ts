import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A document or photo attached to an intelligence report, stored in Postgres (`bytea`).
 * The same bytes are stored once per report: `UNIQUE(report_id, sha256)`.
 * `content_type` is what the file's magic bytes showed (PDF, PNG, JPEG, plain text), not
 * what the uploader claimed.
 */
@Entity({ name: 'intelligence_attachment' })
@Unique('uq_intelligence_attachment_sha256', ['reportId', 'sha256'])
@Index('ix_intelligence_attachment_report', ['reportId'])
export class IntelligenceAttachmentEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'report_id', type: 'varchar', length: 80 })
  reportId!: string;

  /** Lower-case hex SHA-256 of `content`. */
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  /** File name as uploaded (base name only, control characters removed). */
  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  /** `application/pdf`, `image/png`, `image/jpeg` or `text/plain`. */
  @Column({ name: 'content_type', type: 'varchar', length: 64 })
  contentType!: string;

  /** Bytes. */
  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'uploaded_by', type: 'varchar', length: 64 })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}
