import { MigrationInterface, QueryRunner } from 'typeorm';
import { EXPRESS_AUDIT_CHAINS } from '@customs/persistence';
import { installAuditChain, makeAppendOnly, removeAuditChain } from './audit-chain-install';

const APPEND_ONLY = ['express_manifest', 'express_decision', 'xray_interpretation'];

/**
 * The express cargo stream (issue 15):
 * - `express_manifest`: the header of each manifest as first received (flight or voyage, arrival,
 *   logistics centre); append-only.
 * - `express_decision`: one selection per house waybill (RELEASE / XRAY_FLAGGED /
 *   INTRUSIVE_INSPECTION) with its replayable record, as `decision_record` is for declarations;
 *   append-only and hash-chained; `position` is the waybill's place in its manifest (conveyor order).
 * - `xray_interpretation`: every X-ray interpreter's decision (RELEASE / INSPECT / HOLD) with who
 *   and when; append-only and hash-chained; at most one final (non-HOLD) decision per waybill.
 * - `inspection_case.document_type`: IMPORT_DECLARATION for the cases so far, EXPRESS_WAYBILL for
 *   waybills sent to inspection (their `declaration_id` is `EXP-<waybill number>`).
 */
export class ExpressStream1765000000000 implements MigrationInterface {
  name = 'ExpressStream1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "express_manifest" (
        "manifest_id" character varying(35) NOT NULL,
        "transport_mode" character varying(3) NOT NULL,
        "voyage" character varying(17) NOT NULL,
        "arrival_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "centre_id" character varying(8) NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_express_manifest_mode" CHECK ("transport_mode" IN ('AIR', 'SEA')),
        CONSTRAINT "PK_express_manifest" PRIMARY KEY ("manifest_id")
      )`);
    await q.query(`
      CREATE TABLE "express_decision" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "waybill_number" character varying(20) NOT NULL,
        "waybill_hash" character(64) NOT NULL,
        "manifest_id" character varying(35) NOT NULL,
        "position" integer NOT NULL,
        "centre_id" character varying(8) NOT NULL,
        "outcome" character varying(24) NOT NULL,
        "lane" character varying(6) NOT NULL,
        "record" jsonb NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_express_decision_outcome" CHECK ("outcome" IN ('RELEASE', 'XRAY_FLAGGED', 'INTRUSIVE_INSPECTION')),
        CONSTRAINT "uq_express_decision_waybill" UNIQUE ("waybill_number"),
        CONSTRAINT "PK_express_decision" PRIMARY KEY ("id"),
        CONSTRAINT "fk_express_decision_manifest" FOREIGN KEY ("manifest_id") REFERENCES "express_manifest" ("manifest_id") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "ix_express_decision_centre" ON "express_decision" ("centre_id", "manifest_id", "position")`);
    await q.query(`
      CREATE TABLE "xray_interpretation" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "waybill_number" character varying(20) NOT NULL,
        "decision" character varying(8) NOT NULL,
        "note" text,
        "interpreted_by" character varying(64) NOT NULL,
        "case_id" character varying(80),
        "interpreted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_xray_interpretation_decision" CHECK ("decision" IN ('RELEASE', 'INSPECT', 'HOLD')),
        CONSTRAINT "PK_xray_interpretation" PRIMARY KEY ("id"),
        CONSTRAINT "fk_xray_interpretation_waybill" FOREIGN KEY ("waybill_number") REFERENCES "express_decision" ("waybill_number") ON DELETE NO ACTION ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "ix_xray_interpretation_waybill" ON "xray_interpretation" ("waybill_number", "id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_xray_interpretation_final" ON "xray_interpretation" ("waybill_number") WHERE "decision" <> 'HOLD'`);
    for (const table of APPEND_ONLY) await makeAppendOnly(q, table);
    for (const chain of EXPRESS_AUDIT_CHAINS) await installAuditChain(q, chain);
    await q.query(`ALTER TABLE "inspection_case" ADD "document_type" character varying(24) NOT NULL DEFAULT 'IMPORT_DECLARATION'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "inspection_case" DROP COLUMN "document_type"`);
    for (const chain of EXPRESS_AUDIT_CHAINS) await removeAuditChain(q, chain);
    for (const table of [...APPEND_ONLY].reverse()) await q.query(`DROP TABLE "${table}"`);
  }
}
