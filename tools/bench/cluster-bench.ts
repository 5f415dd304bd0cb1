import { existsSync, readFileSync } from 'node:fs';
import { startClusterStack } from '@customs/local-stack';
import { runMigrations } from '@customs/migrations';
import { temporalBin } from '../stack/temporal-bin.cjs';
import { fullSplit, readDeclarations, SAMPLE } from './declarations';
import { measureEndToEnd, type EndToEndRun } from './end-to-end';
import { cpuPerCaseStart, endToEndReport, round, runJson } from './end-to-end-report';

/**
 * The cluster half of `npm run bench` (tools/stack/stack.mjs runs it once the development stack's
 * bench is done and that stack is stopped): the production topology of `startClusterStack`
 * (Temporal server on PostgreSQL, two workers, two APIs behind HAProxy), the same end-to-end
 * measurement as the development stack's (`measureEndToEnd`: 1,000 criteria, the KCS sample and
 * the full validation split when present, 1,000 single-declaration latencies), through the load
 * balancer, with the CPU of every process. Then, when `--compare <file>` names the development
 * bench's JSON (`BENCH_JSON_FILE`), both side by side: throughput, latency, CPU per declaration
 * and CPU per case start. Ends with one JSON line:
 *   {"topologies":{"devServer":{...},"cluster":{...}}}
 * where each has `sampleDeclPerSec`, `fullDeclPerSec`, `p50Ms`, `p99Ms`, `cpuMsPerDeclaration`
 * (by process group) and `cpuMsPerCaseStart` (`temporal`: the server with its store; `workers`).
 */
async function main(): Promise<number> {
  const compareAt = process.argv.indexOf('--compare');
  const devFile = compareAt > 0 ? process.argv[compareAt + 1] : undefined;
  const say = (line: string) => process.stderr.write(`bench: cluster: ${line}\n`);
  const stack = await startClusterStack({ migrate: runMigrations, temporalCli: temporalBin(), env: { LOG_LEVEL: 'warn' }, log: say });
  try {
    const processes = Object.values(stack.services).map((p) => ({ name: p.name, pid: p.pid }));
    say(`measuring through HAProxy ${stack.baseUrl} (processes ${processes.map((p) => `${p.name}=${p.pid}`).join(', ')})`);
    const e2e = await measureEndToEnd(stack.baseUrl, stack.databaseAppUrl, await readDeclarations(SAMPLE), await fullSplit(), 1000, 1000, processes);
    console.log('');
    console.log('Production topology: Temporal server (go.temporal.io/server) on PostgreSQL, 2 workers, 2 APIs behind HAProxy, PostgreSQL for the application');
    for (const line of endToEndReport(e2e)) console.log(line);
    const cluster = summary(e2e.sample, e2e.full, e2e.p50, e2e.p99);
    const dev = devFile && existsSync(devFile) ? devSummary(JSON.parse(readFileSync(devFile, 'utf8'))) : null;
    console.log('');
    if (dev) for (const line of sideBySide(dev, cluster)) console.log(line);
    else console.log('(no development-stack figures to compare with: run `npm run bench` for both)');
    console.log(JSON.stringify({ topologies: { devServer: dev, cluster }, clusterRuns: { sample: runJson(e2e.sample), full: e2e.full ? runJson(e2e.full) : null } }));
    return 0;
  } finally {
    await stack.stop();
  }
}

/** One topology's headline figures. */
interface TopologySummary {
  sampleDeclPerSec: number;
  fullDeclPerSec: number | null;
  p50Ms: number;
  p99Ms: number;
  /** Of the longest run (the full split when measured): stack CPU ms per declaration, by process group. */
  cpuMsPerDeclaration: Record<string, number>;
  /** Of the longest run: CPU ms per started case of Temporal (server and store) and of the workers. */
  cpuMsPerCaseStart: { temporal: number | null; workers: number | null };
  /** The run those CPU figures come from. */
  cpuFrom: 'sample' | 'full';
}

/** Process groups: `api` (every API process), `postgres` (the application's), `temporal` (server and store), `workers`, `haproxy`. */
function groupOf(name: string): string | null {
  if (name === 'bench client') return null;
  if (name.startsWith('api')) return 'api';
  if (name.startsWith('worker')) return 'workers';
  if (name.startsWith('temporal')) return 'temporal';
  return name;
}

type RunLike = Pick<EndToEndRun, 'declarations' | 'casesOpened' | 'cpuSeconds'>;

