import { MigrationInterface, QueryRunner } from 'typeorm';

/** How one column is rendered as text for the canonical serialisation of a chained row. */
export type AuditColumnKind = 'text' | 'integer' | 'float' | 'boolean' | 'jsonb' | 'timestamptz';

/** One hash-chained append-only table: the columns its rows' hashes cover, and its advisory-lock key. */
export interface AuditChainSpec {
  table: string;
  /** Key of the transaction-level advisory lock that serialises inserts into this chain. */
  lockKey: number;
  /** Every content column, sorted by name (the canonical JSON's key order). */
  columns: ReadonlyArray<{ name: string; kind: AuditColumnKind }>;
}

/**
 * The hash chains as this migration created them (frozen with it: a change needs a new
 * migration). Each row's `row_hash` is
 *
 *     hex(SHA-256(UTF-8(prev_hash || canonical)))
 *
 * where `prev_hash` is the previous row's `row_hash` in `chain_seq` order (64 zeros for the
 * first row) and `canonical` is a compact JSON object whose keys are the columns below,
 * sorted by name, and whose values are `null` for NULL, jsonb columns embedded as
 * PostgreSQL's canonical jsonb text (keys ordered, normalised spacing), and for the others a
 * JSON string of the column's text form: text as is, integers and booleans as PostgreSQL
 * prints them (`42`, `true`), floats as the 16 hex digits of their IEEE 754 bits (big-endian),
 * timestamps as `YYYY-MM-DDTHH:MI:SS.ffffffZ` in UTC. Strings are escaped as JSON.stringify
 * escapes them (PostgreSQL's `to_json(text)` agrees).
 * `chain_seq` is itself covered, so a row cannot be moved within the chain.
 */
export const AUDIT_CHAINS: readonly AuditChainSpec[] = [
  chain('decision_record', 724_101, {
    id: 'integer', chain_seq: 'integer', declaration_id: 'text', declaration_hash: 'text', office_id: 'text', lane: 'text',
    risk_score: 'float', control_sample: 'boolean', record: 'jsonb', decided_at: 'timestamptz',
  }),
  chain('case_event', 724_102, caseEventColumns('case_id')),
  chain('risk_case_event', 724_103, caseEventColumns('risk_case_id')),
];

/** The columns of a case's event history, keyed by the case column. */
function caseEventColumns(caseColumn: string): Record<string, AuditColumnKind> {
  return { id: 'integer', chain_seq: 'integer', [caseColumn]: 'text', seq: 'integer', type: 'text', actor: 'text', payload: 'jsonb', occurred_at: 'timestamptz' };
}

/** A chain spec with its columns sorted by name (the canonical JSON's key order). */
function chain(table: string, lockKey: number, columns: Record<string, AuditColumnKind>): AuditChainSpec {
  return { table, lockKey, columns: Object.keys(columns).sort().map((name) => ({ name, kind: columns[name] })) };
}

/** The hash of the (virtual) row before the first one. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/**
 * SQL rendering one column of a row as the text the canonical serialisation uses (null stays null).
 * @param ref the row reference, e.g. `NEW` or `r`.
 */
export function auditColumnText(ref: string, column: { name: string; kind: AuditColumnKind }): string {
  const col = `${ref}."${column.name}"`;
  if (column.kind === 'timestamptz') return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  // The IEEE 754 bits: exact, and unlike float8::text independent of the session's extra_float_digits.
  if (column.kind === 'float') return `encode(float8send(${col}), 'hex')`;
  return `${col}::text`;
}

/**
 * SQL of the JSON value of one column in the canonical serialisation: a JSON string of its text
 * form, except jsonb, embedded as is (its text is already canonical JSON); `null` for NULL.
 */
export function auditColumnJson(ref: string, column: { name: string; kind: AuditColumnKind }): string {
  const text = auditColumnText(ref, column);
  return `coalesce(${column.kind === 'jsonb' ? text : `to_json(${text})::text`}, 'null')`;
}

/** Role the API and the worker connect as (a member of it): INSERT and SELECT only on the append-only tables. */
export const APP_ROLE = 'customs_app';

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
