import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import { sampleDeclaration } from '@customs/domain/testing';
import { runMigrations } from '@customs/migrations';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { createScratchDatabase, runTool, verifyChainsAt, type ScratchDatabase } from '../support/scratch-database';

// The CLI runs as its own process (TypeScript compiled on start): slow on a busy machine.
jest.setTimeout(120_000);

/** Hash-chained decision records and case events, the app role's privileges, and `npm run audit:verify`. */
describe('audit trail (e2e)', () => {
  let stack: E2eStack;
  let owner: Pool;

  beforeAll(async () => {
    stack = await startE2eStack();
    owner = new Pool({ connectionString: stack.config.databaseOwnerUrl, max: 2 });
  }, 180_000);
  afterAll(async () => {
    await owner?.end();
    await stack?.stop();
  });

  it('chains every writer (concurrent API batches, case projections) without a fork or a gap', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    // Four batches at once, RED ones among them (HS chapter 93), so case events are projected meanwhile.
    const batches = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 25 }, (_, i) => sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', officeId: '40', hsCode: i % 5 === 0 ? '930200' : '440890', netMassKg: 100 + b * 25 + i })));
    const responses = await Promise.all(batches.map((declarations) => svc.post('/api/declarations/batch').send({ declarations })));
    for (const res of responses) expect(res.status).toBe(200);
    const ids = batches.flat().map((d) => d.declarationId);
    await eventually('the OPENED events of the RED cases', async () => {
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = ANY($1) AND type = 'OPENED'`,
        [batches.flat().filter((d) => d.hsCode === '930200').map((d) => `inspection-case-${d.declarationId}`)]);
      return rows[0].n === 20 ? true : undefined;
    });

    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT chain_seq)::int AS seqs, count(DISTINCT prev_hash)::int AS links FROM decision_record WHERE declaration_id = ANY($1)`, [ids]);
    expect(rows[0]).toEqual({ n: 100, seqs: 100, links: 100 });
    const reports = await verifyChainsAt(stack.config.databaseUrl);
    console.log(`audit chains after concurrent batches: ${reports.map((r) => `${r.table} ${r.rows} rows ${r.ok ? 'intact' : 'BROKEN'}`).join(', ')}`);
    expect(reports.map((r) => [r.table, r.ok])).toEqual([['decision_record', true], ['case_event', true], ['risk_case_event', true], ['express_decision', true], ['xray_interpretation', true], ['passenger_decision', true], ['passenger_read', true]]);
    expect(reports[0].rows).toBeGreaterThanOrEqual(100);
    expect(reports[1].rows).toBeGreaterThanOrEqual(20);

    // The auditor's endpoint walks the same chains.
    const api = await (await loginAs(stack, 'auditor-han')).get('/api/audit/verify').expect(200);
    expect(api.body.ok).toBe(true);
    expect(api.body.chains.map((c: { table: string; ok: boolean }) => [c.table, c.ok])).toEqual(reports.map((r) => [r.table, true]));
    expect(api.body.chains[0].rows).toBeGreaterThanOrEqual(reports[0].rows);
  });

  it('refuses the app role UPDATE, DELETE and TRUNCATE by privilege, and the owner by trigger', async () => {
    for (const table of ['decision_record', 'case_event', 'risk_case_event', 'express_manifest', 'express_decision', 'xray_interpretation', 'passenger_apis', 'passenger_decision', 'passenger_read']) {
      for (const statement of [`UPDATE ${table} SET ${{ express_manifest: 'voyage = voyage', passenger_apis: 'record_hash = record_hash' }[table] ?? 'row_hash = row_hash'}`, `DELETE FROM ${table}`, `TRUNCATE ${table}`]) {
        await expect(stack.db.query(statement)).rejects.toThrow(`permission denied for table ${table}`);
      }
    }
    // The owner (here a superuser) is refused by the triggers: one chained row to fire on, rolled back.
    const client = await owner.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO risk_case_event (risk_case_id, seq, type, actor, payload, occurred_at) VALUES ('risk-case-trigger-test', 1, 'ASSESSED', 'x', '{}', now())`);
      for (const statement of ['UPDATE risk_case_event SET row_hash = row_hash', 'DELETE FROM risk_case_event']) {
        await client.query('SAVEPOINT attempt');
        await expect(client.query(statement)).rejects.toThrow(/risk_case_event is append-only: (UPDATE|DELETE) refused/);
        await client.query('ROLLBACK TO SAVEPOINT attempt');
      }
      await expect(client.query('TRUNCATE risk_case_event')).rejects.toThrow('risk_case_event is append-only: TRUNCATE refused');
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    const { rows } = await stack.db.query(`SELECT current_user AS login, pg_has_role(current_user, 'customs_app', 'MEMBER') AS member`);
    expect(rows[0]).toEqual({ login: 'customs_api', member: true });
  });

  describe('npm run audit:verify on a database of its own', () => {
    let scratch: ScratchDatabase;
    let db: Pool;
    const cli = () => runTool('tools/audit/verify.ts', [], { DATABASE_URL: scratch.appUrl });

    beforeAll(async () => {
      scratch = await createScratchDatabase(stack.config.databaseOwnerUrl, stack.config.databaseUrl, 'audit');
      await runMigrations(scratch.ownerUrl);
      db = new Pool({ connectionString: scratch.appUrl, max: 1 });
      // Rows written as the application writes them, with strings and numbers that test the canonical form:
      // quotes, backslashes, control characters, Korean, an emoji, a tiny and a long float.
      const awkward = { note: 'say "hi"\\ \n\t\u0001 세관 📦', nested: { z: 1, a: [1.5, null, true] } };
      for (const [i, score] of [0.1, 1e-7, 0.30000000000000004, 0.987654321012345, 1].entries()) {
        await db.query(
          `INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
           SELECT * FROM unnest($1::varchar[], $2::char(64)[], $3::varchar[], $4::varchar[], $5::float8[], $6::bool[], $7::jsonb[])`,
          [[`AUDIT${i}`], ['a'.repeat(64)], ['40'], [i % 2 ? 'RED' : 'GREEN'], [score], [i === 3], [JSON.stringify({ i, ...awkward })]]);
      }
      for (let seq = 1; seq <= 3; seq++) {
        await db.query(`INSERT INTO case_event (case_id, seq, type, actor, payload, occurred_at) VALUES ('inspection-case-AUDIT1', $1, 'ASSIGNED', 'officer-40-01', $2, now())`,
          [seq, JSON.stringify({ seq, ...awkward })]);
        await db.query(`INSERT INTO risk_case_event (risk_case_id, seq, type, actor, payload, occurred_at) VALUES ('risk-case-audit', $1, 'ASSESSED', 'analyst-kim', '{}', now())`, [seq]);
      }
    }, 120_000);
    afterAll(async () => {
      await db?.end();
      await scratch?.drop();
    });

    it('reports every chain intact with its row count and head, exit code 0', async () => {
      const run = await cli();
      console.log(run.stdout);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/audit: decision_record\s+5 rows verified {2}intact, head chain_seq 5 [0-9a-f]{64}/);
      expect(run.stdout).toMatch(/audit: case_event\s+3 rows verified {2}intact/);
      expect(run.stdout).toMatch(/audit: all 7 chains intact \(11 rows\)/);
    });

    it('finds the database of the running stack (`npm start`) without DATABASE_URL, and says so when none runs', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-state-'));
      try {
        const file = path.join(dir, 'stack.json');
        // As stack.mjs `up` records it; this test process stands in for the launcher.
        fs.writeFileSync(file, JSON.stringify({ pid: process.pid, databaseUrl: scratch.appUrl, databaseOwnerUrl: scratch.ownerUrl, temporalAddress: stack.config.temporalAddress, apiUrl: 'http://127.0.0.1:1' }));
        const found = await runTool('tools/audit/verify.ts', [], { DATABASE_URL: '', DATABASE_OWNER_URL: '', STACK_STATE_FILE: file });
        expect(found.stderr).not.toMatch(/Invalid environment/);
        expect(found.code).toBe(0);
        expect(found.stdout).toMatch(/audit: all 7 chains intact \(11 rows\)/);
        const none = await runTool('tools/audit/verify.ts', [], { DATABASE_URL: '', DATABASE_OWNER_URL: '', STACK_STATE_FILE: path.join(dir, 'missing.json') });
        expect(none.code).toBe(2);
        expect(none.stderr).toMatch(/no running stack found .*npm start.*DATABASE_URL/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('names a row altered behind the triggers, a deleted row, and an altered row whose hash was recomputed; exit code 1', async () => {
      const tamper = async (sql: string) => {
        const client = new Client({ connectionString: scratch.ownerUrl });
        await client.connect();
        try {
          await client.query(`SET session_replication_role = replica`); // the superuser switches the triggers off
          await client.query(sql);
        } finally {
          await client.end();
        }
      };
      await tamper(`UPDATE decision_record SET lane = 'GREEN' WHERE chain_seq = 4`);
      await tamper(`DELETE FROM case_event WHERE chain_seq = 2`);
      // Altered, then re-hashed with the trigger's own function: the row checks out, its successor's link does not.
      await tamper(`UPDATE risk_case_event SET actor = 'someone-else' WHERE chain_seq = 1;
                    UPDATE risk_case_event SET row_hash = encode(sha256(convert_to(prev_hash || audit_canonical_risk_case_event(risk_case_event), 'UTF8')), 'hex')
                    WHERE chain_seq = 1`);

      const run = await cli();
      console.log(run.stdout);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/audit: decision_record\s+3 rows verified {2}BROKEN: decision_record chain_seq 4 \(id \d+\) was altered: its content hashes to [0-9a-f]{64}, the chain recorded [0-9a-f]{64}/);
      expect(run.stdout).toMatch(/audit: case_event\s+1 rows verified {2}BROKEN: case_event: chain_seq 2 is missing \(deleted\?\); the next row present is case_event chain_seq 3/);
      expect(run.stdout).toMatch(/audit: risk_case_event\s+1 rows verified {2}BROKEN: risk_case_event chain_seq 2 \(id \d+\): prev_hash [0-9a-f]{64} is not the previous row's hash/);
      expect(run.stdout).toMatch(/audit: 3 of 7 chains broken/);

      const json = await runTool('tools/audit/verify.ts', ['--json'], { DATABASE_URL: scratch.appUrl });
      expect(JSON.parse(json.stdout).map((r: { problem: { kind: string } | null }) => r.problem?.kind ?? null)).toEqual(['altered', 'missing', 'relinked', null, null, null, null]);
    });
  });
});
