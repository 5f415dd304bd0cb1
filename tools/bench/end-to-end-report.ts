import type { EndToEndFigures, EndToEndRun } from './end-to-end';

/** Rounds a rate for print: whole numbers from 100 up, one decimal below. */
export const round = (x: number): number => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

const pad = (s: string, n: number) => s.padStart(n);

/** CPU seconds of the run's processes whose names start with `prefix` (e.g. `temporal`: the server and, in the cluster, its PostgreSQL). */
function cpuOf(r: EndToEndRun, prefix: string): number | undefined {
  const matching = Object.entries(r.cpuSeconds).filter(([name]) => name.startsWith(prefix));
  return matching.length === 0 ? undefined : matching.reduce((a, [, s]) => a + s, 0);
}

/**
 * CPU per started case, ms: Temporal (every process named `temporal*`: the dev server with its
 * SQLite file, or the server and its PostgreSQL) and the workers (`worker*`), each divided by the
 * cases the run opened. Temporal and the workers do nothing but cases, so all of their CPU is the
 * cases' cost. Null when the run opened no case or the process was not watched.
 */
export function cpuPerCaseStart(r: EndToEndRun): { temporalMs: number | null; workersMs: number | null } {
  const per = (s: number | undefined) => (s === undefined || r.casesOpened === 0 ? null : Math.round((s / r.casesOpened) * 10000) / 10);
  return { temporalMs: per(cpuOf(r, 'temporal')), workersMs: per(cpuOf(r, 'worker')) };
}

/**
 * Where the CPU went in an end-to-end run, per declaration and per started case, and the
 * throughput that CPU cost allows when every core of the machine does nothing else:
 * cores / (stack CPU seconds per declaration). The run's own rate is below it when the
 * pipeline waits (case starts in flight) or the hypervisor steals time.
 */
export function cpuReport(name: string, r: EndToEndRun): string[] {
  const stack = Object.entries(r.cpuSeconds).filter(([p]) => p !== 'bench client');
  const total = stack.reduce((a, [, s]) => a + s, 0);
  const perDecl = (s: number) => ((s / r.declarations) * 1000).toFixed(2);
  const cores = r.machine.cpuSeconds / r.seconds;
  const perCase = cpuPerCaseStart(r);
  return [
    `CPU, ${name} run: ${perDecl(total)} ms of stack CPU per declaration (${stack.map(([p, s]) => `${p} ${perDecl(s)}`).join(', ')})` +
      (perCase.temporalMs !== null ? `; per case started: Temporal ${perCase.temporalMs} ms` : '') +
      (perCase.workersMs !== null ? `, worker(s) ${perCase.workersMs} ms` : ''),
    `     ceiling on ${cores.toFixed(0)} cores at that cost: ${round((cores * r.declarations) / total)} decl/s; machine busy ${r.machine.busy.toFixed(1)} of ${r.machine.cpuSeconds.toFixed(1)} CPU-s, ` +
      `of which stolen by the hypervisor ${r.machine.steal.toFixed(1)} CPU-s`,
  ];
}

/** The end-to-end table, the CPU lines and the latency line of one stack's figures. */
export function endToEndReport(e2e: EndToEndFigures): string[] {
  const line = (name: string, r: EndToEndRun) =>
    `${pad(name, 26)} ${pad(String(r.declarations), 6)} ${pad(String(round(r.declPerSec)), 8)} ${pad(r.seconds.toFixed(2), 8)} ${pad(r.decidedSeconds.toFixed(2), 8)}` +
    ` ${pad(String(r.casesOpened), 6)} ${pad(`${(r.caseRate * 100).toFixed(1)}%`, 7)} ${pad(`${(r.criteriaSelectionRate * 100).toFixed(1)}%`, 9)}`;
  const out = [
    `End to end: HTTP batches of ${e2e.batchSize} (${e2e.inFlight} in flight) -> decisions in Postgres -> case starts in Temporal, ${e2e.criteria} active criteria;`,
    'the clock stops when the last case is started (case-start outbox drained)',
    `${pad('run', 26)} ${pad('decl.', 6)} ${pad('decl/s', 8)} ${pad('seconds', 8)} ${pad('decided', 8)} ${pad('cases', 6)} ${pad('case %', 7)} ${pad('criteria%', 9)}`,
    line('KCS sample', e2e.sample),
    e2e.full ? line('KCS valid split (full)', e2e.full) : '(full KCS valid split not found at ../shared/data: sample only)',
  ];
  for (const [name, r] of [['sample', e2e.sample], ['full split', e2e.full]] as const) if (r) out.push(...cpuReport(name, r));
  out.push(`Single-declaration HTTP decision latency (${e2e.latencyRuns} sequential requests, worker caught up): p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms`);
  const h = e2e.halfLoad;
  out.push(
    `Same under half load (batches streaming in at ${round(h.sentDeclPerSec)} decl/s, aimed at ${round(h.targetDeclPerSec)} = half the best run, cases starting meanwhile; ${h.runs} requests): ` +
      `p50 ${h.p50.toFixed(1)} ms, p99 ${h.p99.toFixed(1)} ms`,
  );
  return out;
}

/** One run as the bench's JSON line carries it. */
export function runJson(r: EndToEndRun) {
  return {
    declarations: r.declarations,
    declPerSec: round(r.declPerSec),
    seconds: Math.round(r.seconds * 100) / 100,
    decidedSeconds: Math.round(r.decidedSeconds * 100) / 100,
    casesOpened: r.casesOpened,
    caseRate: Math.round(r.caseRate * 1000) / 1000,
    criteriaSelectionRate: Math.round(r.criteriaSelectionRate * 1000) / 1000,
    cpuSeconds: r.cpuSeconds,
    cpuPerCaseStartMs: cpuPerCaseStart(r),
    machine: r.machine,
  };
}
