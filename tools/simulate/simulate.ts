/**
 * `npm run simulate -- [--source sample|valid] [--capacity 0.05] [--explore 0.1] [--control 0.05] [--seed 17] [--version 2.0.0]`
 *
 * The selection-policy simulator (issue 17): replays the KCS import declarations day by day,
 * each office inspecting at most `--capacity` of its day's declarations (at least 1), under four
 * policies with the same capacity: `criteria` (the seed criteria of `rules/`, by lane), `exploit`
 * (the deciding model's highest scores), `explore` (the model with `--explore` of the capacity
 * drawn at random among the rest) and `control` (the model with `--control` of the capacity a
 * uniform random sample). The model is scored through the Node path (`RiskScorer`, TypeScript
 * encoder, onnxruntime-node) with each policy's own supply-chain history, which receives only the
 * outcomes of that policy's inspections, after their day.
 *
 * Data: `--source valid` (default when `../shared/data/kcs-import-declarations/` is beside the
 * repository) replays valid.csv (2021-01..03) with every policy's history seeded from train.csv
 * (2020, all inspected); `--source sample` replays the bundled 1,000-row fixture
 * `e2e/fixtures/kcs-valid-sample.csv` from an empty history (runs on a fresh clone).
 * Prints a table and one JSON line `{"simulation":{...}}` to stdout.
 *
 * `--out <file>` also writes the per-office artefact (`office-results.ts`, what the office
 * risk-policy page shows): `criteria` and `exploit` once, then `explore` at each share of
 * `--sweep-explore` (default 0.05,0.1,0.2) and `control` at each of `--sweep-control` (default
 * 0.02,0.05,0.1), every run with the same seed and capacity. The committed
 * `tools/simulate/results/office-shares.json` is `--out` on the valid split.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadCriteriaFromDir } from '@customs/io';
import { historyKeyDefinitions, MODELS_DIR, RiskScorer, type LabelledOutcome } from '@customs/risk-model';
import { SelectivityEngine } from '@customs/selectivity';
import { FULL, readLabelled, SAMPLE, sortByDate } from '../bench/declarations';
import { againstExploitation, formatAgainstExploitation, formatTable } from './metrics';
import { POLICY_NAMES } from './policies';
import { officeResults } from './office-results';
import { replay, type ReplayOptions } from './replay';

const ROOT = join(__dirname, '../..');
const TRAIN = join(dirname(FULL), 'train.csv');

/** The value of `--name` in `args`, or `fallback`. */
function option(args: readonly string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

function share(args: readonly string[], name: string, fallback: number): number {
  const x = Number(option(args, name, String(fallback)));
  if (!(x >= 0 && x <= 1)) throw new Error(`--${name} must be a share in [0, 1]`);
  return x;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const haveSplits = existsSync(FULL) && existsSync(TRAIN);
  const source = option(args, 'source', haveSplits ? 'valid' : 'sample');
  if (source !== 'valid' && source !== 'sample') throw new Error('--source must be sample or valid');
  if (source === 'valid' && !haveSplits) throw new Error(`--source valid needs ${FULL} and ${TRAIN}`);
  const capacity = share(args, 'capacity', 0.05);
  const shares = { explore: share(args, 'explore', 0.1), control: share(args, 'control', 0.05) };
  const seed = Number(option(args, 'seed', '17'));
  const version = option(args, 'version', '2.0.0');

  const rows = sortByDate(await readLabelled(source === 'valid' ? FULL : SAMPLE));
  const seedHistory: LabelledOutcome[] = source === 'valid' ? sortByDate(await readLabelled(TRAIN)) : [];
  const engine = SelectivityEngine.compile(loadCriteriaFromDir(join(ROOT, 'rules')));
  const scorer = await RiskScorer.load(join(MODELS_DIR, version));
  const started = Date.now();
  try {
    const common: Omit<ReplayOptions, 'shares' | 'policies'> = {
      capacity,
      seed,
      seedHistory,
      keyDefinitions: historyKeyDefinitions([scorer.spec]),
      screen: (d) => {
        const r = engine.evaluateNow(d);
        return { lane: r.lane, fired: r.fired.length };
      },
      score: async (decls, history) => (await scorer.scoreDetailed(decls, scorer.needsHistory ? history : undefined)).map((s) => s.score),
    };
    const result = await replay(rows, { ...common, shares });
    const policies = result.policies as Parameters<typeof formatTable>[0];
    console.log(
      `Selection-policy simulation: ${result.declarations} declarations over ${result.days} days (${source === 'valid' ? 'KCS valid split, history seeded from train' : 'bundled sample, empty history'}), ` +
        `${result.totalFraud} fraudulent; capacity ${capacity * 100} % per office-day (at least 1), exploration ${shares.explore * 100} %, control ${shares.control * 100} % of capacity; ` +
        `model ${scorer.name} ${scorer.version}; seed ${seed}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(formatTable(policies));
    const exploitFound = result.found.exploit;
    const against = exploitFound
      ? Object.fromEntries(POLICY_NAMES.filter((p) => p !== 'exploit' && result.found[p]).map((p) => [p, againstExploitation(result.found[p]!, exploitFound)]))
      : {};
    if (exploitFound) console.log(`\nAgainst pure exploitation (fraudulent declarations each found that the other did not):\n${formatAgainstExploitation(against)}`);
    console.log(JSON.stringify({ simulation: { policies, againstExploitation: against, declarations: result.declarations, days: result.days, totalFraud: result.totalFraud, capacity, shares, seed, model: `${scorer.name} ${scorer.version}`, source } }));
    const out = option(args, 'out', '');
    if (out) {
      const list = (name: string, fallback: string) => option(args, name, fallback).split(',').map((x) => {
        const v = Number(x);
        if (!(v >= 0 && v <= 1)) throw new Error(`--${name} must be shares in [0, 1], comma-separated`);
        return v;
      });
      const sweep = async (policy: 'explore' | 'control', values: number[]) => {
        const runs = [];
        for (const share of values) runs.push({ share, result: await replay(rows, { ...common, shares: { ...shares, [policy]: share }, policies: [policy] }) });
        return runs;
      };
      const explore = await sweep('explore', list('sweep-explore', '0.05,0.1,0.2'));
      const control = await sweep('control', list('sweep-control', '0.02,0.05,0.1'));
      const artefact = officeResults(
        { source, model: `${scorer.name} ${scorer.version}`, capacity, seed, from: rows[0]?.declaration.date ?? '', to: rows[rows.length - 1]?.declaration.date ?? '', command: `npm run simulate -- ${args.join(' ')}` },
        result,
        explore,
        control,
      );
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, JSON.stringify(artefact, null, 1) + '\n');
      process.stderr.write(`simulate: per-office results written to ${relative(process.cwd(), out)} (${Object.keys(artefact.offices).length} offices)\n`);
    }
  } finally {
    await scorer.close();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`simulate: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
