import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { startClusterStack, type ClusterStack } from '@customs/local-stack';
import { runMigrations } from '@customs/migrations';
import { temporalBin } from '../stack/temporal-bin.cjs';
import type { StackState } from '../stack/running-stack';

const { supervise } = require('../stack/supervisor.cjs') as {
  supervise: (
    name: string,
    start: () => Promise<{ pid: number; exited: Promise<unknown>; stop: () => Promise<void> }>,
    options: { log: (m: string) => void; onGiveUp: (m: string) => void },
  ) => { started: Promise<unknown>; halt(): void; stop(): Promise<void> };
};

const ROOT = path.resolve(__dirname, '../..');

/**
 * The production topology on this machine (issue 14), through `tools/stack/run.sh`, which builds
 * the Temporal server and installs HAProxy first:
 *
 *   npm run stack:cluster      PostgreSQL for the application, PostgreSQL for Temporal, the Temporal
 *                              server (go.temporal.io/server, schema by its SQL tool), two workers,
 *                              two APIs, HAProxy on CLUSTER_PORT (default 3080); ingests the bundled
 *                              sample; serves until Ctrl-C. Data in STACK_DATA_DIR/cluster (default
 *                              .data/cluster); other ports from CLUSTER_PORT_BASE (default 7300, 20 ports).
 *                              Every process is supervised (restarted with back-off, as `npm start`).
 *
 * The fault scenario against the same topology is `npm run cluster:fault` (e2e/soak/cluster-soak.ts); its bench is the second half of `npm run bench` (tools/bench/bench.ts).
 */
async function main(): Promise<number> {
  const [command] = process.argv.slice(2);
  if (command === 'up') return up();
  console.error('usage: main.ts up');
  return 2;
}

/** `npm run stack:cluster`: starts the topology, supervises it, ingests the sample, serves until Ctrl-C. */
async function up(): Promise<number> {
  const dir = path.resolve(ROOT, process.env.STACK_DATA_DIR || '.data', 'cluster');
  const port = Number(process.env.CLUSTER_PORT || 3080);
  const say = (line: string) => console.log(`cluster: ${line}`);
  say(`starting the production topology in ${path.relative(ROOT, dir)}`);
  const prefixed = new Map<string, string>();
  const stack = await startClusterStack({
    migrate: runMigrations,
    temporalCli: temporalBin(),
    dir,
    port,
    portBase: Number(process.env.CLUSTER_PORT_BASE || 7300),
    env: { LOG_FORMAT: process.env.LOG_FORMAT || 'pretty', LOG_LEVEL: process.env.LOG_LEVEL || 'info' },
    log: say,
    output: (name, chunk) => {
      // whole lines, each prefixed with the process's name
      const text = (prefixed.get(name) ?? '') + chunk;
      const lines = text.split('\n');
      prefixed.set(name, lines.pop()!);
      for (const line of lines) process.stdout.write(`${name}: ${line}\n`);
    },
  });
  let stopping = false;
  const supervisors = Object.values(stack.services).map((proc) => {
    let first = true;
    return supervise(
      proc.name,
      async () => {
        if (!first) await proc.start();
        first = false;
        return { pid: proc.pid, exited: proc.exited(), stop: () => proc.stop() };
      },
      { log: (m) => console.error(`cluster: ${m}`), onGiveUp: () => void shutdown(1) },
    );
  });
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const s of supervisors) s.halt();
    say('stopping');
    for (const s of [...supervisors].reverse()) await s.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  await Promise.all(supervisors.map((s) => s.started));
  writeState(stack, path.join(dir, 'stack.json'));
  if (process.env.SKIP_SAMPLE_INGEST !== '1') {
    say('ingesting the bundled sample of the KCS valid split through the load balancer');
    // not spawnSync: this process must keep reading the services' output meanwhile (their log writes stall on a full pipe)
    const ingest = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/ingest/ingest.ts', 'e2e/fixtures/kcs-valid-sample.csv'], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), API_URL: stack.baseUrl },
      stdio: 'inherit',
    });
    await new Promise((resolve) => ingest.once('exit', resolve));
  }
  say(`serving through HAProxy: ${stack.baseUrl}/ (APIs ${stack.apiUrls.join(', ')}); Temporal ${stack.temporalAddress} (metrics ${stack.temporalMetricsUrl})`);
  say(`processes: ${Object.values(stack.services).map((p) => `${p.name} ${p.pid}`).join(', ')}`);
  say(`commands beside it: STACK_STATE_FILE=${path.relative(ROOT, path.join(dir, 'stack.json'))} npm run audit:verify; Ctrl-C stops everything`);
  return new Promise<number>(() => undefined); // serves until a signal
}

/** How to reach the cluster, for commands run beside it (see tools/stack/running-stack.ts); mode 0600. */
function writeState(stack: ClusterStack, file: string): void {
  const state: StackState = { pid: process.pid, databaseUrl: stack.databaseAppUrl, databaseOwnerUrl: stack.databaseOwnerUrl, temporalAddress: stack.temporalAddress, apiUrl: stack.baseUrl };
  fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  process.on('exit', () => fs.rmSync(file, { force: true }));
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`cluster: ${(err as Error)?.stack ?? err}`);
    process.exit(1);
  },
);
