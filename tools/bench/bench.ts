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
 * - express manifest end to end (with `API_URL`, after the declarations): a 10,000-waybill
 *   synthetic manifest sent as one `POST /api/express/manifests` with the three express criteria
 *   of the library stage written and approved through the API (see `measureExpressEndToEnd`);
 *   `expressEndToEnd` in the JSON line (seconds, waybills/s; the issue's target is under 10 s);
 *   then the X-ray page in Debian's Chromium on that queue: ms from the decision key to the next
 *   item on screen over 100 waybills (`xrayPage`: p50, p95, max; `tools/bench/xray-page.ts`).
 *
 * Environment: BENCH_SECONDS (minimum seconds per measurement), BENCH_SIZES (comma list),
 * BENCH_FULL=0 to skip the full validation split even when present, BENCH_STAGES (comma list of
 * `criteria`, `model`, `express`, `end-to-end`; default all: `express` is the express library
 * stage and, with API_URL, the express end-to-end line; `end-to-end` the declarations' end to
 * end, latency and backtest). Stages left out print `null`. E.g. only the express lines:
 * `BENCH_STAGES=express BENCH_CLUSTER=0 npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadRuntimeConfig } from '@customs/config';
import { Declaration } from '@customs/domain';
import { historyKeyDefinitions, OutcomeHistory, RiskScorer } from '@customs/risk-model';
import { RulesEngineReference, SelectivityEngine } from '@customs/selectivity';
import { generateCriteria } from './generate-criteria';
import { fullSplit, readLabelled, SAMPLE } from './declarations';
import { measureBacktest, type BacktestFigures } from './backtest';
import { measureEndToEnd, type EndToEndFigures } from './end-to-end';
import { endToEndReport, round, runJson } from './end-to-end-report';
import { measureExpressStage } from './express-stage';
import { expressEndToEndLine, measureExpressEndToEnd, type ExpressEndToEndFigures } from './express-end-to-end';
import { measureXrayPage, xrayPageLine, type XrayPageFigures } from './xray-page';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,10000').split(',').map(Number);
const STAGE_NAMES = ['criteria', 'model', 'express', 'end-to-end'] as const;
const STAGES = new Set((process.env.BENCH_STAGES ?? STAGE_NAMES.join(',')).split(',').map((x) => x.trim()).filter((x) => x !== ''));
for (const stage of STAGES) {
  if (!(STAGE_NAMES as readonly string[]).includes(stage)) throw new Error(`BENCH_STAGES: unknown stage ${stage} (known: ${STAGE_NAMES.join(', ')})`);
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

/** The model stage: `RiskScorer.scoreDetailed` at batches of 1 and 256, declarations per second. */
async function measureModel(labelled: Awaited<ReturnType<typeof readLabelled>>): Promise<{ m1: number; m256: number; modelName: string }> {
  const decls = labelled.map((r) => r.declaration);
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
  return { m1: m1.perSec, m256, modelName };
}

async function main(): Promise<void> {
  const labelled = await readLabelled(SAMPLE);
  const decls = labelled.map((r) => r.declaration);
  const criteriaJson: Record<string, { fast: number; plain: number; ratio: number; firedPerDecl: number; selectionRate: number }> = {};
  const rows: string[][] = [];
  for (const size of STAGES.has('criteria') ? SIZES : []) {
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

  const model = STAGES.has('model') ? await measureModel(labelled) : null;

  const pad = (s: string, n: number) => s.padStart(n);
  if (STAGES.has('criteria')) {
    console.log('Criteria stage (declarations/s, one core, KCS sample of 1,000 rows)');
    console.log(`${pad('criteria', 9)} ${pad('fast', 10)} ${pad('plain json-rules-engine', 26)} ${pad('ratio', 9)} ${pad('fired/decl', 11)} ${pad('selected', 9)}`);
    for (const r of rows) console.log(`${pad(r[0], 9)} ${pad(r[1], 10)} ${pad(r[2], 26)} ${pad(r[3], 9)} ${pad(r[4], 11)} ${pad(r[5], 9)}`);
    console.log('');
  }
  if (model) {
    console.log(`Model stage (declarations/s, ${model.modelName}, features + supply-chain history + onnxruntime-node)`);
    console.log(`${pad('batch 1', 9)} ${pad(String(round(model.m1)), 10)}`);
    console.log(`${pad('batch 256', 9)} ${pad(String(round(model.m256)), 10)}`);
    console.log('');
  }
  const express = STAGES.has('express') ? measureExpressStage() : null;
  if (express) {
    console.log(
      `Express manifest stage (library: facts + criteria, no HTTP): ${express.waybills.toLocaleString('en')} synthetic waybills, ${express.criteria} criteria, ` +
        `${express.ms} ms (${express.waybillsPerSec.toLocaleString('en')} waybills/s), ${express.selected} selected`,
    );
    console.log('');
  }
  const api = process.env.API_URL;
  let e2e: EndToEndFigures | null = null;
  let backtest: BacktestFigures | null = null;
  let expressE2e: ExpressEndToEndFigures | null = null;
  let xrayPage: XrayPageFigures | null = null;
  if (api) {
    const { databaseUrl, databaseOwnerUrl } = loadRuntimeConfig(process.env);
    if (STAGES.has('end-to-end')) {
      e2e = await measureEndToEnd(api, databaseUrl, decls, await fullSplit());
      backtest = await measureBacktest(api, databaseUrl, databaseOwnerUrl);
    }
    // After the declarations' figures, so that they are measured on a database as fresh as before.
    if (STAGES.has('express')) {
      expressE2e = await measureExpressEndToEnd(api, databaseUrl);
      // On the 10,000 waybills the manifest just put in centre 40's X-ray queue.
      xrayPage = await measureXrayPage(api);
    }
  }
  if (e2e) {
    for (const line of endToEndReport(e2e)) console.log(line);
  } else if (STAGES.has('end-to-end')) {
    console.log('End to end and latency: not measured (no API_URL; `npm run bench` starts a stack and sets it)');
  }
  if (backtest) {
    console.log(`Backtest: one criterion over ${backtest.decisions.toLocaleString('en')} stored decisions (last 28 days) through HTTP: ${backtest.seconds.toFixed(2)} s (${backtest.selected} selected)`);
  }
  if (expressE2e) console.log(expressEndToEndLine(expressE2e));
  if (expressE2e) console.log(xrayPageLine(xrayPage));
  else if (STAGES.has('express')) console.log('Express manifest end to end: not measured (no API_URL; `npm run bench` starts a stack and sets it)');
  const result = {
    criteria: criteriaJson,
    model: model ? { batch1: round(model.m1), batch256: round(model.m256) } : null,
    expressManifest: express,
    expressEndToEnd: expressE2e,
    xrayPage,
    endToEnd: {
      declPerSec: e2e ? round(e2e.sample.declPerSec) : null,
      criteria: e2e?.criteria ?? 1000,
      ...(e2e ? { sample: runJson(e2e.sample), full: e2e.full ? runJson(e2e.full) : null } : {}),
    },
    latencyMs: {
      p50: e2e ? Math.round(e2e.p50 * 10) / 10 : null,
      p99: e2e ? Math.round(e2e.p99 * 10) / 10 : null,
      halfLoad: e2e ? { p50: Math.round(e2e.halfLoad.p50 * 10) / 10, p99: Math.round(e2e.halfLoad.p99 * 10) / 10, declPerSec: round(e2e.halfLoad.sentDeclPerSec) } : null,
    },
    backtest: backtest ? { decisions: backtest.decisions, seconds: Math.round(backtest.seconds * 100) / 100 } : null,
  };
  console.log(JSON.stringify(result));
  // for the side-by-side with the production topology (tools/bench/cluster-bench.ts)
  if (process.env.BENCH_JSON_FILE) writeFileSync(process.env.BENCH_JSON_FILE, `${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
