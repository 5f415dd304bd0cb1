/**
 * Screening benchmark (issue 6): `npm run bench`. Not part of `npm test`.
 *
 * Prints a table, then one JSON line:
 *   {"criteria":{"100":{"fast":F,"plain":P,"ratio":R},...,"10000":{...}},
 *    "model":{"batch1":M1,"batch256":M256},"endToEnd":{"declPerSec":E,"criteria":1000,...},
 *    "latencyMs":{"p50":L50,"p99":L99}}
 * Numbers are declarations per second unless named otherwise. Beyond the issue's shape, each
 * criteria size also carries `firedPerDecl` and `selectionRate` (share of the sample at least
 * one criterion selects), and `endToEnd` the details of its runs (see `EndToEndFigures`), so
 * nobody reads a rate without the selectivity it was measured at.
 *
 * - criteria stage: the bundled KCS sample (e2e/fixtures/kcs-valid-sample.csv, goods
 *   descriptions from the HS nomenclature) screened by `SelectivityEngine` (the fast path)
 *   and by a plain json-rules-engine `Engine.run` over every criterion in force
 *   (`RulesEngineReference`), at 100, 1,000, 5,000 and 10,000 generated ACTIVE criteria
 *   (see `generateCriteria`: narrow criteria, a few percent selected at 1,000). Each measurement runs for at least `BENCH_SECONDS` (default 2)
 *   on one core; the plain engine, slow at large sizes, is measured on however many
 *   declarations fit in that time (at least 3), which is the "sample" the issue allows.
 * - model stage: `RiskScorer.scoreDetailed` of the deciding model (fraud and critical-fraud
 *   scores, supply-chain history features) with batches of 1 and 256 declarations.
 * - end to end and latency (when `API_URL` names a running API on a fresh database, as
 *   `npm run bench` does): 1,000 generated criteria loaded through the API, then the KCS
 *   sample, and the full validation split (`../shared/data/kcs-import-declarations/valid.csv`,
 *   fresh ids) when present, screened through `POST /api/declarations/batch`; each run's clock
 *   stops when the case-start outbox is drained, so case starts are included
 *   (see `measureEndToEnd`). Printed as `null` without `API_URL`.
 *
 * Environment: BENCH_SECONDS (minimum seconds per measurement), BENCH_SIZES (comma list),
 * BENCH_FULL=0 to skip the full validation split even when present.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadRuntimeConfig } from '@customs/config';
import { Declaration, HsNomenclature } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import { historyKeyDefinitions, labelledOutcome, OutcomeHistory, RiskScorer, type LabelledOutcome } from '@customs/risk-model';
import { RulesEngineReference, SelectivityEngine } from '@customs/selectivity';
import { generateCriteria } from './generate-criteria';
import { measureBacktest, type BacktestFigures } from './backtest';
import { measureEndToEnd, type EndToEndFigures, type EndToEndRun } from './end-to-end';

const ROOT = join(__dirname, '../..');
const SAMPLE = join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv');
const FULL = join(ROOT, '../shared/data/kcs-import-declarations/valid.csv');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,10000').split(',').map(Number);

/** The declarations of a KCS file, goods descriptions filled from the HS nomenclature. */
async function readDeclarations(file: string): Promise<Declaration[]> {
  return (await readLabelled(file)).map((r) => r.declaration);
}

/** The rows of a KCS file with their inspection results (when the file has them). */
async function readLabelled(file: string): Promise<Array<LabelledOutcome & { declaration: Declaration }>> {
  const hs = HsNomenclature.default();
  const out: Array<LabelledOutcome & { declaration: Declaration }> = [];
  for await (const rec of readDeclarationFile(file)) {
    if (!('declaration' in rec)) throw new Error(`${file} row ${rec.rowNumber}: ${rec.error}`);
    const d = rec.declaration;
    const declaration = d.goodsDescription === undefined ? { ...d, goodsDescription: hs.describe(d.hsCode) ?? undefined } : d;
    out.push(labelledOutcome(declaration, rec.labels ?? { fraud: 0, criticalFraud: 0 }));
  }
  return out;
}

/** Runs `one` over the declarations, cycling, for at least `seconds` and `minCount` calls; declarations per second. */
async function rate(decls: readonly Declaration[], seconds: number, minCount: number, one: (d: Declaration) => unknown): Promise<{ perSec: number; count: number }> {
  const start = performance.now();
  let n = 0;
  for (;;) {
    const r = one(decls[n % decls.length]);
    if (r instanceof Promise) await r;
    n++;
    if (n >= minCount && performance.now() - start >= seconds * 1000) break;
  }
  return { perSec: n / ((performance.now() - start) / 1000), count: n };
}

