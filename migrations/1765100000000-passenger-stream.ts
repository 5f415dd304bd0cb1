import { MigrationInterface, QueryRunner } from 'typeorm';
import { PASSENGER_AUDIT_CHAINS } from '@customs/persistence';
import { installAuditChain, makeAppendOnly, removeAuditChain } from './audit-chain-install';

const APPEND_ONLY = ['passenger_apis', 'passenger_decision', 'passenger_read'];

/**
 * The air passenger stream (issue 15):
 * - `passenger_apis`: each APIS record as received, under an opaque passenger id (`PAX-` + 16 hex
 *   of a hash of the record id, which embeds the document number); append-only.
 * - `pnr_record`: each PNR booking as received, with its travellers' document numbers for
 *   matching; NOT append-only: depersonalised in place after the retention period
 *   (`depersonalise_on`, EU PNR Directive art. 12), which nulls `travel_documents` and rewrites
 *   `record` once (`depersonalised_at`).
 * - `passenger_decision`: every screening of a passenger (APIS alone, then APIS with the PNR,
 *   linked by `supersedes`); append-only and hash-chained.
 * - `passenger_read`: every read of a passenger record, by whom, masked or not; append-only and hash-chained.
 */
export class PassengerStream1765100000000 implements MigrationInterface {
  name = 'PassengerStream1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "passenger_apis" (
        "passenger_id" character varying(20) NOT NULL,
        "passenger_record_id" character varying(80) NOT NULL,
        "record_hash" character(64) NOT NULL,
        "flight_number" character varying(8) NOT NULL,
        "flight_date" date NOT NULL,
        "arrival_office_id" character varying(8) NOT NULL,
        "travel_document_number" character varying(20) NOT NULL,
        "record" jsonb NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "uq_passenger_apis_record" UNIQUE ("passenger_record_id"),
        CONSTRAINT "PK_passenger_apis" PRIMARY KEY ("passenger_id")
      )`);
    await q.query(`CREATE INDEX "ix_passenger_apis_document" ON "passenger_apis" ("travel_document_number")`);
    await q.query(`CREATE INDEX "ix_passenger_apis_office" ON "passenger_apis" ("arrival_office_id", "flight_date")`);
    await q.query(`
      CREATE TABLE "pnr_record" (
        "booking_reference" character varying(6) NOT NULL,
        "record_hash" character(64) NOT NULL,
        "record" jsonb NOT NULL,
        "travel_documents" character varying(20) array NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "depersonalise_on" date NOT NULL,
        "depersonalised_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_pnr_record" PRIMARY KEY ("booking_reference")
      )`);
    await q.query(`CREATE INDEX "ix_pnr_record_documents" ON "pnr_record" USING gin ("travel_documents")`);
    await q.query(`CREATE INDEX "ix_pnr_record_retention" ON "pnr_record" ("depersonalise_on") WHERE "depersonalised_at" IS NULL`);
    await q.query(`
      CREATE TABLE "passenger_decision" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "decision_id" character varying(40) NOT NULL,
        "passenger_id" character varying(20) NOT NULL,
        "stage" character varying(8) NOT NULL,
        "booking_reference" character varying(6),
        "office_id" character varying(8) NOT NULL,
        "outcome" character varying(8) NOT NULL,
        "lane" character varying(6) NOT NULL,
        "supersedes" character varying(40),
        "record" jsonb NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_passenger_decision_stage" CHECK ("stage" IN ('APIS', 'APIS_PNR')),
        CONSTRAINT "ck_passenger_decision_outcome" CHECK ("outcome" IN ('CLEARED', 'SELECTED')),
        CONSTRAINT "uq_passenger_decision_id" UNIQUE ("decision_id"),
        CONSTRAINT "uq_passenger_decision_stage" UNIQUE ("passenger_id", "stage"),
        CONSTRAINT "PK_passenger_decision" PRIMARY KEY ("id"),
        CONSTRAINT "fk_passenger_decision_passenger" FOREIGN KEY ("passenger_id") REFERENCES "passenger_apis" ("passenger_id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "ix_passenger_decision_office" ON "passenger_decision" ("office_id", "lane")`);
    await q.query(`
      CREATE TABLE "passenger_read" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "passenger_id" character varying(20) NOT NULL,
        "read_by" character varying(64) NOT NULL,
        "role" character varying(24) NOT NULL,
        "masked" boolean NOT NULL,
        "via" character varying(16) NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_passenger_read" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_passenger_read_passenger" ON "passenger_read" ("passenger_id", "id")`);
    for (const table of APPEND_ONLY) await makeAppendOnly(q, table);
    for (const chain of PASSENGER_AUDIT_CHAINS) await installAuditChain(q, chain);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const chain of PASSENGER_AUDIT_CHAINS) await removeAuditChain(q, chain);
    for (const table of ['passenger_read', 'passenger_decision', 'pnr_record', 'passenger_apis']) await q.query(`DROP TABLE "${table}"`);
  }
}
