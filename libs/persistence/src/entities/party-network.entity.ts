import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The parties of one screened document, written once per document id (`ON CONFLICT DO
 * NOTHING`): the ledger that keeps the party network idempotent (a re-sent document never
 * counts twice in `party_link`) and dated (the API cuts the network at any as-of date from it).
 * Documents of the three streams, told apart by their ids (`@customs/party-network`
 * `PARTY_DOCUMENT_PREFIXES`; import declaration ids have no hyphen): an import declaration (its
 * own id; `declarationParties`: declarant, importer, then seller and courier when present), an
 * express waybill (`EXP-<waybill number>`; `waybillParties`: courier, shipper, consignee), a
 * booking (`PNR-<booking reference>`; `bookingDocuments`: the companions' opaque passenger ids).
 * `parties` are node keys `<ROLE>:<id>`. See the `1765210000000-party-network` migration.
 */
@Entity({ name: 'party_declaration' })
@Unique('uq_party_declaration_declaration', ['declarationId'])
export class PartyDeclarationEntity {
  /** Identity, increasing with inserts (bigint as a decimal string): keyset paging for incremental loading. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq!: string;

  @Column({ name: 'declaration_id', type: 'varchar', length: 40 })
  declarationId!: string;

  /** The document's date (a declaration's acceptance date, a waybill's arrival, a booking's flight): it counts as of later dates only. */
  @Column({ name: 'declaration_date', type: 'date' })
  declarationDate!: string;

  /** Node keys of the document's parties: 2 to 4 on a declaration, 3 on a waybill, 2 or more on a booking. */
  @Column({ type: 'varchar', length: 40, array: true })
  parties!: string[];
}

/**
 * One edge of the party network as it stands now: two parties that appeared on the same
 * declaration, with the number of such declarations and the first and last of their dates.
 * Undirected, stored once with `party_a < party_b`. Kept current by the screening path in the
 * same statement that writes `party_declaration`, from the newly written declarations only.
 */
@Entity({ name: 'party_link' })
@Check('ck_party_link_order', `"party_a" < "party_b"`)
@Check('ck_party_link_count', `"declarations" > 0`)
@Index('ix_party_link_party_b', ['partyB'])
export class PartyLinkEntity {
  /** The lesser node key (`<ROLE>:<id>`). */
  @PrimaryColumn({ name: 'party_a', type: 'varchar', length: 40 })
  partyA!: string;

  /** The greater node key. */
  @PrimaryColumn({ name: 'party_b', type: 'varchar', length: 40 })
  partyB!: string;

  /** Date of the earliest shared declaration. */
  @Column({ name: 'first_date', type: 'date' })
  firstDate!: string;

  /** Date of the latest shared declaration. */
  @Column({ name: 'last_date', type: 'date' })
  lastDate!: string;

  /** Number of declarations the two parties share (the edge's weight). */
  @Column({ type: 'integer' })
  declarations!: number;
}
