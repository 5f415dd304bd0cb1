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
 * The hash chains as migration 1764200000000 (audit-chain) created them, frozen with it: a change
 * needs a new migration that installs it. The verifier (`verifyAuditChains`) reads `AUDIT_CHAINS`. Each row's `row_hash` is
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
export const FIRST_AUDIT_CHAINS: readonly AuditChainSpec[] = [
  chain('decision_record', 724_101, {
    id: 'integer', chain_seq: 'integer', declaration_id: 'text', declaration_hash: 'text', office_id: 'text', lane: 'text',
    risk_score: 'float', control_sample: 'boolean', record: 'jsonb', decided_at: 'timestamptz',
  }),
  chain('case_event', 724_102, caseEventColumns('case_id')),
  chain('risk_case_event', 724_103, caseEventColumns('risk_case_id')),
];

/**
 * The express stream's hash chains (migration 1765000000000-express-stream, frozen with it):
 * the decision of every house waybill, and every X-ray interpreter's decision.
 */
export const EXPRESS_AUDIT_CHAINS: readonly AuditChainSpec[] = [
  chain('express_decision', 724_104, {
    id: 'integer', chain_seq: 'integer', waybill_number: 'text', waybill_hash: 'text', manifest_id: 'text', position: 'integer', centre_id: 'text',
    outcome: 'text', lane: 'text', record: 'jsonb', decided_at: 'timestamptz',
  }),
  chain('xray_interpretation', 724_105, {
    id: 'integer', chain_seq: 'integer', waybill_number: 'text', decision: 'text', note: 'text', interpreted_by: 'text',
    case_id: 'text', interpreted_at: 'timestamptz',
  }),
];

/**
 * The passenger stream's hash chains (migration 1765100000000-passenger-stream, frozen with it):
 * every screening of a passenger, and every read of a passenger record (privacy by design).
 */
export const PASSENGER_AUDIT_CHAINS: readonly AuditChainSpec[] = [
  chain('passenger_decision', 724_106, {
    id: 'integer', chain_seq: 'integer', decision_id: 'text', passenger_id: 'text', stage: 'text', booking_reference: 'text', office_id: 'text',
    outcome: 'text', lane: 'text', supersedes: 'text', record: 'jsonb', decided_at: 'timestamptz',
  }),
  chain('passenger_read', 724_107, {
    id: 'integer', chain_seq: 'integer', passenger_id: 'text', read_by: 'text', role: 'text', masked: 'boolean', via: 'text', read_at: 'timestamptz',
  }),
];

/** Every hash chain, in the order the verifier reports them. */
export const AUDIT_CHAINS: readonly AuditChainSpec[] = [...FIRST_AUDIT_CHAINS, ...EXPRESS_AUDIT_CHAINS, ...PASSENGER_AUDIT_CHAINS];

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
