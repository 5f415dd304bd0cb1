import { createHash } from 'node:crypto';
import { AUDIT_CHAINS, AUDIT_GENESIS_HASH } from './audit-chains';
import { auditRowHash, canonicalAuditRow, verifyAuditChains, type AuditSession } from './verify-audit-chains';

type Row = Record<string, string | null>;
const caseEvents = AUDIT_CHAINS.find((c) => c.table === 'case_event')!;

/** A chain of `n` case events as the trigger would have written them (text forms, hashes). */
function chainOf(n: number): Row[] {
  const rows: Row[] = [];
  let prev = AUDIT_GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: Row = { id: String(100 + i), chain_seq: String(i), case_id: 'inspection-case-1', seq: String(i), type: 'ASSIGNED',
      actor: 'officer "40"\n01', payload: '{"note": "세관"}', occurred_at: '2026-01-02T03:04:05.000006Z' };
    const hash = auditRowHash(prev, canonicalAuditRow(caseEvents, content));
    rows.push({ ...content, $id: content.id, $seq: content.chain_seq, $prev: prev, $hash: hash });
    prev = hash;
  }
  return rows;
}

/** A session answering the verifier's paged SELECTs from in-memory rows (other chains empty). */
function sessionOver(rows: Row[]): AuditSession & { pages: number } {
  const session = {
    pages: 0,
    async query(sql: string, params?: unknown[]) {
      if (!sql.includes('FROM "case_event"')) return { rows: [] };
      session.pages += 1;
      const after = BigInt(String(params?.[0]));
      const limit = Number(/LIMIT (\d+)/.exec(sql)![1]);
      return { rows: rows.filter((r) => BigInt(r.$seq!) > after).slice(0, limit) };
    },
  };
  return session;
}

describe('canonicalAuditRow / auditRowHash', () => {
  it('serialises the chain columns sorted by name, compact, escaped as JSON, missing ones as null', () => {
    const text = canonicalAuditRow(caseEvents, { type: 'X', actor: 'a "b"\n', id: '7', extra: 'ignored' });
    expect(text).toBe('{"actor":"a \\"b\\"\\n","case_id":null,"chain_seq":null,"id":"7","occurred_at":null,"payload":null,"seq":null,"type":"X"}');
    // jsonb is embedded as its (already canonical) text.
    expect(canonicalAuditRow(caseEvents, { payload: '{"a": [1, "x"]}' })).toContain('"payload":{"a": [1, "x"]}');
  });
  it('is SHA-256 over the previous hash followed by the canonical text, in hex', () => {
    expect(auditRowHash('ab', '{"x":"1"}')).toBe(createHash('sha256').update('ab{"x":"1"}').digest('hex'));
  });
});

describe('verifyAuditChains', () => {
  it('walks a chain page by page and reports its rows and head', async () => {
    const rows = chainOf(5);
    const session = sessionOver(rows);
    const reports = await verifyAuditChains(session, 2);
    const report = reports.find((r) => r.table === 'case_event')!;
    expect(report).toEqual({ table: 'case_event', rows: 5, ok: true, head: { chainSeq: '5', rowHash: rows[4].$hash } });
    expect(session.pages).toBe(3);
    expect(reports.filter((r) => r.table !== 'case_event').every((r) => r.ok && r.rows === 0 && r.head === null)).toBe(true);
  });

  it('names a gap as missing rows', async () => {
    const rows = chainOf(6).filter((r) => r.$seq !== '3' && r.$seq !== '4');
    const report = (await verifyAuditChains(sessionOver(rows), 2)).find((r) => r.table === 'case_event')!;
    expect(report).toMatchObject({ ok: false, rows: 2, problem: { kind: 'missing', chainSeq: '3', id: '105' } });
    expect(report.problem!.message).toBe('case_event: chain_seq 3 to 4 are missing (deleted?); the next row present is case_event chain_seq 5 (id 105)');
  });

  it('names an altered row, and the successor of an altered and re-hashed row', async () => {
    const altered = chainOf(4);
    altered[1] = { ...altered[1], actor: 'someone else' };
    let report = (await verifyAuditChains(sessionOver(altered))).find((r) => r.table === 'case_event')!;
    expect(report).toMatchObject({ ok: false, rows: 1, problem: { kind: 'altered', chainSeq: '2', id: '102' } });

    const rehashed = chainOf(4);
    rehashed[1] = { ...rehashed[1], actor: 'someone else' };
    rehashed[1].$hash = auditRowHash(rehashed[1].$prev!, canonicalAuditRow(caseEvents, rehashed[1]));
    report = (await verifyAuditChains(sessionOver(rehashed))).find((r) => r.table === 'case_event')!;
    expect(report).toMatchObject({ ok: false, rows: 2, problem: { kind: 'relinked', chainSeq: '3', id: '103' } });
  });
});
