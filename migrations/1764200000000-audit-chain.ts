import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, FIRST_AUDIT_CHAINS } from '@customs/persistence';
import { installAuditChain, removeAuditChain } from './audit-chain-install';

/** Evidence tables nobody changes once written: the app role may only INSERT and SELECT them. */
const APPEND_ONLY = ['decision_record', 'case_event', 'risk_case_event', 'selectivity_criterion', 'criterion_approval', 'intelligence_attachment'];

/**
 * Tamper-evident audit trail and a least-privilege application role:
 *  - `decision_record`, `case_event` and `risk_case_event` get `chain_seq` (1, 2, ... without
 *    gaps, per table), `prev_hash` and `row_hash` (see `AUDIT_CHAINS`), filled by a BEFORE
 *    INSERT trigger that takes a transaction-level advisory lock per chain, so every writer
 *    (batch inserts with unnest, projection activities) is chained and concurrent inserts
 *    cannot fork it; existing rows are back-filled in `id` order.
 *  - role `customs_app` (NOLOGIN; the API's and worker's login is a member): SELECT, INSERT,
 *    UPDATE, DELETE on the mutable tables (also, by default privileges, on tables created by
 *    later migrations), only SELECT and INSERT on the append-only ones; TRUNCATE nowhere.
 *    The refuse_change() triggers still guard UPDATE, DELETE and TRUNCATE for everyone.
 *  - `idempotency_key`: stored first responses of mutating API calls sent with an
 *    `Idempotency-Key` header.
 * Needs a migration user that owns the tables and may CREATE ROLE.
 */
export class AuditChain1764200000000 implements MigrationInterface {
  name = 'AuditChain1764200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const chain of FIRST_AUDIT_CHAINS) await installAuditChain(q, chain);

    await q.query(`
      CREATE TABLE "idempotency_key" (
        "caller" character varying(255) NOT NULL,
        "key" character varying(255) NOT NULL,
        "route" character varying(300) NOT NULL,
        "body_hash" character(64) NOT NULL,
        "status" integer,
        "response" json,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_idempotency_key" PRIMARY KEY ("caller", "key")
      )`);

    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE ON "migrations" FROM ${APP_ROLE}`);
    for (const table of APPEND_ONLY) await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM PUBLIC, ${APP_ROLE}`);
    // Tables of later migrations are usable by the app without a GRANT each; an append-only one revokes UPDATE, DELETE.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`DROP TABLE "idempotency_key"`);
    for (const chain of FIRST_AUDIT_CHAINS) await removeAuditChain(q, chain);
  }
}
