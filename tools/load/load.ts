import autocannon from 'autocannon';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { login } from '../auth/login';
import { parsePidList, startCpuMeter } from '../measure/process-cpu';

/**
 * `npm run load` (LOAD_SECONDS, default 300): drives a running API with autocannon, four request
 * kinds at once, each on its own connections so its latency is its own:
 * - `ingest-batch`: `POST /api/declarations/batch` of `--batch` (100) declarations with fresh ids;
 * - `ingest-single`: `POST /api/declarations` with a fresh id;
 * - `queue`: `GET /api/cases?...` (rotating office, status and lane filters, as an analyst);
 * - `trace`: `GET /api/declarations/:id/selection` of declarations screened before.
 * Fresh declarations are the rows of `--file` (the bundled 1,000-row KCS sample) under new ids.
 * Before the timed run the file itself is ingested once, so traces and queues have data.
 *
 * Prints, per kind, requests/s, p50 / p99 latency (ms), non-2xx and socket errors; decisions/s
 * overall and per 10 s interval; the API process's resident memory (VmRSS from
 * `/proc/<pid>/status`) every 10 s and its growth over the last 3 minutes (end against start, and
 * the least-squares trend); the CPU time of each stack process; then one JSON line.
 * Targets (issue 7): >= 500 decisions/s sustained, no errors, RSS growth < 10 % over the last
 * 3 minutes. Exits 0 when all are met, 1 when one is missed, 2 on bad arguments.
 *
 * Arguments: `--api URL` (required), `--api-pid PID` (required, for the memory samples),
 * `--seconds N`, `--batch N`, `--file F`, `--pids name=pid,...` (processes whose CPU time to report,
 * e.g. `worker=1,temporal=2,postgres=3`; Postgres's backends are counted as children of its
 * postmaster). `tools/stack/stack.mjs load` starts a fresh stack and passes them.
 */

