import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { freePort } from '@customs/local-stack';
import { RetryingClient } from '../support/retrying-client';

/**
 * Supervision (issue 14): the real launcher (`stack.mjs up`, as `npm start` runs it) on ports and a
 * data directory of its own; PostgreSQL's postmaster, the Temporal server, the worker and the API
 * are each killed with SIGKILL, and with nobody acting the launcher restarts the one killed (a
 * new pid in stack.pids, its message on the launcher's output), `GET /api/health` answers 200
 * again and a new declaration is screened. Then `stack.mjs stop` ends the launcher and every
 * process it ever started.
 */
const ROOT = path.resolve(__dirname, '../..');
const STACK = path.join(ROOT, 'tools', 'stack', 'stack.mjs');
const SERVICES = ['worker', 'api', 'temporal', 'postgres'] as const;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('supervision: the launcher restarts a killed PostgreSQL, Temporal, worker or API (e2e)', () => {
  const dataDir = path.join(ROOT, 'tmp', `supervision-${process.pid}`);
  const logFile = path.join(dataDir, 'launcher.log');
  const pidFile = path.join(dataDir, 'stack.pids');
  let launcher: ChildProcess | undefined;
  let env: NodeJS.ProcessEnv;
  const seenPids = new Set<number>();

  const pids = (): Map<string, number> => {
    const m = new Map<string, number>();
    for (const line of fs.readFileSync(pidFile, 'utf8').trim().split('\n')) {
      const [name, pid] = line.split(' ');
      m.set(name, Number(pid));
      seenPids.add(Number(pid));
    }
    return m;
  };
  const output = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  const stackLines = () => output().split('\n').filter((l) => l.startsWith('stack: '));

  beforeAll(() => {
    fs.mkdirSync(dataDir, { recursive: true });
  });

  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      spawnSync(process.execPath, [STACK, 'stop'], { cwd: ROOT, env, stdio: 'ignore' });
    }
    if (process.env.KEEP_SUPERVISION_DATA !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts each killed service, the API screens again, and stop ends every process', async () => {
    const port = await freePort();
    env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_TEMPORAL_PORT: String(await freePort()),
      EMBEDDED_TEMPORAL_UI_PORT: String(await freePort()), STACK_DATA_DIR: dataDir, SKIP_SAMPLE_INGEST: '1', SKIP_WEB_BUILD: '1',
      RATE_LIMIT_LOGIN: '0', RATE_LIMIT_INGEST: '0', RATE_LIMIT_INGEST_SERVICE: '0' };
    // the suite's own services must not be taken over
    for (const k of ['DATABASE_URL', 'DATABASE_OWNER_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_UI_URL']) delete env[k];
    const out = fs.openSync(logFile, 'a');
    launcher = spawn(process.execPath, [STACK, 'up'], { cwd: ROOT, env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    const exited = new Promise<number | null>((resolve) => launcher!.once('exit', (code) => resolve(code)));

    const api = `http://127.0.0.1:${port}`;
    const health = async () => (await fetch(`${api}/api/health`, { signal: AbortSignal.timeout(5000) })).status === 200;
    try {
      await until('the stack serving', async () => launcher!.exitCode === null && stackLines().some((l) => l.includes('serving;')) && health(), 150_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${output().slice(-4000)}`);
    }

    const declarations: Declaration[] = [];
    for await (const r of readDeclarationFile(path.join(ROOT, 'e2e', 'fixtures', 'kcs-valid-sample.csv'))) {
      if ('declaration' in r) declarations.push(r.declaration);
      if (declarations.length === SERVICES.length + 1) break;
    }
    const client = new RetryingClient(api, 90_000, 30_000);
    const screen = async (d: Declaration) => {
      const res = await client.send<{ declarationId: string; lane: string }>('svc-ingest', 'POST', '/api/declarations', d);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ declarationId: d.declarationId, lane: expect.stringMatching(/^(GREEN|YELLOW|RED)$/) });
    };
    await screen(declarations[0]);

    for (const [i, service] of SERVICES.entries()) {
      const before = pids().get(service)!;
      expect(alive(before)).toBe(true);
      const started = Date.now();
      process.kill(before, 'SIGKILL');
      const after = await until(`${service} restarted`, async () => {
        const p = pids().get(service);
        return p && p !== before && alive(p) ? p : undefined;
      }, 90_000);
      await until(`GET /api/health 200 after killing ${service}`, health, 90_000);
      await screen(declarations[i + 1]);
      process.stdout.write(`supervision: ${service} pid ${before} killed, restarted as ${after}, serving again after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      expect(stackLines().some((l) => l.startsWith(`stack: ${service} exited (`) && l.includes('restarting in'))).toBe(true);
      expect(launcher.exitCode).toBeNull();
    }
    expect(stackLines().filter((l) => l.includes('; stopping the stack'))).toEqual([]);

    pids();
    const stop = spawnSync(process.execPath, [STACK, 'stop'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(stop.status).toBe(0);
    expect(await exited).toBe(0);
    const left = await until('every process gone', async () => ([...seenPids].every((p) => !alive(p)) ? true : undefined), 20_000).catch(() => false);
    expect(left ? [] : [...seenPids].filter(alive)).toEqual([]);
    expect(fs.existsSync(pidFile)).toBe(false);
  }, 170_000);
});