function cpuFigures(r: RunLike): Pick<TopologySummary, 'cpuMsPerDeclaration' | 'cpuMsPerCaseStart'> {
  const groups: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(r.cpuSeconds)) {
    const g = groupOf(name);
    if (g) groups[g] = (groups[g] ?? 0) + seconds;
  }
  const total = Object.values(groups).reduce((a, b) => a + b, 0);
  const perDecl = (s: number) => Math.round((s / r.declarations) * 100000) / 100;
  const perCase = cpuPerCaseStart(r as EndToEndRun);
  return {
    cpuMsPerDeclaration: { total: perDecl(total), ...Object.fromEntries(Object.entries(groups).map(([g, s]) => [g, perDecl(s)])) },
    cpuMsPerCaseStart: { temporal: perCase.temporalMs, workers: perCase.workersMs },
  };
}

function summary(sample: EndToEndRun, full: EndToEndRun | null, p50: number, p99: number): TopologySummary {
  return {
    sampleDeclPerSec: round(sample.declPerSec),
    fullDeclPerSec: full ? round(full.declPerSec) : null,
    p50Ms: Math.round(p50 * 10) / 10,
    p99Ms: Math.round(p99 * 10) / 10,
    ...cpuFigures(full ?? sample),
    cpuFrom: full ? 'full' : 'sample',
  };
}

/** The development bench's JSON line (tools/bench/bench.ts) as a summary. */
function devSummary(dev: {
  endToEnd: { sample?: RunLike & { declPerSec: number }; full?: (RunLike & { declPerSec: number }) | null };
  latencyMs: { p50: number | null; p99: number | null };
}): TopologySummary | null {
  const { sample, full } = dev.endToEnd;
  if (!sample || dev.latencyMs.p50 === null || dev.latencyMs.p99 === null) return null;
  return {
    sampleDeclPerSec: sample.declPerSec,
    fullDeclPerSec: full ? full.declPerSec : null,
    p50Ms: dev.latencyMs.p50,
    p99Ms: dev.latencyMs.p99,
    ...cpuFigures(full ?? sample),
    cpuFrom: full ? 'full' : 'sample',
  };
}

/** The comparison table: one row per figure, one column per topology. */
function sideBySide(dev: TopologySummary, cluster: TopologySummary): string[] {
  const fmt = (x: number | null | undefined, unit = '') => (x === null || x === undefined ? '-' : `${x}${unit}`);
  const rows: Array<[string, string, string]> = [
    ['KCS sample, decl/s', fmt(dev.sampleDeclPerSec), fmt(cluster.sampleDeclPerSec)],
    ['KCS valid split, decl/s', fmt(dev.fullDeclPerSec), fmt(cluster.fullDeclPerSec)],
    ['single declaration p50', fmt(dev.p50Ms, ' ms'), fmt(cluster.p50Ms, ' ms')],
    ['single declaration p99', fmt(dev.p99Ms, ' ms'), fmt(cluster.p99Ms, ' ms')],
  ];
  const groups = [...new Set([...Object.keys(dev.cpuMsPerDeclaration), ...Object.keys(cluster.cpuMsPerDeclaration)])];
  for (const g of groups) rows.push([`CPU per declaration, ${g}`, fmt(dev.cpuMsPerDeclaration[g], ' ms'), fmt(cluster.cpuMsPerDeclaration[g], ' ms')]);
  rows.push(['CPU per case start, Temporal', fmt(dev.cpuMsPerCaseStart.temporal, ' ms'), fmt(cluster.cpuMsPerCaseStart.temporal, ' ms')]);
  rows.push(['CPU per case start, workers', fmt(dev.cpuMsPerCaseStart.workers, ' ms'), fmt(cluster.cpuMsPerCaseStart.workers, ' ms')]);
  const w = Math.max(...rows.map((r) => r[0].length));
  return [
    `Side by side (CPU from the ${cluster.cpuFrom === 'full' ? 'KCS valid split' : 'KCS sample'} run; Temporal = the dev server with its SQLite file, or the server with its PostgreSQL)`,
    `${''.padEnd(w)}  ${'dev server'.padStart(14)}  ${'cluster'.padStart(14)}`,
    ...rows.map(([name, a, b]) => `${name.padEnd(w)}  ${a.padStart(14)}  ${b.padStart(14)}`),
  ];
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('cluster bench failed:', err);
    process.exit(1);
  },
);