interface KindResult {
  kind: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

const SAMPLE_EVERY_MS = 10_000;
const GROWTH_WINDOW_S = 180;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string' },
      'api-pid': { type: 'string' },
      seconds: { type: 'string', default: '300' },
      batch: { type: 'string', default: '100' },
      file: { type: 'string', default: 'e2e/fixtures/kcs-valid-sample.csv' },
      pids: { type: 'string', default: '' },
    },
  });
  const api = values.api;
  const apiPid = Number(values['api-pid']);
  const seconds = Number(values.seconds);
  const batch = Number(values.batch);
  if (!api || !Number.isInteger(apiPid) || !(seconds > 0) || !Number.isInteger(batch) || batch < 1) {
    console.error('usage: load.ts --api URL --api-pid PID [--seconds N] [--batch N] [--file F]');
    return 2;
  }
  const rows: Declaration[] = [];
  for await (const r of readDeclarationFile(path.resolve(values.file!))) if ('declaration' in r) rows.push(r.declaration);
  const [service, analyst] = await Promise.all([
    login(api, 'svc-ingest', 'svc-ingest-demo'),
    login(api, 'analyst-kim', 'analyst-kim-demo'),
  ]);
  const headersOf = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

  // Data to read: the file itself, screened once before the clock starts.
  for (let i = 0; i < rows.length; i += 500) {
    const res = await fetch(`${api}/api/declarations/batch`, {
      method: 'POST',
      headers: headersOf(service.accessToken),
      body: JSON.stringify({ declarations: rows.slice(i, i + 500) }),
    });
    if (!res.ok) throw new Error(`warm-up ingest: HTTP ${res.status} ${await res.text()}`);
  }
  const traceIds = rows.map((d) => d.declarationId);

  // Fresh ids: a run tag (so a re-run against the same database stays fresh) and a counter.
  const tag = `L${Date.now().toString(36).slice(-6).toUpperCase()}`;
  let fresh = 0;
  const freshDeclaration = (): Declaration => {
    const n = fresh++;
    return { ...rows[n % rows.length], declarationId: `${tag}${n}` };
  };
  let decisions = 0;
  const queueFilters = ['status=QUEUED', 'status=QUEUED&lane=RED', 'officeId=40&status=QUEUED', 'officeId=20', 'lane=YELLOW&limit=20', 'officeId=30&status=QUEUED&offset=20'];
  let q = 0;
  let t = 0;
  const duration = seconds;
  const kinds: Array<{ kind: string; connections: number; request: autocannon.Request; decisionsPerOk: number }> = [
    {
      kind: 'ingest-batch',
      connections: 2,
      decisionsPerOk: batch,
      request: {
        method: 'POST',
        path: '/api/declarations/batch',
        headers: headersOf(service.accessToken),
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ declarations: Array.from({ length: batch }, freshDeclaration) }) }),
      },
    },
    {
      kind: 'ingest-single',
      connections: 2,
      decisionsPerOk: 1,
      request: {
        method: 'POST',
        path: '/api/declarations',
        headers: headersOf(service.accessToken),
        setupRequest: (req) => ({ ...req, body: JSON.stringify(freshDeclaration()) }),
      },
    },
    {
      kind: 'queue',
      connections: 1,
      decisionsPerOk: 0,
      request: { method: 'GET', headers: headersOf(analyst.accessToken), setupRequest: (req) => ({ ...req, path: `/api/cases?${queueFilters[q++ % queueFilters.length]}` }) },
    },
    {
      kind: 'trace',
      connections: 1,
      decisionsPerOk: 0,
      request: { method: 'GET', headers: headersOf(analyst.accessToken), setupRequest: (req) => ({ ...req, path: `/api/declarations/${traceIds[t++ % traceIds.length]}/selection` }) },
    },
  ];

  // Memory and decision-rate samples every 10 s.
  // CPU time per stack process (name=pid,...), to show where the time goes.
  const watched = parsePidList(values.pids ?? '');
  if (!watched.some((w) => w.name === 'api')) watched.unshift({ name: 'api', pid: apiPid });
  const meter = startCpuMeter(watched);
  const rssKb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${apiPid}/status`, 'utf8'))?.[1]);
  const started = Date.now();
  const samples: Array<{ s: number; rssMb: number; decisions: number }> = [{ s: 0, rssMb: rssKb() / 1024, decisions: 0 }];
  const sampler = setInterval(() => {
    samples.push({ s: Math.round((Date.now() - started) / 1000), rssMb: rssKb() / 1024, decisions });
    const [a, b] = samples.slice(-2);
    const rate = ((b.decisions - a.decisions) / (b.s - a.s)).toFixed(0);
    console.log(`load: ${String(b.s).padStart(4)} s  RSS ${b.rssMb.toFixed(0)} MB  ${rate} decisions/s  (machine load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
  }, SAMPLE_EVERY_MS);
  console.log(`load: ${duration} s against ${api} (API pid ${apiPid}), batches of ${batch}; fresh ids ${tag}0...`);

  const results = await Promise.all(
    kinds.map(
      ({ kind, connections, request, decisionsPerOk }) =>
        new Promise<KindResult>((resolve, reject) => {
          autocannon(
            {
              url: api,
              connections,
              duration,
              timeout: 30,
              requests: [{ ...request, onResponse: (status) => { if (status >= 200 && status < 300) decisions += decisionsPerOk; } }],
            },
            (err, r) => {
              if (err) return reject(err);
              const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v.count ?? 0]));
              resolve({
                kind,
                connections,
                requests: r.requests.total,
                perSecond: r.requests.total / r.duration,
                p50: r.latency.p50,
                p99: r.latency.p99,
                non2xx: r.non2xx,
                errors: r.errors,
                timeouts: r.timeouts,
                statuses,
              });
            },
          );
        }),
    ),
  );
  clearInterval(sampler);
  const elapsed = (Date.now() - started) / 1000;
  samples.push({ s: Math.round(elapsed), rssMb: rssKb() / 1024, decisions });

  const usage = meter();
  const cpu = [...usage.processes, { name: 'load client', seconds: usage.client }];
  const { busy: machineBusy, total: machineTotal, steal: machineSteal } = usage.machine;
  const cases = await caseStarts(process.env.DATABASE_URL);

  const totalRequests = results.reduce((n, r) => n + r.requests, 0);
  const errors = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  const decisionsPerSecond = decisions / elapsed;
  const rates = samples.slice(1).map((b, i) => (b.decisions - samples[i].decisions) / (b.s - samples[i].s)).filter(Number.isFinite);
  const steady = rates.slice(1, -1); // without the first and the partial last interval
  const minRate = steady.length > 0 ? Math.min(...steady) : decisionsPerSecond;
  const windowStart = samples.filter((s) => s.s <= elapsed - GROWTH_WINDOW_S).at(-1) ?? samples[0];
  const last = samples.at(-1)!;
  const peak = Math.max(...samples.filter((s) => s.s >= windowStart.s).map((s) => s.rssMb));
  const growth = (last.rssMb - windowStart.rssMb) / windowStart.rssMb;
  // The endpoints depend on where the garbage collector happens to be; the least-squares trend over
  // the window does not: its rise over the window, relative to the window's first sample.
  const inWindow = samples.filter((s) => s.s >= windowStart.s);
  const trendGrowth = (slope(inWindow.map((s) => [s.s, s.rssMb])) * (last.s - windowStart.s)) / windowStart.rssMb;

  console.log('');
  console.log('kind            conns   requests     req/s   p50 ms   p99 ms  non-2xx  errors  statuses');
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(15)} ${String(r.connections).padStart(5)} ${String(r.requests).padStart(10)} ${r.perSecond.toFixed(1).padStart(9)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}  ${JSON.stringify(r.statuses)}`,
    );
  }
  console.log(`all             ${String(kinds.reduce((n, k) => n + k.connections, 0)).padStart(5)} ${String(totalRequests).padStart(10)} ${(totalRequests / elapsed).toFixed(1).padStart(9)}`);
  console.log('');
  console.log(`decisions: ${decisions} in ${elapsed.toFixed(0)} s = ${decisionsPerSecond.toFixed(1)}/s (per 10 s interval: min ${minRate.toFixed(0)}, max ${Math.max(...steady, 0).toFixed(0)})`);
  console.log(`API RSS (MB) every 10 s: ${samples.map((s) => s.rssMb.toFixed(0)).join(' ')}`);
  console.log(
    `API RSS over the last ${GROWTH_WINDOW_S} s: ${windowStart.rssMb.toFixed(0)} MB at ${windowStart.s} s -> ${last.rssMb.toFixed(0)} MB at ${last.s} s (${(growth * 100).toFixed(1)} %, peak ${peak.toFixed(0)} MB; least-squares trend ${(trendGrowth * 100).toFixed(1)} %)`,
  );
  console.log(
    `CPU during the run (s, and share of one core): ${cpu.map((c) => `${c.name} ${c.seconds.toFixed(0)} (${((c.seconds / elapsed) * 100).toFixed(0)} %)`).join(', ')}; ` +
      `whole machine busy ${machineBusy.toFixed(0)} of ${machineTotal.toFixed(0)} CPU-s (${os.cpus().length} CPUs), of which this stack and client ${cpu.reduce((n, c) => n + c.seconds, 0).toFixed(0)}, ` +
      `stolen by the hypervisor ${machineSteal.toFixed(0)}`,
  );
  if (cases) {
    console.log(
      `case starts: ${cases.queued} queued with their decisions, ${cases.started} workflows started by the end, ${cases.queued - cases.started} still in the ` +
        'case-start outbox (started at Temporal\'s pace after the run; decisions/s counts decisions, not workflow starts)',
    );
  }
  const targets = { decisionsPerSecond: minRate >= 500, zeroErrors: errors === 0, rssGrowthUnder10Percent: growth < 0.1 && trendGrowth < 0.1 };
  console.log(`targets: >= 500 decisions/s sustained: ${targets.decisionsPerSecond ? 'met' : 'MISSED'}; zero errors: ${targets.zeroErrors ? 'met' : 'MISSED'}; RSS growth < 10 %: ${targets.rssGrowthUnder10Percent ? 'met' : 'MISSED'}`);
  console.log(
    JSON.stringify({
      seconds: Math.round(elapsed),
      decisions,
      decisionsPerSecond: Math.round(decisionsPerSecond * 10) / 10,
      decisionsPerSecondMin10s: Math.round(minRate),
      requestsPerSecond: Math.round((totalRequests / elapsed) * 10) / 10,
      errors,
      kinds: Object.fromEntries(results.map((r) => [r.kind, { rps: Math.round(r.perSecond * 10) / 10, p50: r.p50, p99: r.p99, non2xx: r.non2xx, errors: r.errors }])),
      rssMb: samples.map((s) => Math.round(s.rssMb)),
      rssGrowthLast3Min: Math.round(growth * 1000) / 1000,
      rssTrendGrowthLast3Min: Math.round(trendGrowth * 1000) / 1000,
      cpuSeconds: Object.fromEntries(cpu.map((c) => [c.name, Math.round(c.seconds)])),
      machineCpuSeconds: { busy: Math.round(machineBusy), total: Math.round(machineTotal), steal: Math.round(machineSteal) },
      caseStarts: cases,
      targets,
    }),
  );
  return Object.values(targets).every(Boolean) ? 0 : 1;
}

/** Rows of the case-start outbox (one per YELLOW/RED decision) and how many of them are started; null without a database URL. */
async function caseStarts(databaseUrl: string | undefined): Promise<{ queued: number; started: number } | null> {
  if (!databaseUrl) return null;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT count(*)::int AS queued, count(started_at)::int AS started FROM case_start_outbox`);
    return rows[0];
  } finally {
    await db.end();
  }
}

/** Least-squares slope of y over x; 0 for fewer than two points. */
function slope(points: Array<[number, number]>): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / points.length;
  const my = points.reduce((a, [, y]) => a + y, 0) / points.length;
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('load failed:', err);
    process.exit(1);
  },
);
