import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Declaration } from '@customs/domain';
import { loadCriteriaFromDir, readDeclarationFile } from '@customs/io';
import {
  driftFeatures,
  driftReferencePath,
  encodeFeatures,
  featureReference,
  historyKeyDefinitions,
  labelledOutcome,
  MODELS_DIR,
  OutcomeHistory,
  referenceFromQuantiles,
  RiskScorer,
  weeklyDrift,
  type DriftObservation,
  type DriftReferenceFile,
  type LabelledOutcome,
} from '@customs/risk-model';
import { SelectivityEngine } from '@customs/selectivity';
import { forEachDay, sortByDate } from '../bench/declarations';
import { driftTable, roundWeeks } from './format';

/**
 * `npm run drift -- [current.csv] [--reference train.csv|none] [--version 2.0.0] [--min-rows 100]`
 *
 * The weekly drift report of a model version (issue 17). The current declarations are scored
 * through the Node serving path day by day, each day with the supply-chain history as of that
 * day (the reference file, then the current file's earlier days with their inspection results
 * fed back), as `tools/eval/evaluate-model.ts` does; the seed criteria of `rules/` give the
 * fired criterion ids; the model lane comes from the score and the spec's recorded cut-offs.
 *
 * Reference:
 * - score: the spec's recorded validation quantiles (`feature-spec.json` `quantiles`, top 1 % ..
 *   50 %: 8 bins, the lower half one bin), the distribution the lane cut-offs were set on. They
 *   were computed on valid.csv, so on valid.csv the score PSI only shows how much a week varies
 *   around its own split; on later months it is drift proper. (Scoring the training split instead
 *   would compare with in-sample scores, which the model fitted: overconfident, a false shift.)
 * - features: with a reference file (default `../shared/data/kcs-import-declarations/train.csv`
 *   when present), its rows of the model's fit period (`training.fitFrom` ..), encoded with the
 *   history as of each day; without one (fresh clone), the current file itself, pooled: the weeks
 *   are then compared with the file's own mix, weaker but runnable.
 * Current: `valid.csv` beside the reference when present, else `e2e/fixtures/kcs-valid-sample.csv`.
 *
 * Prints a Markdown table and one JSON line `{"drift":{...,"weeks":[...]}}`.
 *
 * `--write-reference [file]` also writes the feature reference (bins and shares per main feature,
 * a `DriftReferenceFile`) to `file`, by default the committed
 * `libs/risk-model/src/drift/references/<name>-<version>.json` the API's drift service reads.
 */
const ROOT = path.resolve(__dirname, '../..');
const DATA = path.resolve(ROOT, '../shared/data/kcs-import-declarations');

interface Row {
  declaration: Declaration;
  fraud: 0 | 1 | null;
  critical: 0 | 1;
}

