import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { loadRuntimeConfig } from '@customs/config';
import { runMigrations } from '@customs/migrations';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';

const ROOT = path.resolve(__dirname, '../..');
/** Installed by tools/stack/run.sh (`npm test`) from PyPI, pinned there. */
const SCHEMATHESIS = path.join(ROOT, '.tools/schemathesis/bin/st');
/**
 * The identities schemathesis may send, in the order it tries them per operation (Web Fuzzing
 * Commons auth file): the broadest reading and writing role first, then each role that alone may
 * call some route (the ingest service, an office's officer and supervisor, the auditor).
 */
const FUZZ_USERS = ['analyst-kim', 'svc-ingest', 'supervisor-20', 'officer-20-01', 'auditor-han'];
/** Per-operation settings, each with its reason (the few schema-valid bodies a rule across fields refuses). */
const CONFIG = path.join(__dirname, 'schemathesis.toml');
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
 * Concurrent workers: 2 where schemathesis runs on Python 3.12 or later; 1 on 3.11, whose AST
 * validator is not thread-safe (CPython gh-106905: "SystemError: AST constructor recursion depth
 * mismatch" under concurrent schema compilation). tools/stack/run.sh prefers a newer Python.
 */
function workers(): number {
  const version = execFileSync(path.join(ROOT, '.tools/schemathesis/bin/python'), ['-c', 'import sys; print(sys.version_info[1])']).toString().trim();
  return Number(version) >= 12 ? 2 : 1;
}

/**
 * Property-based testing of the whole API from its own OpenAPI document (`/api/docs-json`) with
 * schemathesis, against the real API on PostgreSQL and Temporal, on a database of its own (its
 * generated requests promote models, approve criteria and close cases: the other suites must
 * not see that). Every check schemathesis has (`--checks all`: no 5xx, documented status codes,
 * content types, headers and bodies; schema-valid requests accepted and invalid ones refused;
 * 405 with `Allow` for undocumented methods; 401 without credentials; created resources
 * readable, deleted ones gone) in all four phases: the documented examples, the schema's
 * boundaries (coverage), random requests (fuzzing) and sequences of calls that follow the
 * document's links (stateful). `GET /api/health` and `/api/health/ready` are left out: their
 * documented 503 (Temporal or PostgreSQL unreachable) is a 5xx by design.
 */
describe('OpenAPI property-based testing with schemathesis (e2e)', () => {
  let scratch: ScratchDatabase;
  let stack: E2eStack;

  beforeAll(async () => {
    const shared = loadRuntimeConfig(process.env);
    scratch = await createScratchDatabase(shared.databaseOwnerUrl, shared.databaseUrl, 'fuzz');
    await runMigrations(scratch.ownerUrl);
    // Rate limits off explicitly: the fuzzer sends hundreds of login and ingest requests in a minute.
    stack = await startE2eStack({
      databaseUrl: scratch.appUrl,
      databaseOwnerUrl: scratch.ownerUrl,
      rateLimits: { windowSeconds: 60, login: 0, ingest: 0, ingestService: 0 },
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await scratch?.drop();
  });

  it('finds no failure of any check in any phase', async () => {
    if (!fs.existsSync(SCHEMATHESIS)) throw new Error(`${SCHEMATHESIS} is missing: run the tests with npm test (tools/stack/run.sh installs it)`);
    const reportDir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'schemathesis-'));
    const reportPath = path.join(reportDir, 'report.json');
    const authPath = path.join(reportDir, 'auth.json');
    const logins = await Promise.all(FUZZ_USERS.map((u) => loginAs(stack, u)));
    fs.writeFileSync(authPath, JSON.stringify({
      schemaVersion: '0.1.0',
      auth: logins.map((l) => ({ name: l.user.id, fixedHeaders: [{ name: 'Authorization', value: l.headers.authorization }] })),
    }));
    const args = [
      '--config-file', CONFIG,
      'run', `${stack.baseUrl}/api/docs-json`,
      '--url', stack.baseUrl,
      '--auth-wfc', authPath,
      '--exclude-path', '/api/health',
      '--exclude-path', '/api/health/ready',
      // Every check: `[checks] enabled = true` in the config file (`--checks all` would override its per-operation settings).
      '--phases', 'examples,coverage,fuzzing,stateful',
      '--max-examples', String(MAX_EXAMPLES),
      '--seed', String(SEED),
      '--workers', String(workers()),
      '--request-timeout', '60',
      '--suppress-health-check', 'all',
      '--report', 'json', '--report-json-path', reportPath,
      '--no-color',
    ];
    let output = '';
    let exitCode = 0;
    try {
      // Asynchronous: the API under test runs in this very process. In the report folder: its example cache (.schemathesis/) goes with it.
      const r = await promisify(execFile)(SCHEMATHESIS, args, { cwd: reportDir, maxBuffer: 64 * 1024 * 1024, timeout: 840_000 });
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
        `(${report.operations.skipped} skipped: ${report.operations.skip_reasons.join(', ') || '-'}), ` +
        `phases ${Object.entries(report.phases).map(([name, p]) => `${name} ${p.status}`).join(', ')}; ${report.test_cases.generated} test cases, ` +
        `${report.test_cases.unique_failures} unique failures, ${report.errors.reduce((n, e) => n + e.count, 0)} errors, ${report.running_time.toFixed(0)} s`,
    );
    const problems = [...report.failures.map((f) => `${f.code} ${f.title}: ${f.operations.join(', ')}`), ...report.errors.map((e) => `error: ${e.title} (${e.count})`)];
    if (problems.length > 0 || exitCode !== 0) console.log(output.slice(-20_000));
    expect(problems).toEqual([]);
    expect(report.stop_reason).toBe('completed');
    expect(exitCode).toBe(0);
    // Every phase ran (the stateful one needs the document's links), and the run reached the API.
    expect(Object.fromEntries(Object.entries(report.phases).map(([name, p]) => [name, p.status]))).toEqual(
      { examples: 'success', coverage: 'success', fuzzing: 'success', stateful: 'success' },
    );
    expect(report.operations.tested).toBeGreaterThanOrEqual(Math.floor(report.operations.selected * 0.8));
    expect(report.test_cases.generated).toBeGreaterThan(report.operations.selected * 5);
  }, 900_000);
});
