import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { login } from '../auth/login';
import { ensureApprovedCriteria } from '../criteria/approved-criteria';
import { parsePidList, startCpuMeter } from '../measure/process-cpu';
import { generateExpressManifest } from '../synthetic/express-generator';
import { drained } from './end-to-end';
import { EXPRESS_BENCH_CRITERIA } from './express-stage';

/** What the express end-to-end line measured: one synthetic manifest through `POST /api/express/manifests`. */
export interface ExpressEndToEndFigures {
  waybills: number;
  /** Express criteria in force (the three of `EXPRESS_BENCH_CRITERIA`, written and approved through the API). */
  criteria: number;
  /** Size of the request body, MB (10^6 bytes). */
  bodyMb: number;
  /** Seconds from sending the manifest until the API's answer was read: validation, facts, criteria, hash-chained records and case-start outbox rows committed. */
  seconds: number;
  /** `waybills / seconds`. */
  waybillsPerSec: number;
  /** Seconds until the case-start outbox was drained as well (the INTRUSIVE_INSPECTION waybills' workflows started). */
  drainedSeconds: number;
  /** The API's summary of the manifest. */
  summary: { release: number; xrayFlagged: number; intrusiveInspection: number; casesStarted: number };
  /** CPU seconds each stack process spent from sending until drained (`BENCH_PIDS`), plus the bench client's own. */
  cpuSeconds: Record<string, number>;
}

const DEMO = (u: string) => ({ username: u, password: `${u}-demo` });
const ARRIVAL = '2026-12-01T06:30:00Z';

/**
 * The express end-to-end line of `npm run bench`: the three express criteria of the library stage
 * (`EXPRESS_BENCH_CRITERIA`) written by analyst-kim and approved by analyst-lee through the API,
 * a 200-waybill warm-up manifest, then a synthetic manifest of `waybills` waybills (seed 7,
 * logistics centre 40) sent as ONE `POST /api/express/manifests` as the ingest service. The clock
 * runs from sending the body (serialised beforehand) until the answer is read; a second figure
 * also waits for the case-start outbox to drain (read from Postgres at `databaseUrl` every 20 ms).
 * Meant for a fresh database (`npm run bench` starts one); safe on one that ran it before only
 * when that manifest was not screened yet (a re-send answers from the stored selections).
 * @param api base URL of the API, e.g. `http://127.0.0.1:41234`
 * @throws Error naming the request that failed, an answer other than 201, or an outbox not drained within 5 minutes.
 */
export async function measureExpressEndToEnd(
  api: string,
  databaseUrl: string,
  waybills = 10_000,
  processes: Array<{ name: string; pid: number }> = parsePidList(process.env.BENCH_PIDS ?? ''),
): Promise<ExpressEndToEndFigures> {
  const db = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const [maker, checker, service] = await Promise.all(['analyst-kim', 'analyst-lee', 'svc-ingest'].map((u) => login(api, DEMO(u).username, DEMO(u).password)));
    const bodies = EXPRESS_BENCH_CRITERIA.map(({ version: _v, status: _s, ...rest }) => rest);
    const ensured = await ensureApprovedCriteria(api, maker.accessToken, checker.accessToken, bodies);
    if (ensured.created.length + ensured.approved.length > 0) await new Promise((r) => setTimeout(r, 3000)); // the API refreshes its compiled criteria within 2 s

    const post = async (body: string) => {
      const res = await fetch(`${api}/api/express/manifests`, { method: 'POST', headers: { authorization: `Bearer ${service.accessToken}`, 'content-type': 'application/json' }, body });
      const answer = await res.text();
      if (res.status !== 201) throw new Error(`POST /api/express/manifests: HTTP ${res.status} ${answer.slice(0, 500)}`);
      return JSON.parse(answer) as { summary: ExpressEndToEndFigures['summary'] };
    };
    // Warm-up (compiles the engine, JIT, prepared plans): its own manifest id and waybill numbers.
    const warm = generateExpressManifest(8, { waybills: 200, arrivalAt: ARRIVAL, logisticsCentreId: '40', voyage: 'ZZ0001' }).manifest;
    await post(JSON.stringify({ ...warm, manifestId: 'BENCH-WARMUP-40', waybills: warm.waybills.map((w, i) => ({ ...w, waybillNumber: `WU${String(i).padStart(8, '0')}` })) }));
    await drained(db, Date.now() + 60_000);

    const { manifest } = generateExpressManifest(7, { waybills, arrivalAt: ARRIVAL, logisticsCentreId: '40' });
    const body = JSON.stringify(manifest);
    const meter = startCpuMeter(processes);
    const start = performance.now();
    const answer = await post(body);
    const seconds = (performance.now() - start) / 1000;
    await drained(db, Date.now() + 300_000);
    const drainedSeconds = (performance.now() - start) / 1000;
    const usage = meter();
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const { release, xrayFlagged, intrusiveInspection, casesStarted } = answer.summary;
    return {
      waybills,
      criteria: bodies.length,
      bodyMb: r2(Buffer.byteLength(body) / 1e6),
      seconds: Math.round(seconds * 1000) / 1000,
      waybillsPerSec: Math.round(waybills / seconds),
      drainedSeconds: Math.round(drainedSeconds * 1000) / 1000,
      summary: { release, xrayFlagged, intrusiveInspection, casesStarted },
      cpuSeconds: Object.fromEntries([...usage.processes.map((p) => [p.name, r2(p.seconds)]), ['bench client', r2(usage.client)]]),
    };
  } finally {
    await db.end();
  }
}

/** The bench's report line for the figures. */
export function expressEndToEndLine(f: ExpressEndToEndFigures): string {
  const cpu = Object.entries(f.cpuSeconds).map(([p, s]) => `${p} ${s}`).join(', ');
  return (
    `Express manifest end to end (HTTP POST /api/express/manifests, one request of ${f.bodyMb} MB, ${f.criteria} criteria): ` +
    `${f.waybills.toLocaleString('en')} waybills in ${f.seconds.toFixed(2)} s (${f.waybillsPerSec.toLocaleString('en')} waybills/s; target < 10 s), ` +
    `${f.drainedSeconds.toFixed(2)} s with the ${f.summary.casesStarted} case starts; ` +
    `${f.summary.release} release, ${f.summary.xrayFlagged} X-ray flagged, ${f.summary.intrusiveInspection} intrusive inspection; CPU s: ${cpu}`
  );
}
