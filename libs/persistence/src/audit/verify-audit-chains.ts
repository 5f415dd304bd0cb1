import { createHash } from 'node:crypto';
import { AUDIT_CHAINS, AUDIT_GENESIS_HASH, auditColumnText, type AuditChainSpec } from './audit-chains';

/** A database connection or pool (`pg` Client, PoolClient or Pool): the verifier only reads. */
export interface AuditSession {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, string | null>> }>;
}

/** The first problem found in a chain. */
export interface ChainProblem {
  /** `missing`: a gap in `chain_seq`; `altered`: a row's content no longer matches its hash; `relinked`: a row's `prev_hash` is not its predecessor's hash. */
  kind: 'missing' | 'altered' | 'relinked';
  /** `chain_seq` of the row where the chain breaks (for `missing`: the first absent one). */
  chainSeq: string;
  /** `id` of the offending row (for `missing`: of the next row present). */
  id: string;
  message: string;
}

/** Result of walking one chain. */
export interface ChainReport {
  table: string;
  /** Rows read up to the first problem (all of them when `ok`). */
  rows: number;
  ok: boolean;
  /** The last row verified: note it somewhere else to detect later removal of rows at the end. */
  head: { chainSeq: string; rowHash: string } | null;
  problem?: ChainProblem;
}

/**
 * Canonical serialisation of one chained row (see `AUDIT_CHAINS`): a compact JSON object
 * with the chain's columns as keys, in their sorted order; jsonb columns embedded as their
 * text, the others as JSON strings of their text forms; null for NULL.
 * @param row column name -> text form (or null), as rendered by `auditColumnText`.
 */
export function canonicalAuditRow(chain: AuditChainSpec, row: Record<string, string | null>): string {
  const members = chain.columns.map(({ name, kind }) => {
    const text = row[name] ?? null;
    return `${JSON.stringify(name)}:${text === null ? 'null' : kind === 'jsonb' ? text : JSON.stringify(text)}`;
  });
  return `{${members.join(',')}}`;
}

/** Hex SHA-256 of the previous row's hash followed by the row's canonical serialisation (UTF-8). */
export function auditRowHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(prevHash + canonical, 'utf8').digest('hex');
}

/**
 * Walks every hash chain (`decision_record`, `case_event`, `risk_case_event`) in `chain_seq`
 * order, recomputing each row's hash in Node from the row's columns, and stops each chain at
 * its first gap, altered row or broken link. Rows are read in pages of `pageSize` (keyset on
 * `chain_seq`), so memory stays flat on large tables.
 *
 * Removing rows from the end of a chain leaves a shorter valid chain: compare `head` with a
 * head noted earlier to catch that.
 * @param session where to read (any session: the text forms do not depend on session settings).
 * @returns one report per chain, in `AUDIT_CHAINS` order.
 * @throws the database error when a chain table cannot be read.
 */
export async function verifyAuditChains(session: AuditSession, pageSize = 2000): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const chain of AUDIT_CHAINS) reports.push(await verifyChain(session, chain, pageSize));
  return reports;
}

async function verifyChain(session: AuditSession, chain: AuditChainSpec, pageSize: number): Promise<ChainReport> {
  const columns = chain.columns.map((c) => `${auditColumnText('t', c)} AS "${c.name}"`).join(', ');
  const sql = `SELECT t.id::text AS "$id", t.chain_seq::text AS "$seq", t.prev_hash AS "$prev", t.row_hash AS "$hash", ${columns}
               FROM "${chain.table}" t WHERE t.chain_seq > $1 ORDER BY t.chain_seq LIMIT ${pageSize}`;
  const report: ChainReport = { table: chain.table, rows: 0, ok: true, head: null };
  let expected = 1n;
  let prevHash = AUDIT_GENESIS_HASH;
  for (;;) {
    const { rows } = await session.query(sql, [String(expected - 1n)]);
    for (const row of rows) {
      const seq = BigInt(row.$seq as string);
      const id = row.$id as string;
      const at = `${chain.table} chain_seq ${seq} (id ${id})`;
      if (seq !== expected) {
        const span = seq - expected === 1n ? `chain_seq ${expected} is` : `chain_seq ${expected} to ${seq - 1n} are`;
        return fail(report, { kind: 'missing', chainSeq: String(expected), id, message: `${chain.table}: ${span} missing (deleted?); the next row present is ${at}` });
      }
      if (row.$prev !== prevHash) {
        return fail(report, { kind: 'relinked', chainSeq: String(seq), id, message: `${at}: prev_hash ${row.$prev} is not the previous row's hash ${prevHash}; the previous row was altered and re-hashed, or this row was moved` });
      }
      const recomputed = auditRowHash(prevHash, canonicalAuditRow(chain, row));
      if (recomputed !== row.$hash) {
        return fail(report, { kind: 'altered', chainSeq: String(seq), id, message: `${at} was altered: its content hashes to ${recomputed}, the chain recorded ${row.$hash}` });
      }
      report.rows += 1;
      report.head = { chainSeq: String(seq), rowHash: row.$hash as string };
      prevHash = row.$hash as string;
      expected = seq + 1n;
    }
    if (rows.length < pageSize) return report;
  }
}

function fail(report: ChainReport, problem: ChainProblem): ChainReport {
  return { ...report, ok: false, problem };
}
