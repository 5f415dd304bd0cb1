import { Check, Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Declaration } from '@customs/domain';

/**
 * One labelled inspection outcome per declaration: the source of the supply-chain history
 * features (`libs/risk-model` OutcomeHistory). `HISTORY` rows were imported (past results),
 * `INSPECTION` rows were written by the case worker when an officer recorded a result.
 * Append-only (trigger); `seq` orders rows for incremental loading.
 */
@Entity({ name: 'inspection_outcome' })
@Unique('uq_inspection_outcome_declaration', ['declarationId'])
@Check('ck_inspection_outcome_labels', `"fraud" IN (0, 1) AND "critical_fraud" IN (0, 1, 2)`)
@Check('ck_inspection_outcome_source', `"source" IN ('HISTORY', 'INSPECTION')`)
export class InspectionOutcomeEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq!: string;

  @Column({ name: 'declaration_id', type: 'varchar', length: 40 })
  declarationId!: string;

  /** The declaration's date (acceptance date): the history counts it for later dates only. */
  @Column({ name: 'declaration_date', type: 'date' })
  declarationDate!: string;

  /** The declaration as screened (or as imported). */
  @Column({ type: 'jsonb' })
  declaration!: Declaration;

  /** KCS `Fraud`: 1 when inspection found an attempt to reduce customs duty. */
  @Column({ type: 'smallint' })
  fraud!: number;

  /** KCS `Critical Fraud`: 0 none, 1 fraud, 2 a threat to public safety. */
  @Column({ name: 'critical_fraud', type: 'smallint' })
  criticalFraud!: number;

  /** `HISTORY` (imported) or `INSPECTION` (recorded here). */
  @Column({ type: 'varchar', length: 16 })
  source!: string;

  @Column({ name: 'case_id', type: 'varchar', length: 80, nullable: true })
  caseId!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
