import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ApisPassenger, PnrRecord } from '@customs/domain';
import { AuditChained } from './audit-chained';

/**
 * One APIS record as received (migration 1765100000000), under its opaque passenger id;
 * append-only. Only the passenger desk reads it unmasked.
 */
@Entity({ name: 'passenger_apis' })
@Unique('uq_passenger_apis_record', ['passengerRecordId'])
@Index('ix_passenger_apis_document', ['travelDocumentNumber'])
@Index('ix_passenger_apis_office', ['arrivalOfficeId', 'flightDate'])
export class PassengerApisEntity {
  /** `PAX-` + 16 upper-case hex characters. */
  @PrimaryColumn({ name: 'passenger_id', type: 'varchar', length: 20 })
  passengerId!: string;
  /** `ApisPassenger.passengerRecordId` (flight, date, document). */
  @Column({ name: 'passenger_record_id', type: 'varchar', length: 80 })
  passengerRecordId!: string;
  /** SHA-256 (hex) of the canonical record: tells a re-send from a conflicting one. */
  @Column({ name: 'record_hash', type: 'char', length: 64 })
  recordHash!: string;
  @Column({ name: 'flight_number', type: 'varchar', length: 8 })
  flightNumber!: string;
  @Column({ name: 'flight_date', type: 'date' })
  flightDate!: string;
  @Column({ name: 'arrival_office_id', type: 'varchar', length: 8 })
  arrivalOfficeId!: string;
  @Column({ name: 'travel_document_number', type: 'varchar', length: 20 })
  travelDocumentNumber!: string;
  @Column({ type: 'jsonb' })
  record!: ApisPassenger;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

/**
 * One PNR booking as received. Depersonalised in place after the retention period: names and
 * document numbers masked for good in `record`, `travel_documents` emptied (`depersonalised_at` set).
 */
@Entity({ name: 'pnr_record' })
// A GIN index (array overlap `&&`), which TypeORM cannot describe: created by the migration, left alone by schema checks.
@Index('ix_pnr_record_documents', { synchronize: false })
@Index('ix_pnr_record_retention', ['depersonaliseOn'], { where: '"depersonalised_at" IS NULL' })
export class PnrRecordEntity {
  @PrimaryColumn({ name: 'booking_reference', type: 'varchar', length: 6 })
  bookingReference!: string;
  @Column({ name: 'record_hash', type: 'char', length: 64 })
  recordHash!: string;
  @Column({ type: 'jsonb' })
  record!: PnrRecord;
  /** The travellers' document numbers, for matching APIS records and companion links. */
  @Column({ name: 'travel_documents', type: 'varchar', length: 20, array: true })
  travelDocuments!: string[];
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
  /** `YYYY-MM-DD`: received date + the retention (default six months). */
  @Column({ name: 'depersonalise_on', type: 'date' })
  depersonaliseOn!: string;
  @Column({ name: 'depersonalised_at', type: 'timestamptz', nullable: true })
  depersonalisedAt!: Date | null;
}

/**
 * One screening of a passenger (APIS alone, or APIS with the PNR, which supersedes the former):
 * append-only and hash-chained, one per passenger and stage.
 */
@Entity({ name: 'passenger_decision' })
@Unique('uq_passenger_decision_id', ['decisionId'])
@Unique('uq_passenger_decision_stage', ['passengerId', 'stage'])
@Unique('uq_passenger_decision_chain_seq', ['chainSeq'])
@Index('ix_passenger_decision_office', ['officeId', 'lane'])
@Check('ck_passenger_decision_stage', `"stage" IN ('APIS', 'APIS_PNR')`)
@Check('ck_passenger_decision_outcome', `"outcome" IN ('CLEARED', 'SELECTED')`)
export class PassengerDecisionEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;
  /** `<passengerId>-APIS` or `<passengerId>-APIS_PNR`. */
  @Column({ name: 'decision_id', type: 'varchar', length: 40 })
  decisionId!: string;
  @Column({ name: 'passenger_id', type: 'varchar', length: 20 })
  passengerId!: string;
  @ManyToOne(() => PassengerApisEntity, { onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'passenger_id', referencedColumnName: 'passengerId', foreignKeyConstraintName: 'fk_passenger_decision_passenger' })
  passenger?: PassengerApisEntity;
  @Column({ type: 'varchar', length: 8 })
  stage!: string;
  @Column({ name: 'booking_reference', type: 'varchar', length: 6, nullable: true })
  bookingReference!: string | null;
  @Column({ name: 'office_id', type: 'varchar', length: 8 })
  officeId!: string;
  @Column({ type: 'varchar', length: 8 })
  outcome!: string;
  @Column({ type: 'varchar', length: 6 })
  lane!: string;
  @Column({ type: 'varchar', length: 40, nullable: true })
  supersedes!: string | null;
  @Column({ type: 'jsonb' })
  record!: Record<string, unknown>;
  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}

/** One read of a passenger record: who, with which role, masked or not, through which view. Append-only, hash-chained. */
@Entity({ name: 'passenger_read' })
@Unique('uq_passenger_read_chain_seq', ['chainSeq'])
@Index('ix_passenger_read_passenger', ['passengerId', 'id'])
export class PassengerReadEntity extends AuditChained {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;
  @Column({ name: 'passenger_id', type: 'varchar', length: 20 })
  passengerId!: string;
  @Column({ name: 'read_by', type: 'varchar', length: 64 })
  readBy!: string;
  @Column({ type: 'varchar', length: 24 })
  role!: string;
  @Column({ type: 'boolean' })
  masked!: boolean;
  /** QUEUE or DETAIL. */
  @Column({ type: 'varchar', length: 16 })
  via!: string;
  @CreateDateColumn({ name: 'read_at', type: 'timestamptz' })
  readAt!: Date;
}
