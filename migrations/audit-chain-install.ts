import type { QueryRunner } from 'typeorm';
import { APP_ROLE, AUDIT_GENESIS_HASH, auditColumnJson, type AuditChainSpec } from '@customs/persistence';

/**
 * Makes an append-only table a hash chain (see `AUDIT_CHAINS`): adds `chain_seq`, `prev_hash` and
 * `row_hash`, the canonical-text and trigger functions, back-fills the existing rows in `id` order,
 * then the constraints and the BEFORE INSERT trigger. The table must have an `id` column and its
 * `<table>_no_change` trigger (refuse_change), which the back-fill disables for its own updates.
 * Used by the migrations that create chains (1764200000000 audit-chain, 1765000000000 express-stream).
 */
export async function installAuditChain(q: QueryRunner, { table, lockKey, columns }: AuditChainSpec): Promise<void> {
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

/** Undoes {@link installAuditChain} (the rows stay, without their chain columns). */
export async function removeAuditChain(q: QueryRunner, { table }: AuditChainSpec): Promise<void> {
  await q.query(`DROP TRIGGER "${table}_audit_chain" ON "${table}"`);
  await q.query(`DROP FUNCTION "audit_chain_${table}"()`);
  await q.query(`DROP FUNCTION "audit_canonical_${table}"("${table}")`);
  await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "uq_${table}_chain_seq"`);
  await q.query(`ALTER TABLE "${table}" DROP COLUMN "chain_seq", DROP COLUMN "prev_hash", DROP COLUMN "row_hash"`);
}

/**
 * Makes a table append-only: triggers refusing UPDATE, DELETE (per row) and TRUNCATE (function
 * `refuse_change`, migration 1764200000000), and no UPDATE, DELETE or TRUNCATE privilege for the
 * application role. Used by the migrations that add append-only tables from 1765000000000 on.
 */
export async function makeAppendOnly(q: QueryRunner, table: string): Promise<void> {
  await q.query(`CREATE TRIGGER "${table}_no_change" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  await q.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "${table}" FROM PUBLIC, ${APP_ROLE}`);
}
