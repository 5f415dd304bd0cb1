import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { eventually, startE2eStack, type E2eStack } from '../support/e2e-stack';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'e2e/fixtures');

interface IngestLine {
  received: number;
  green: number;
  yellow: number;
  red: number;
  rejected: number;
  casesStarted: number;
  seconds: number;
}

/** `npm run ingest` against the running API: every row decided or refused with its reason. */
describe('ingest CLI (e2e)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => stack?.stop());

  /** Runs the CLI as a child process (asynchronously: the API answering it lives in this process). */
  async function ingest(file: string): Promise<{ line: IngestLine; stderr: string }> {
    const r = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/ingest/ingest.ts', file, '--api', stack.baseUrl, '--batch', '200'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') },
      timeout: 120_000,
    });
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    return { line: JSON.parse(lines[0]), stderr: r.stderr };
  }

  it('decides every row of the KCS sample, opens a case and a queue row for each YELLOW/RED, and re-ingests without new cases', async () => {
    const file = path.join(FIXTURES, 'kcs-valid-sample.csv');
    const ids = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => l.split(',')[0]);
    const first = (await ingest(file)).line;
    expect(first).toMatchObject({ received: ids.length, rejected: 0 });
    expect(first.green + first.yellow + first.red).toBe(ids.length);
    expect(first.seconds).toBeGreaterThan(0);

    const { rows: decisions } = await stack.db.query(
      `SELECT declaration_id, lane FROM decision_record WHERE declaration_id = ANY($1)`,
      [ids],
    );
    expect(decisions).toHaveLength(ids.length);
    const selected = decisions.filter((d) => d.lane !== 'GREEN').map((d) => d.declaration_id as string);
    expect(selected.length).toBe(first.yellow + first.red);
    expect(selected.length).toBeGreaterThan(0);
    // casesStarted counts cases this run opened; a database that saw the sample before has them already.
    expect(first.casesStarted).toBeLessThanOrEqual(selected.length);

    await eventually('a queue row per YELLOW/RED declaration', async () => {
      const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM inspection_case WHERE declaration_id = ANY($1)`, [selected]);
      return rows[0].n === selected.length ? true : undefined;
    }, 60_000);
    for (const id of selected) {
      const d = await stack.temporal.workflow.getHandle(`inspection-case-${id}`).describe();
      expect(d.type).toBe('inspectionCaseWorkflow');
    }
    const { rows: greenCases } = await stack.db.query(
      `SELECT count(*)::int AS n FROM inspection_case c JOIN decision_record d USING (declaration_id) WHERE d.lane = 'GREEN' AND c.declaration_id = ANY($1)`,
      [ids],
    );
    expect(greenCases[0].n).toBe(0);

    const second = (await ingest(file)).line;
    expect(second).toMatchObject({ received: first.received, green: first.green, yellow: first.yellow, red: first.red, rejected: 0, casesStarted: 0 });
  });

  it('refuses each bad row with its row number and reason, and goes on with the rest', async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'kcs-bad-rows.expected.json'), 'utf8')) as {
      rows: number;
      validRows: number;
      errors: Array<{ rowNumber: number; errors: string[] }>;
    };
    const { line, stderr } = await ingest(path.join(FIXTURES, 'kcs-bad-rows.csv'));
    expect(line).toMatchObject({ received: expected.rows, rejected: expected.errors.length });
    expect(line.green + line.yellow + line.red).toBe(expected.validRows);
    for (const e of expected.errors) {
      expect(stderr).toContain(`row ${e.rowNumber}: ${e.errors[0]}`);
    }
  });
});