async function read(file: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of readDeclarationFile(file)) {
    if (!('declaration' in r)) continue; // refused rows are not scored
    out.push(r.labels ? labelledOutcome(r.declaration, r.labels) : { declaration: r.declaration, fraud: null, critical: 0 });
  }
  return sortByDate(out);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const version = option(args, '--version') ?? '2.0.0';
  const minRows = Number(option(args, '--min-rows') ?? 100);
  const referenceArg = option(args, '--reference');
  const writeAt = args.indexOf('--write-reference');
  const writeReference = writeAt < 0 ? undefined : args[writeAt + 1] && !args[writeAt + 1].startsWith('--') ? args.splice(writeAt, 2)[1] : (args.splice(writeAt, 1), '');
  const current = args[0] ?? (existsSync(path.join(DATA, 'valid.csv')) ? path.join(DATA, 'valid.csv') : path.join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv'));
  const referenceFile = referenceArg === 'none' ? undefined : referenceArg ?? (existsSync(path.join(DATA, 'train.csv')) ? path.join(DATA, 'train.csv') : undefined);

  const started = Date.now();
  const scorer = await RiskScorer.load(path.join(MODELS_DIR, version));
  const spec = scorer.spec;
  const features = driftFeatures(spec);
  const history = new OutcomeHistory(historyKeyDefinitions([spec]));
  const addToHistory = (day: Row[]) =>
    history.add(day.filter((r) => r.fraud !== null).map((r): LabelledOutcome => ({ declaration: r.declaration, fraud: r.fraud as 0 | 1, critical: r.critical })));

  // the feature reference: the fit period of the reference file, encoded with the history as of each day
  const fitFrom = typeof spec.training['fitFrom'] === 'string' ? (spec.training['fitFrom'] as string) : '';
  const referenceRows: Float32Array[] = [];
  if (referenceFile) {
    await forEachDay(await read(referenceFile), (day) => {
      if (day[0].declaration.date >= fitFrom) {
        const m = encodeFeatures(day.map((r) => r.declaration), spec, scorer.needsHistory ? history : undefined);
        for (let i = 0; i < day.length; i++) referenceRows.push(m.subarray(i * spec.numFeatures, (i + 1) * spec.numFeatures));
      }
      addToHistory(day);
    });
  }

  // the current declarations, scored day by day with the history as of each day
  const engine = SelectivityEngine.compile(loadCriteriaFromDir(path.join(ROOT, 'rules')));
  const { red, yellow } = spec.thresholds;
  const observations: DriftObservation[] = [];
  const currentRows: Float32Array[] = [];
  const rows = await read(current);
  await forEachDay(rows, async (day) => {
    const scored = await scorer.scoreDetailed(day.map((r) => r.declaration), scorer.needsHistory ? history : undefined);
    scored.forEach((s, k) => {
      currentRows.push(s.features);
      observations.push({
        date: day[k].declaration.date,
        score: s.score,
        features: Object.fromEntries(features.map((f) => [f.name, s.features[f.index]])),
        lane: s.score >= red.score ? 'RED' : s.score >= yellow.score ? 'YELLOW' : 'GREEN',
        criteria: engine.evaluateNow(day[k].declaration).fired.map((f) => f.id),
        fraud: day[k].fraud,
      });
    });
    addToHistory(day); // inspection results fed back
  });
  await scorer.close();

  const reference = {
    score: referenceFromQuantiles(spec.quantiles),
    features: featureReference(features, referenceRows.length ? referenceRows : currentRows),
  };
  const weeks = weeklyDrift(reference, observations, { cutoffs: { red, yellow }, minRows });
  const rel = (f: string) => path.relative(ROOT, f);
  if (writeReference !== undefined) {
    const out = writeReference || driftReferencePath(scorer.name, version);
    const file: DriftReferenceFile = {
      model: { name: scorer.name, version },
      source: referenceRows.length
        ? { file: rel(referenceFile!), from: fitFrom || null, rows: referenceRows.length, kind: 'train' }
        : { file: rel(current), from: null, rows: currentRows.length, kind: 'sample' },
      features: reference.features,
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(file, (_k, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v)) + '\n');
    process.stderr.write(`drift: feature reference written to ${rel(out)}\n`);
  }
  process.stdout.write(
    `## Drift of ${scorer.name} ${version}: ${rel(current)} (${rows.length} declarations) by ISO week\n` +
      `score reference: spec quantiles (validation ${JSON.stringify((spec.training['validPeriod'] as unknown) ?? '')}); ` +
      `feature reference: ${referenceRows.length ? `${rel(referenceFile!)} from ${fitFrom} (${referenceRows.length} rows)` : `${rel(current)} itself, pooled (no reference file)`}; ` +
      `${features.length} features (history counts and calendar left out); PSI WARN > 0.1, ALERT > 0.25; weeks under ${minRows} rows raise no alerts\n\n` +
      driftTable(weeks, new Set(features.filter((f) => f.history).map((f) => f.name))) +
      '\n\n',
  );
  process.stdout.write(
    JSON.stringify({
      drift: {
        model: `${scorer.name} ${version}`,
        current: rel(current),
        scoreReference: 'feature-spec.json quantiles',
        featureReference: referenceRows.length ? { file: rel(referenceFile!), from: fitFrom, rows: referenceRows.length } : { file: rel(current), pooled: true },
        seconds: (Date.now() - started) / 1000,
        weeks: roundWeeks(weeks),
      },
    }) + '\n',
  );
}

main().catch((e: Error) => {
  process.stderr.write(`drift: ${e.stack}\n`);
  process.exit(1);
});
