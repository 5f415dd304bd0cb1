import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../../../..');

/**
 * The pinned Temporal server release, built from the Go module `go.temporal.io/server` by
 * `tools/stack/run.sh cluster` into `.tools/temporal-server/<version>/` (see ../shared/NOTES.md:
 * about 4 minutes on 2 cores; it needs Go >= 1.26.10, fetched as a toolchain by GOTOOLCHAIN).
 */
export const TEMPORAL_SERVER_VERSION = 'v1.32.2';

/** Where the built `server` and `sql` (schema tool) binaries live. */
export function temporalServerBinaries(root = ROOT): { server: string; sql: string; schemaDir: string } {
  const dir = path.join(root, '.tools', 'temporal-server', TEMPORAL_SERVER_VERSION);
  return { server: path.join(dir, 'bin', 'server'), sql: path.join(dir, 'bin', 'sql'), schemaDir: path.join(dir, 'schema', 'postgresql', 'v12') };
}

/** The ports one Temporal server process listens on (all four services in one process). */
export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
  /** Prometheus metrics of the server (`/metrics`). */
  metrics: number;
}

/** A PostgreSQL login for Temporal's persistence and visibility databases. */
export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Persistence database (history, executions, task queues), e.g. `temporal`. */
  persistence: string;
  /** Visibility database (workflow listing and search attributes), e.g. `temporal_visibility`. */
  visibility: string;
}

/**
 * The server's configuration (`server --config-file`): frontend, history, matching and worker
 * services in one process bound to 127.0.0.1, persistence and visibility on PostgreSQL through
 * the `postgres12` SQL plugin (no SQLite, no Cassandra, no Elasticsearch), one cluster, logs
 * at `warn` on stdout, Prometheus metrics on `ports.metrics`.
 * Source of the shape: the server's `config/development-postgres12.yaml` at the pinned release.
 * @param shards history shards (fixed for the life of the cluster: they cannot be changed later)
 * @returns the YAML text.
 */
export function temporalServerConfig(db: TemporalDatabase, ports: TemporalServerPorts, dynamicConfigFile: string, shards = 16): string {
  const datastore = (databaseName: string) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${db.host}:${db.port}`,
      connectProtocol: 'tcp',
      user: db.user,
      password: db.password,
      maxConns: 20,
      maxIdleConns: 20,
      maxConnLifetime: '1h',
    },
  });
  const rpc = (grpcPort: number, membershipPort: number, extra: Record<string, unknown> = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  return stringify({
    log: { stdout: true, level: 'warn' },
    persistence: {
      numHistoryShards: shards,
      defaultStore: 'default',
      visibilityStore: 'visibility',
      datastores: { default: datastore(db.persistence), visibility: datastore(db.visibility) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: { prometheus: { framework: 'tally', timerType: 'histogram', listenAddress: `127.0.0.1:${ports.metrics}` } },
    },
    services: {
      frontend: rpc(ports.frontend, ports.frontendMembership, { httpPort: ports.frontendHttp }),
      history: rpc(ports.history, ports.historyMembership),
      matching: rpc(ports.matching, ports.matchingMembership),
      worker: rpc(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${ports.frontend}`,
          httpAddress: `127.0.0.1:${ports.frontendHttp}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  });
}

/**
 * Dynamic configuration of the server: search attributes are read fresh (so a start right after
 * registering one is not refused), nothing else differs from the release's defaults.
 */
export function temporalDynamicConfig(): string {
  return stringify({ 'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true, constraints: {} }] });
}

/**
 * Creates Temporal's two databases and brings their schemas to the release's latest version with
 * its own SQL tool (`sql create-database`, `setup-schema -v 0.0`, `update-schema -d <versioned>`),
 * the procedure of Temporal's documentation for PostgreSQL. Idempotent: an existing database is
 * kept and only updated.
 * @throws Error with the tool's output when a step fails.
 */
export async function setupTemporalSchema(db: TemporalDatabase, log: (line: string) => void = () => undefined): Promise<void> {
  const { sql, schemaDir } = temporalServerBinaries();
  // the password through SQL_PASSWORD, not argv (visible to every user in `ps`)
  const base = ['--plugin', 'postgres12', '--ep', db.host, '-p', String(db.port), '-u', db.user];
  const tool = async (database: string, ...args: string[]) => {
    try {
      return await run(sql, [...base, '--db', database, ...args], { env: { ...process.env, SQL_PASSWORD: db.password } });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      throw new Error(`temporal sql ${args[0]} on ${database} failed: ${e.stderr || e.stdout || e.message}`);
    }
  };
  for (const [database, schema] of [[db.persistence, 'temporal'], [db.visibility, 'visibility']] as const) {
    const exists = await tool(database, 'create-database').then(() => false, (err: Error) => {
      if (/already exists/.test(err.message)) return true;
      throw err;
    });
    if (!exists) await tool(database, 'setup-schema', '-v', '0.0');
    await tool(database, 'update-schema', '-d', path.join(schemaDir, schema, 'versioned'));
    log(`Temporal ${schema} schema ready in database ${database}`);
  }
}

/**
 * Registers namespace `namespace` (retention `retention`, e.g. `720h`) and the custom search
 * attributes the workflows use, through the `temporal` CLI at `cli`. Idempotent.
 * @throws Error with the CLI's output when a step fails for another reason than "already exists".
 */
export async function registerNamespace(cli: string, address: string, namespace = 'default', retention = '720h'): Promise<void> {
  const attempt = async (args: string[]) => {
    try {
      await run(cli, [...args, '--address', address]);
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      const text = `${e.stderr ?? ''}${e.stdout ?? ''}`;
      if (!/already (exists|registered)/i.test(text)) throw new Error(`temporal ${args.slice(0, 3).join(' ')} failed: ${text || e.message}`);
    }
  };
  await attempt(['operator', 'namespace', 'create', '--namespace', namespace, '--retention', retention]);
  await attempt(['operator', 'search-attribute', 'create', '--namespace', namespace, '--name', 'CaseStatus', '--type', 'Keyword']);
}

/** Writes `text` to `file` (creating its folder). */
export function writeFileIn(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
