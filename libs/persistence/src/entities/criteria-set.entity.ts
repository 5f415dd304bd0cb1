import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One distinct set of criterion versions in force, stored once: `fingerprint` is the
 * lower-case hex SHA-256 of the sorted `id@version` list joined by newlines, `versions` the
 * list itself (sorted). Decision records name the fingerprint (`record.criteriaSet`), so a
 * replay can re-derive exactly which versions were in force. Append-only (a trigger refuses
 * UPDATE, DELETE and TRUNCATE).
 */
@Entity({ name: 'criteria_set' })
export class CriteriaSetEntity {
  @PrimaryColumn({ type: 'char', length: 64 })
  fingerprint!: string;

  /** `id@version` of every criterion in the set, sorted. */
  @Column({ type: 'text', array: true })
  versions!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
