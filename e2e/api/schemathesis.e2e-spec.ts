import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

const ROOT = path.resolve(__dirname, '../..');
/** Installed by tools/stack/run.sh (`npm test`) from PyPI, pinned there. */
const SCHEMATHESIS = path.join(ROOT, '.tools/schemathesis/bin/st');
/** Test cases per operation and phase: enough to find the usual holes, bounded in time on a 2-core machine. */
const MAX_EXAMPLES = 10;
/** Fixed, so a failure found in CI reproduces locally (`st run ... --seed`). */
const SEED = 7;

/** What `st run --report json` writes (the parts read here). */
interface SchemathesisReport {
  schemathesis_version: string;
  running_time: number;
  stop_reason: string | null;
  exit_code: number;
  operations: { total: number; selected: number; tested: number; skipped: number; skip_reasons: string[] };
  phases: Record<string, { status: string; skip_reason: string | null }>;
  test_cases: { generated: number; with_failures: number; unique_failures: number; errored: number };
  failures: Array<{ code: string; title: string; count: number; operations: string[] }>;
  errors: Array<{ title: string; count: number }>;
}

/**
 * Property-based fuzzing of the whole API from its own OpenAPI document (`/api/docs-json`) with
 * schemathesis: valid and invalid requests generated from the schemas, against the real API on
 * PostgreSQL and Temporal. Checks: no 5xx, every status code documented, content types and
 * response bodies as documented. `GET /api/health` is left out: its documented 503 (Temporal or
 * PostgreSQL unreachable) is a 5xx by design.
 */
describe('OpenAPI fuzzing with schemathesis (e2e)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    // Rate limits off explicitly: the fuzzer sends hundreds of login and ingest requests in a minute.
    stack = await startE2eStack({ rateLimits: { windowSeconds: 60, login: 0, ingest: 0, ingestService: 0 } });
  });
  afterAll(async () => stack?.stop());

  it('finds no server error, no undocumented status and no response off its schema', async () => {
    if (!fs.existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run the tests with npm test (tools/stack/run.sh installs it)`);
    // The broadest reading and writing role; routes it may not call answer a documented 403.
    const analyst = await loginAs(stack, 'analyst-kim');
    const reportDir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'schemathesis-'));
    const reportPath = path.join(reportDir, 'report.json');
    const args = [
      'run', `${stack.baseUrl}/api/docs-json`,
      '--url', stack.baseUrl,
      '--header', `Authorization: ${analyst.headers.authorization}`,
      '--exclude-path', '/api/health',
      '--checks', 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
      '--phases', 'examples,coverage,fuzzing',
      '--max-examples', String(MAX_EXAMPLES),
      '--seed', String(SEED),
      '--workers', '2',
      '--request-timeout', '60',
      '--suppress-health-check', 'all',
      '--report', 'json', '--report-json-path', reportPath,
      '--no-color',
    ];
    let output = '';
    let exitCode = 0;
    try {
      // Asynchronous: the API under test runs in this very process. In the report folder: its example cache (.schemathesis/) goes with it.
      const r = await promisify(execFile)(SCHEMATHESIS, args, { cwd: reportDir, maxBuffer: 64 * 1024 * 1024, timeout: 540_000 });
      output = r.stdout + r.stderr;
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      exitCode = typeof e.code === 'number' ? e.code : 1;
      output = `${e.stdout ?? ''}${e.stderr ?? ''}` || String(err);
    }
    if (!fs.existsSync(reportPath)) throw new Error(`schemathesis wrote no report (exit ${exitCode}):\n${output.slice(-5000)}`);
    const report = JSON.parse(fs.readFileSync(reportPath, 'utf8')) as SchemathesisReport;
    fs.rmSync(reportDir, { recursive: true, force: true });
    console.log(
      `schemathesis ${report.schemathesis_version}: ${report.operations.tested} of ${report.operations.selected} operations tested ` +
        `(${report.operations.skipped} skipped: ${report.operations.skip_reasons.join(', ') || '-'}), ${report.test_cases.generated} test cases, ` +
        `${report.test_cases.unique_failures} unique failures, ${report.errors.reduce((n, e) => n + e.count, 0)} errors, ${report.running_time.toFixed(0)} s`,
    );
    const problems = [...report.failures.map((f) => `${f.code} ${f.title}: ${f.operations.join(', ')}`), ...report.errors.map((e) => `error: ${e.title} (${e.count})`)];
    if (problems.length > 0 || exitCode !== 0) console.log(output.slice(-20_000));
    expect(problems).toEqual([]);
    expect(report.stop_reason).toBe('completed');
    expect(exitCode).toBe(0);
    // The run reached the API: most operations got generated requests.
    expect(report.operations.tested).toBeGreaterThanOrEqual(Math.floor(report.operations.selected * 0.8));
    expect(report.test_cases.generated).toBeGreaterThan(report.operations.selected * 5);
  }, 600_000);
});