/**
 * Where the CPU went in an end-to-end run, per declaration and per started case, and the
 * throughput that CPU cost allows when every core of the machine does nothing else:
 * cores / (stack CPU seconds per declaration). The run's own rate is below it when the
 * pipeline waits (case starts in flight) or the hypervisor steals time.
 */
function cpuReport(name: string, r: EndToEndRun): string[] {
  const stack = Object.entries(r.cpuSeconds).filter(([p]) => p !== 'bench client');
  const total = stack.reduce((a, [, s]) => a + s, 0);
  const perDecl = (s: number) => ((s / r.declarations) * 1000).toFixed(2);
  const cores = r.machine.cpuSeconds / r.seconds;
  const temporal = r.cpuSeconds.temporal;
  return [
    `CPU, ${name} run: ${perDecl(total)} ms of stack CPU per declaration (${stack.map(([p, s]) => `${p} ${perDecl(s)}`).join(', ')})` +
      (temporal !== undefined && r.casesOpened > 0 ? `; Temporal ${((temporal / r.casesOpened) * 1000).toFixed(1)} ms per case started` : ''),
    `     ceiling on ${cores.toFixed(0)} cores at that cost: ${round((cores * r.declarations) / total)} decl/s; machine busy ${r.machine.busy.toFixed(1)} of ${r.machine.cpuSeconds.toFixed(1)} CPU-s, ` +
      `of which stolen by the hypervisor ${r.machine.steal.toFixed(1)} CPU-s`,
  ];
}

const round = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

