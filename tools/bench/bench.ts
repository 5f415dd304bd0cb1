/**
 * Screening benchmark (issue 6): `npm run bench`. Not part of `npm test`.
 *
 * Prints a table, then one JSON line:
 *   {"criteria":{"100":{"fast":F,"plain":P,"ratio":R},...,"10000":{...}},
 *    "model":{"batch1":M1,"batch256":M256},"endToEnd":{"declPerSec":E,"criteria":1000},
 *    "latencyMs":{"p50":L50,"p99":L99}}
 * Numbers are declarations per second unless named otherwise.
 *
 * - criteria stage: the bundled KCS sample (e2e/fixtures/kcs-valid-sample.csv, goods
 *   descriptions from the HS nomenclature) screened by `SelectivityEngine` (the fast path)
 *   and by a plain json-rules-engine `Engine.run` over every criterion in force
 *   (`RulesEngineReference`), at 100, 1,000, 5,000 and 10,000 generated ACTIVE criteria
 *   (see `generateCriteria`). Each measurement runs for at least `BENCH_SECONDS` (default 2)
 *   on one core; the plain engine, slow at large sizes, is measured on however many
 *   declarations fit in that time (at least 3), which is the "sample" the issue allows.
 * - model stage: `RiskScorer.scoreBatch` with batches of 1 and 256 declarations.
 * - end to end and latency: need a running stack loaded with 1,000 criteria; not measured
 *   by this script yet, printed as `null`.
 *
 * Environment: BENCH_SECONDS (minimum seconds per measurement), BENCH_SIZES (comma list).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Declaration, HsNomenclature, readDeclarationFile } from '@customs/domain';
import { RiskScorer } from '@customs/risk-model';
import { RulesEngineReference, SelectivityEngine } from '@customs/selectivity';
import { generateCriteria } from './generate-criteria';
import { measureEndToEnd } from './end-to-end';

const ROOT = join(__dirname, '../..');
const SAMPLE = join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000,10000').split(',').map(Number);

async function sample(): Promise<Declaration[]> {
  const hs = HsNomenclature.default();
  const out: Declaration[] = [];
  for await (const rec of readDeclarationFile(SAMPLE)) {
    if (!('declaration' in rec)) throw new Error(`${SAMPLE} row ${rec.rowNumber}: ${rec.error}`);
    const d = rec.declaration;
    out.push(d.goodsDescription === undefined ? { ...d, goodsDescription: hs.describe(d.hsCode) ?? undefined } : d);
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

const round = (x: number) => (x >= 100 ? Math.round(x) : Math.round(x * 10) / 10);

async function main(): Promise<void> {
  const decls = await sample();
  const criteriaJson: Record<string, { fast: number; plain: number; ratio: number }> = {};
  const rows: string[][] = [];
  for (const size of SIZES) {
    const criteria = generateCriteria(size, decls, 42);
    const fast = SelectivityEngine.compile(criteria);
    for (const d of decls) fast.evaluateNow(d); // warm-up: builds the indexes, JIT
    const f = await rate(decls, SECONDS, decls.length, (d) => fast.evaluateNow(d));
    let firedTotal = 0;
    for (const d of decls) firedTotal += fast.evaluateNow(d).fired.length;

    const plain = new RulesEngineReference(criteria);
    await plain.fired(decls[0]); // warm-up
    // Offset so the plain run does not only see the first (cached-engine) declarations.
    const shuffled = decls.map((_, i) => decls[(i * 7919) % decls.length]);
    const p = await rate(shuffled, SECONDS, 3, (d) => plain.fired(d));
    criteriaJson[String(size)] = { fast: round(f.perSec), plain: round(p.perSec), ratio: round(f.perSec / p.perSec) };
    rows.push([
      String(size),
      String(round(f.perSec)),
      `${round(p.perSec)}${p.count < decls.length ? ` (${p.count} decl.)` : ''}`,
      `${round(f.perSec / p.perSec)}x`,
      (firedTotal / decls.length).toFixed(2),
    ]);
    process.stderr.write(`bench: ${size} criteria done\n`);
  }

  const scorer = await RiskScorer.load();
  await scorer.scoreBatch(decls.slice(0, 256)); // warm-up
  const m1 = await rate(decls, SECONDS, 100, (d) => scorer.scoreBatch([d]));
  const batches: Declaration[][] = [];
  for (let i = 0; i + 256 <= decls.length; i += 256) batches.push(decls.slice(i, i + 256));
  const start = performance.now();
  let scored = 0;
  while (scored < 2560 || performance.now() - start < SECONDS * 1000) {
    await scorer.scoreBatch(batches[(scored / 256) % batches.length]);
    scored += 256;
  }
  const m256 = scored / ((performance.now() - start) / 1000);
  await scorer.close();

  const pad = (s: string, n: number) => s.padStart(n);
  console.log('Criteria stage (declarations/s, one core, KCS sample of 1,000 rows)');
  console.log(`${pad('criteria', 9)} ${pad('fast', 10)} ${pad('plain json-rules-engine', 26)} ${pad('ratio', 9)} ${pad('fired/decl', 11)}`);
  for (const r of rows) console.log(`${pad(r[0], 9)} ${pad(r[1], 10)} ${pad(r[2], 26)} ${pad(r[3], 9)} ${pad(r[4], 11)}`);
  console.log('');
  console.log('Model stage (declarations/s, RiskScorer, onnxruntime-node)');
  console.log(`${pad('batch 1', 9)} ${pad(String(round(m1.perSec)), 10)}`);
  console.log(`${pad('batch 256', 9)} ${pad(String(round(m256)), 10)}`);
  console.log('');
  const api = process.env.API_URL;
  const e2e = api ? await measureEndToEnd(api, decls) : null;
  if (e2e) {
    console.log(`End to end (HTTP batches of 500 -> Postgres + case starts, ${e2e.criteria} active criteria, KCS sample of ${decls.length}): ${round(e2e.declPerSec)} declarations/s`);
    console.log(`Single-declaration HTTP decision latency: p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms`);
  } else {
    console.log('End to end and latency: not measured (no API_URL; `npm run bench` starts a stack and sets it)');
  }
  console.log(
    JSON.stringify({
      criteria: criteriaJson,
      model: { batch1: round(m1.perSec), batch256: round(m256) },
      endToEnd: { declPerSec: e2e ? round(e2e.declPerSec) : null, criteria: e2e?.criteria ?? 1000 },
      latencyMs: { p50: e2e ? Math.round(e2e.p50 * 10) / 10 : null, p99: e2e ? Math.round(e2e.p99 * 10) / 10 : null },
    }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
