import * as http from 'node:http';
import { Pool } from 'pg';
import type { Declaration } from '@customs/domain';
import { login } from '../auth/login';
import { generateCriteria } from './generate-criteria';
import { startPacedLoad } from './paced-load';
import { parsePidList, startCpuMeter } from '../measure/process-cpu';

/** One end-to-end run over a file of declarations. */
export interface EndToEndRun {
  /** Declarations sent. */
  declarations: number;
  /** Seconds from the first request until the last decision was answered AND the case-start outbox was drained. */
  seconds: number;
  /** `declarations / seconds`: decisions, records and case starts included. */
  declPerSec: number;
  /** Seconds until the last batch was answered (decisions recorded, case starts queued). */
  decidedSeconds: number;
  /** Cases this run opened (YELLOW/RED declarations), all started in Temporal by the end of `seconds`. */
  casesOpened: number;
  /** Share of the declarations at least one criterion selected. */
  criteriaSelectionRate: number;
  /** Share of the declarations that opened a case (criteria, model and control selection). */
  caseRate: number;
  /** CPU seconds each stack process spent during the run (`BENCH_PIDS`), plus the bench client's own. */
  cpuSeconds: Record<string, number>;
  /** The whole machine during the run: CPU seconds available (cores x seconds), busy, and stolen by the hypervisor. */
  machine: { cpuSeconds: number; busy: number; steal: number };
}

/** End-to-end figures through a running API. */
export interface EndToEndFigures {
  /** Active criteria while measuring. */
  criteria: number;
  /** Batches of `BATCH_SIZE` declarations, `IN_FLIGHT` requests at a time. */
  batchSize: number;
  inFlight: number;
  /** The bundled KCS sample. */
  sample: EndToEndRun;
  /** The full KCS validation split, when `../shared` has it (fresh ids), else null. */
  full: EndToEndRun | null;
  /** Single-declaration `POST /api/declarations` round-trip latency, ms, measured once the worker has caught up. */
  p50: number;
  p99: number;
  latencyRuns: number;
  /**
   * The same single-declaration latency while batches stream in at half the measured end-to-end
   * capacity (issue 16): the cases they open start meanwhile and compete for the same cores.
   */
  halfLoad: HalfLoadLatency;
}

/** Single-declaration latency under a background load of batches. */
export interface HalfLoadLatency {
  /** The background rate aimed at: half the best end-to-end decl/s of the runs. */
  targetDeclPerSec: number;
  /** Background declarations answered per second while measuring. */
  sentDeclPerSec: number;
  /** Round trip of `POST /api/declarations`, ms. */
  p50: number;
  p99: number;
  runs: number;
}

const DEMO = (u: string) => ({ username: u, password: `${u}-demo` });
const BATCH_SIZE = 500;
/** Batches in flight at once: one being decided while the next one's JSON is parsed, as an ingest client with two connections would. */
const IN_FLIGHT = 2;
/** Background batches of the half-load latency: small, so the load is smooth rather than bursts. */
const LOAD_BATCH = 50;

/**
 * Loads `criteriaCount` generated criteria through the API (written by one analyst, approved
 * by another: the real maker-checker path), then screens the KCS sample (and the full
 * validation split when given) in batches, and measures single-declaration latency on fresh
 * ids, first on a settled system, then while paced batches of 50 stream in at half the best
 * run's decl/s (fresh ids; the cases they open start meanwhile). The clock of a run stops when every batch is answered AND the case-start outbox holds
 * no pending row (read from Postgres at `databaseUrl` every 20 ms): the figure includes the
 * workflow starts, not only the decisions.
 * Meant for a fresh database (`npm run bench` starts one): the generated criteria become
 * central criteria `CEN-BENCH-000`...
 * @param processes the stack's processes whose CPU is measured (default: `BENCH_PIDS`, `name=pid,...`)
 * @param api base URL of the API, e.g. `http://127.0.0.1:41234`
 * @throws Error naming the request that failed, or when the outbox is not drained within 10 minutes.
 */
