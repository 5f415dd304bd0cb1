import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One immutable version of a selectivity criterion. A version never changes (a trigger
 * refuses UPDATE and DELETE); an edit, an extension or a retirement is a new version.
 * Screening uses the highest version of each criterion id.
 */
@Entity({ name: 'selectivity_criterion' })
@Index('ix_selectivity_criterion_scope_office', ['scope', 'officeId'])
export class SelectivityCriterionEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** CENTRAL (every office) or LOCAL (one office). */
  @Column({ type: 'varchar', length: 8 })
  scope!: string;

  @Column({ name: 'office_id', type: 'varchar', length: 8, nullable: true })
  officeId!: string | null;

  @Column({ type: 'varchar', length: 6 })
  lane!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date' })
  validTo!: string;

  /** The whole criterion as validated by `@customs/selectivity` (`SelectivityCriterion`). */
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  /** Where this version came from, e.g. `rules/central/CEN-WPN-001.json` or `api`. */
  @Column({ type: 'varchar', length: 200 })
  source!: string;

  /** User id of the author (`seed` for versions loaded from `rules/`). */
  @Column({ name: 'created_by', type: 'varchar', length: 64, default: 'seed' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
