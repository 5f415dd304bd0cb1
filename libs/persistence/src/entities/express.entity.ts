import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ExpressDecisionRecord } from '@customs/decision';
import { AuditChained } from './audit-chained';

/**
 * The header of an express cargo manifest as first received (migration 1765000000000); append-only.
 * Its waybills' selections are `express_decision` rows.
 */
@Entity({ name: 'express_manifest' })
@Check('ck_express_manifest_mode', `"transport_mode" IN ('AIR', 'SEA')`)
export class ExpressManifestEntity {
  @PrimaryColumn({ name: 'manifest_id', type: 'varchar', length: 35 })
  manifestId!: string;
  /** AIR or SEA. */
  @Column({ name: 'transport_mode', type: 'varchar', length: 3 })
  transportMode!: string;
  /** Flight or vessel voyage number. */
  @Column({ type: 'varchar', length: 17 })
  voyage!: string;
  @Column({ name: 'arrival_at', type: 'timestamptz' })
  arrivalAt!: Date;
  /** Customs office code of the logistics centre. */
  @Column({ name: 'centre_id', type: 'varchar', length: 8 })
  centreId!: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

/**
 * The selection of one house waybill (RELEASE / XRAY_FLAGGED / INTRUSIVE_INSPECTION) with its
 * replayable record: append-only (trigger) and hash-chained (`AuditChained`), one per waybill.
 */
@Entity({ name: 'express_decision' })
@Unique('uq_express_decision_waybill', ['waybillNumber'])
@Unique('uq_express_decision_chain_seq', ['chainSeq'])
@Index('ix_express_decision_centre', ['centreId', 'manifestId', 'position'])
@Check('ck_express_decision_outcome', `"outcome" IN ('RELEASE', 'XRAY_FLAGGED', 'INTRUSIVE_INSPECTION')`)
export class ExpressDecisionEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;
  /** Upper-cased house waybill number. */
  @Column({ name: 'waybill_number', type: 'varchar', length: 20 })
  waybillNumber!: string;
  /** SHA-256 (hex) of the canonical waybill and manifest header: tells a re-send from a conflicting one. */
  @Column({ name: 'waybill_hash', type: 'char', length: 64 })
  waybillHash!: string;
  @Column({ name: 'manifest_id', type: 'varchar', length: 35 })
  manifestId!: string;
  @ManyToOne(() => ExpressManifestEntity, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'manifest_id', referencedColumnName: 'manifestId', foreignKeyConstraintName: 'fk_express_decision_manifest' })
  manifest?: ExpressManifestEntity;
  /** 0-based position in the manifest (conveyor order). */
  @Column({ type: 'integer' })
  position!: number;
  @Column({ name: 'centre_id', type: 'varchar', length: 8 })
  centreId!: string;
  @Column({ type: 'varchar', length: 24 })
  outcome!: string;
  @Column({ type: 'varchar', length: 6 })
  lane!: string;
  @Column({ type: 'jsonb' })
  record!: ExpressDecisionRecord;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}

/**
 * One X-ray interpreter's decision on a waybill (RELEASE / INSPECT / HOLD), with who and when:
 * append-only and hash-chained; at most one final (non-HOLD) decision per waybill (unique index).
 */
@Entity({ name: 'xray_interpretation' })
@Unique('uq_xray_interpretation_chain_seq', ['chainSeq'])
@Index('ix_xray_interpretation_waybill', ['waybillNumber', 'id'])
@Index('uq_xray_interpretation_final', ['waybillNumber'], { unique: true, where: `"decision" <> 'HOLD'` })
@Check('ck_xray_interpretation_decision', `"decision" IN ('RELEASE', 'INSPECT', 'HOLD')`)
export class XrayInterpretationEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;
  @Column({ name: 'waybill_number', type: 'varchar', length: 20 })
  waybillNumber!: string;
  @ManyToOne(() => ExpressDecisionEntity, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'waybill_number', referencedColumnName: 'waybillNumber', foreignKeyConstraintName: 'fk_xray_interpretation_waybill' })
  decisionRow?: ExpressDecisionEntity;
  @Column({ type: 'varchar', length: 8 })
  decision!: string;
  @Column({ type: 'text', nullable: true })
  note!: string | null;
  /** The interpreter's user id. */
  @Column({ name: 'interpreted_by', type: 'varchar', length: 64 })
  interpretedBy!: string;
  /** The inspection case an INSPECT decision opened (or found); null otherwise. */
  @Column({ name: 'case_id', type: 'varchar', length: 80, nullable: true })
  caseId!: string | null;
  @CreateDateColumn({ name: 'interpreted_at', type: 'timestamptz' })
  interpretedAt!: Date;
}