async function main(): Promise<void> {
  const labelled = await readLabelled(SAMPLE);
  const decls = labelled.map((r) => r.declaration);
  const criteriaJson: Record<string, { fast: number; plain: number; ratio: number; firedPerDecl: number; selectionRate: number }> = {};
  const rows: string[][] = [];
  for (const size of SIZES) {
    const criteria = generateCriteria(size, decls, 42);
    const fast = SelectivityEngine.compile(criteria);
    for (const d of decls) fast.evaluateNow(d); // warm-up: builds the indexes, JIT
    const f = await rate(decls, SECONDS, decls.length, (d) => fast.evaluateNow(d));
    let firedTotal = 0;
    let selected = 0;
    for (const d of decls) {
      const n = fast.evaluateNow(d).fired.length;
      firedTotal += n;
      if (n > 0) selected += 1;
    }

    const plain = new RulesEngineReference(criteria);
    await plain.fired(decls[0]); // warm-up
    // Offset so the plain run does not only see the first (cached-engine) declarations.
    const shuffled = decls.map((_, i) => decls[(i * 7919) % decls.length]);
    const p = await rate(shuffled, SECONDS, 3, (d) => plain.fired(d));
    criteriaJson[String(size)] = {
      fast: round(f.perSec),
      plain: round(p.perSec),
      ratio: round(f.perSec / p.perSec),
      firedPerDecl: Math.round((firedTotal / decls.length) * 1000) / 1000,
      selectionRate: Math.round((selected / decls.length) * 1000) / 1000,
    };
    rows.push([
      String(size),
      String(round(f.perSec)),
      `${round(p.perSec)}${p.count < decls.length ? ` (${p.count} decl.)` : ''}`,
      `${round(f.perSec / p.perSec)}x`,
      (firedTotal / decls.length).toFixed(2),
      `${((selected / decls.length) * 100).toFixed(1)}%`,
    ]);
    process.stderr.write(`bench: ${size} criteria done\n`);
  }

  // Model stage as serving runs it: the deciding model (fraud + critical-fraud scores) reading
  // the supply-chain history, here the sample's own inspection results (as `npm start` imports
  // them when ../shared is absent), so every history lookup finds real keys.
  const scorer = await RiskScorer.load();
  const history = new OutcomeHistory(historyKeyDefinitions([scorer.spec]));
  history.add(labelled);
  const lookup = scorer.needsHistory ? history : undefined;
  await scorer.scoreDetailed(decls.slice(0, 256), lookup); // warm-up
  const m1 = await rate(decls, SECONDS, 100, (d) => scorer.scoreDetailed([d], lookup));
  const batches: Declaration[][] = [];
  for (let i = 0; i + 256 <= decls.length; i += 256) batches.push(decls.slice(i, i + 256));
  const start = performance.now();
  let scored = 0;
  while (scored < 2560 || performance.now() - start < SECONDS * 1000) {
    await scorer.scoreDetailed(batches[(scored / 256) % batches.length], lookup);
    scored += 256;
  }
  const m256 = scored / ((performance.now() - start) / 1000);
  const modelName = `${scorer.name} ${scorer.version}${scorer.hasCriticalModel ? ' + critical-fraud model' : ''}`;
  await scorer.close();

  const pad = (s: string, n: number) => s.padStart(n);
  console.log('Criteria stage (declarations/s, one core, KCS sample of 1,000 rows)');
  console.log(`${pad('criteria', 9)} ${pad('fast', 10)} ${pad('plain json-rules-engine', 26)} ${pad('ratio', 9)} ${pad('fired/decl', 11)} ${pad('selected', 9)}`);
  for (const r of rows) console.log(`${pad(r[0], 9)} ${pad(r[1], 10)} ${pad(r[2], 26)} ${pad(r[3], 9)} ${pad(r[4], 11)} ${pad(r[5], 9)}`);
  console.log('');
  console.log(`Model stage (declarations/s, ${modelName}, features + supply-chain history + onnxruntime-node)`);
  console.log(`${pad('batch 1', 9)} ${pad(String(round(m1.perSec)), 10)}`);
  console.log(`${pad('batch 256', 9)} ${pad(String(round(m256)), 10)}`);
  console.log('');
  const api = process.env.API_URL;
  let e2e: EndToEndFigures | null = null;
  let backtest: BacktestFigures | null = null;
  if (api) {
    // Fresh ids (V + KCS id) so the longer run does not re-send the sample's declarations.
    const full = process.env.BENCH_FULL !== '0' && existsSync(FULL) ? (await readDeclarations(FULL)).map((d) => ({ ...d, declarationId: `V${d.declarationId}`.slice(0, 20) })) : null;
    e2e = await measureEndToEnd(api, loadRuntimeConfig(process.env).databaseUrl, decls, full);
    const { databaseUrl, databaseOwnerUrl } = loadRuntimeConfig(process.env);
    backtest = await measureBacktest(api, databaseUrl, databaseOwnerUrl);
  }
  if (e2e) {
    const line = (name: string, r: EndToEndRun) =>
      `${pad(name, 26)} ${pad(String(r.declarations), 6)} ${pad(String(round(r.declPerSec)), 8)} ${pad(r.seconds.toFixed(2), 8)} ${pad(r.decidedSeconds.toFixed(2), 8)}` +
      ` ${pad(String(r.casesOpened), 6)} ${pad(`${(r.caseRate * 100).toFixed(1)}%`, 7)} ${pad(`${(r.criteriaSelectionRate * 100).toFixed(1)}%`, 9)}`;
    console.log(`End to end: HTTP batches of ${e2e.batchSize} (${e2e.inFlight} in flight) -> decisions in Postgres -> case starts in Temporal, ${e2e.criteria} active criteria;`);
    console.log('the clock stops when the last case is started (case-start outbox drained)');
    console.log(`${pad('run', 26)} ${pad('decl.', 6)} ${pad('decl/s', 8)} ${pad('seconds', 8)} ${pad('decided', 8)} ${pad('cases', 6)} ${pad('case %', 7)} ${pad('criteria%', 9)}`);
    console.log(line('KCS sample', e2e.sample));
    if (e2e.full) console.log(line('KCS valid split (full)', e2e.full));
    else console.log('(full KCS valid split not found at ../shared/data: sample only)');
    for (const [name, r] of [['sample', e2e.sample], ['full split', e2e.full]] as const) {
      if (r) for (const line of cpuReport(name, r)) console.log(line);
    }
    console.log(`Single-declaration HTTP decision latency (${e2e.latencyRuns} sequential requests, worker caught up): p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms`);
  } else {
    console.log('End to end and latency: not measured (no API_URL; `npm run bench` starts a stack and sets it)');
  }
  if (backtest) {
    console.log(`Backtest: one criterion over ${backtest.decisions.toLocaleString('en')} stored decisions (last 28 days) through HTTP: ${backtest.seconds.toFixed(2)} s (${backtest.selected} selected)`);
  }
  const runJson = (r: EndToEndRun) => ({
    declarations: r.declarations,
    declPerSec: round(r.declPerSec),
    seconds: Math.round(r.seconds * 100) / 100,
    decidedSeconds: Math.round(r.decidedSeconds * 100) / 100,
    casesOpened: r.casesOpened,
    caseRate: Math.round(r.caseRate * 1000) / 1000,
    criteriaSelectionRate: Math.round(r.criteriaSelectionRate * 1000) / 1000,
    cpuSeconds: r.cpuSeconds,
    machine: r.machine,
  });
  console.log(
    JSON.stringify({
      criteria: criteriaJson,
      model: { batch1: round(m1.perSec), batch256: round(m256) },
      endToEnd: {
        declPerSec: e2e ? round(e2e.sample.declPerSec) : null,
        criteria: e2e?.criteria ?? 1000,
        ...(e2e ? { sample: runJson(e2e.sample), full: e2e.full ? runJson(e2e.full) : null } : {}),
      },
      latencyMs: { p50: e2e ? Math.round(e2e.p50 * 10) / 10 : null, p99: e2e ? Math.round(e2e.p99 * 10) / 10 : null },
      backtest: backtest ? { decisions: backtest.decisions, seconds: Math.round(backtest.seconds * 100) / 100 } : null,
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
