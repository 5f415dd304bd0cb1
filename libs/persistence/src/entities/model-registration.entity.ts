import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A model version known to the system and its role: the CHAMPION decides lanes (exactly
 * one), CHALLENGERs score every declaration in shadow (recorded, never deciding), RETIRED
 * ones are not loaded. Changed only by promotion (`model_event` keeps every change).
 */
@Entity({ name: 'model_registration' })
@Check('ck_model_registration_role', `"role" IN ('CHAMPION', 'CHALLENGER', 'RETIRED')`)
@Index('uq_model_registration_champion', ['role'], { unique: true, where: `"role" = 'CHAMPION'` })
export class ModelRegistrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  version!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One audited change of a model's role (registration, promotion, demotion). Append-only. */
@Entity({ name: 'model_event' })
export class ModelEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  version!: string;

  /** `REGISTERED`, `PROMOTED` or `DEMOTED`. */
  @Column({ type: 'varchar', length: 24 })
  type!: string;

  @Column({ name: 'from_role', type: 'varchar', length: 16, nullable: true })
  fromRole!: string | null;

  @Column({ name: 'to_role', type: 'varchar', length: 16 })
  toRole!: string;

  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