export async function measureEndToEnd(
  api: string,
  databaseUrl: string,
  sample: readonly Declaration[],
  full: readonly Declaration[] | null,
  criteriaCount = 1000,
  latencyRuns = 1000,
  processes: Array<{ name: string; pid: number }> = parsePidList(process.env.BENCH_PIDS ?? ''),
): Promise<EndToEndFigures> {
  const db = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const [maker, checker, service] = await Promise.all(['analyst-kim', 'analyst-lee', 'svc-ingest'].map((u) => login(api, DEMO(u).username, DEMO(u).password)));
    const call = async (token: string, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    };

    const criteria = generateCriteria(criteriaCount, sample, 7).map((c, i) => {
      const { version: _v, status: _s, ...rest } = c;
      return { ...rest, id: `CEN-BENCH-${String(i).padStart(3, '0')}`, scope: 'CENTRAL', officeId: null };
    });
    await pool(criteria, 8, async (c) => {
      await call(maker.accessToken, 'POST', '/api/criteria', c);
      await call(checker.accessToken, 'POST', `/api/criteria/${c.id}/versions/1/approve`);
    });
    await new Promise((r) => setTimeout(r, 3000)); // the API refreshes its compiled criteria within 2 s
    // Warm-up (compiles the engine, JIT): 20 declarations that are not part of any run.
    await call(service.accessToken, 'POST', '/api/declarations/batch', { declarations: sample.slice(0, 20).map((d, i) => ({ ...d, declarationId: `W${i}` })) });
    await drained(db, Date.now() + 60_000);

    const run = async (decls: readonly Declaration[]): Promise<EndToEndRun> => {
      const batches: Declaration[][] = [];
      for (let i = 0; i < decls.length; i += BATCH_SIZE) batches.push(decls.slice(i, i + BATCH_SIZE));
      let casesOpened = 0;
      let selected = 0;
      const meter = startCpuMeter(processes);
      const start = performance.now();
      await pool(batches, IN_FLIGHT, async (batch) => {
        const body = (await call(service.accessToken, 'POST', '/api/declarations/batch', { declarations: batch })) as {
          results: Array<{ caseStarted: boolean; firedCriteria: string[] }>;
        };
        for (const r of body.results) {
          if (r.caseStarted) casesOpened += 1;
          if (r.firedCriteria.length > 0) selected += 1;
        }
      });
      const decidedSeconds = (performance.now() - start) / 1000;
      await drained(db, Date.now() + 600_000);
      const seconds = (performance.now() - start) / 1000;
      const usage = meter();
      const r2 = (x: number) => Math.round(x * 100) / 100;
      return {
        machine: { cpuSeconds: r2(usage.machine.total), busy: r2(usage.machine.busy), steal: r2(usage.machine.steal) },
        cpuSeconds: Object.fromEntries([...usage.processes.map((p) => [p.name, r2(p.seconds)]), ['bench client', r2(usage.client)]]),
        declarations: decls.length,
        seconds,
        declPerSec: decls.length / seconds,
        decidedSeconds,
        casesOpened,
        criteriaSelectionRate: selected / decls.length,
        caseRate: casesOpened / decls.length,
      };
    };

    const sampleRun = await run(sample);
    const fullRun = full ? await run(full) : null;

    /**
     * `runs` sequential single-declaration round trips on fresh ids (`<prefix><i>X<source id>`), ms,
     * sorted. Sent with node:http over one kept-alive connection, as a lean ingest client would:
     * Node's fetch (undici) added about 1 ms at p50 and 1-3 ms at p99 of its own here (2026-12-06).
     */
    const singles = async (prefix: string, runs: number): Promise<number[]> => {
      const times: number[] = [];
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; i < runs; i++) {
          const source = sample[i % sample.length];
          const body = JSON.stringify({ ...source, declarationId: `${prefix}${i}X${source.declarationId}`.slice(0, 20) });
          const t = performance.now();
          const status = await postJson(agent, `${api}/api/declarations`, service.accessToken, body);
          times.push(performance.now() - t);
          if (status !== 201) throw new Error(`POST /api/declarations: HTTP ${status}`);
        }
      } finally {
        agent.destroy();
      }
      return times.sort((a, b) => a - b);
    };
    const q = (times: number[], p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];

    // Latency on a settled system: wait until the worker has projected every started case.
    await caughtUp(db, Date.now() + 300_000);
    const idle = await singles('LAT', latencyRuns);

    // Latency while batches stream in at half the capacity just measured (paced, fresh ids), sent
    // from a worker thread so that this thread measures nothing but its own round trips.
    const capacity = Math.max(sampleRun.declPerSec, fullRun?.declPerSec ?? 0);
    const target = capacity / 2;
    const load = startPacedLoad({ api, token: service.accessToken, sample, declPerSec: target, batchSize: LOAD_BATCH });
    const loaded = await singles('HLS', latencyRuns);
    const { sent, seconds: loadSeconds } = await load.stop();
    const sentDeclPerSec = sent / loadSeconds;
    await drained(db, Date.now() + 600_000);
    return {
      criteria: criteria.length, batchSize: BATCH_SIZE, inFlight: IN_FLIGHT, sample: sampleRun, full: fullRun, p50: q(idle, 0.5), p99: q(idle, 0.99), latencyRuns,
      halfLoad: { targetDeclPerSec: target, sentDeclPerSec, p50: q(loaded, 0.5), p99: q(loaded, 0.99), runs: latencyRuns },
    };
  } finally {
    await db.end();
  }
}

/** POSTs a JSON body through `agent` and reads the whole answer; resolves with the status code. */
function postJson(agent: http.Agent, url: string, token: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Waits until the case-start outbox has no pending row (polled every 20 ms).
 * @param deadline epoch ms
 * @throws Error with the pending count when the deadline passes first.
 */
export async function drained(db: Pool, deadline: number): Promise<void> {
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM case_start_outbox WHERE started_at IS NULL`);
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error(`case-start outbox still holds ${rows[0].n} pending rows`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until every started case has its queue row (the worker has run its first workflow task). */
async function caughtUp(db: Pool, deadline: number): Promise<void> {
  for (;;) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM case_start_outbox) - (SELECT count(*) FROM inspection_case) AS behind`,
    );
    if (Number(rows[0].behind) <= 0) return;
    if (Date.now() > deadline) throw new Error(`the worker is still ${rows[0].behind} cases behind`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
