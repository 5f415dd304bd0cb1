import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, AUDIT_CHAINS, AUDIT_GENESIS_HASH, auditColumnJson, type AuditChainSpec } from '@customs/persistence';

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
    for (const chain of AUDIT_CHAINS) await this.chain(q, chain);

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

  /** Columns, canonical-text and trigger functions, back-fill in `id` order, constraints and trigger of one chain. */
  private async chain(q: QueryRunner, { table, lockKey, columns }: AuditChainSpec): Promise<void> {
    const canonical = columns.map((c, i) => `'${i === 0 ? '{' : ','}"${c.name}":' || ${auditColumnJson('r', c)}`).join(' || ');
    await q.query(`ALTER TABLE "${table}" ADD "chain_seq" bigint, ADD "prev_hash" character(64), ADD "row_hash" character(64)`);
    await q.query(`
      CREATE FUNCTION "audit_canonical_${table}"(r "${table}") RETURNS text LANGUAGE sql STABLE AS $$ SELECT ${canonical} || '}' $$`);
    await q.query(`
      CREATE FUNCTION "audit_chain_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE last_seq bigint; last_hash text;
      BEGIN
        -- Held to the end of the transaction: the next writer sees this row as the chain's head.
        PERFORM pg_advisory_xact_lock(${lockKey});
        SELECT chain_seq, row_hash INTO last_seq, last_hash FROM "${table}" ORDER BY chain_seq DESC LIMIT 1;
        NEW.chain_seq := coalesce(last_seq, 0) + 1;
        NEW.prev_hash := coalesce(last_hash, '${AUDIT_GENESIS_HASH}');
        NEW.row_hash := encode(sha256(convert_to(NEW.prev_hash || "audit_canonical_${table}"(NEW), 'UTF8')), 'hex');
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${table}_no_change"`);
    await q.query(`
      DO $$
      DECLARE r "${table}"; n bigint := 0; h text := '${AUDIT_GENESIS_HASH}';
      BEGIN
        FOR r IN SELECT * FROM "${table}" ORDER BY id LOOP
          n := n + 1;
          r.chain_seq := n;
          r.prev_hash := h;
          h := encode(sha256(convert_to(h || "audit_canonical_${table}"(r), 'UTF8')), 'hex');
          UPDATE "${table}" SET chain_seq = n, prev_hash = r.prev_hash, row_hash = h WHERE id = r.id;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${table}_no_change"`);
    await q.query(`ALTER TABLE "${table}" ALTER "chain_seq" SET NOT NULL, ALTER "prev_hash" SET NOT NULL, ALTER "row_hash" SET NOT NULL`);
    await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "uq_${table}_chain_seq" UNIQUE ("chain_seq")`);
    await q.query(`CREATE TRIGGER "${table}_audit_chain" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "audit_chain_${table}"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM ${APP_ROLE}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`REVOKE ALL ON SCHEMA public FROM ${APP_ROLE}`);
    await q.query(`DROP TABLE "idempotency_key"`);
    for (const { table } of AUDIT_CHAINS) {
      await q.query(`DROP TRIGGER "${table}_audit_chain" ON "${table}"`);
      await q.query(`DROP FUNCTION "audit_chain_${table}"()`);
      await q.query(`DROP FUNCTION "audit_canonical_${table}"("${table}")`);
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "uq_${table}_chain_seq"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "chain_seq", DROP COLUMN "prev_hash", DROP COLUMN "row_hash"`);
    }
  }
}
