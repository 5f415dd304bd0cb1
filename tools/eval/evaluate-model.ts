import * as path from 'node:path';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { historyKeyDefinitions, labelledOutcome, MODELS_DIR, OutcomeHistory, precisionAt, RiskScorer, rocAuc, type LabelledOutcome } from '@customs/risk-model';
import { forEachDay, sortByDate } from '../bench/declarations';

/**
 * `npm run model:evaluate -- <history.csv> <evaluate.csv> [--version 2.0.0] [--compare 2.0.0[,1.0.0]]`
 *
 * Measures a model version through the Node serving path (the TypeScript feature encoder,
 * the supply-chain history index and onnxruntime-node), strictly in time order: the rows of
 * `evaluate.csv` are scored day by day, each with the history of `history.csv` plus the
 * evaluated rows of the earlier days (their inspection results fed back as they arrive), as
 * serving does. Labels are read only to build the history and to measure.
 * Prints one JSON line per version: precision@1/2/5/10/20% (share of frauds among the n%
 * highest scores), ROC AUC, and the critical-fraud recall among the top 1% of the critical model.
 * A version containing '/' is a model folder path instead of a folder of libs/risk-model/models.
 * With `--compare`, each compared version is measured the same way (its own history index over
 * the same rows) and a table of `--version` against them is printed to stderr before the JSON lines.
 * e.g. `npm run model:evaluate -- ../shared/data/kcs-import-declarations/train.csv ../shared/data/kcs-import-declarations/valid.csv --version 3.0.0 --compare 2.0.0`
 */
type Labelled = { declaration: Declaration; fraud: 0 | 1; critical: 0 | 1 };

async function read(file: string): Promise<Labelled[]> {
  const out = [];
  for await (const r of readDeclarationFile(file)) {
    if (!('declaration' in r) || !r.labels) throw new Error(`${file} row ${r.rowNumber}: no valid declaration with labels`);
    out.push(labelledOutcome(r.declaration, r.labels));
  }
  return out;
}

/** The figures of one version; precisions and AUC rounded to 4 decimals, `seconds` wall time of the scoring. */
type Evaluation = Record<string, string | number | null | string[]>;

/**
 * Scores `rows` (sorted by date) day by day with model `version` of `MODELS_DIR` (or the model folder
 * `version` when it contains a '/', e.g. a candidate written elsewhere with `train_v3.py --out`), each day with the
 * outcomes of `past` and of the earlier days as history, and measures the scores against the labels.
 * @throws Error when the version folder does not hold a loadable model.
 */
async function evaluate(version: string, past: readonly Labelled[], rows: readonly Labelled[]): Promise<Evaluation> {
  const scorer = await RiskScorer.load(version.includes('/') ? path.resolve(version) : path.join(MODELS_DIR, version));
  try {
    const history = new OutcomeHistory(historyKeyDefinitions([scorer.spec]));
    history.add(past.map((r): LabelledOutcome => ({ declaration: r.declaration, fraud: r.fraud, critical: r.critical })));
    const started = Date.now();
    const fraud: number[] = [];
    const critical: number[] = [];
    const scores: number[] = [];
    const criticalScores: number[] = [];
    await forEachDay(rows, async (day) => {
      const scored = await scorer.scoreDetailed(day.map((r) => r.declaration), scorer.needsHistory ? history : undefined);
      scored.forEach((s, k) => {
        scores.push(s.score);
        criticalScores.push(s.criticalScore ?? s.score);
        fraud.push(day[k].fraud);
        critical.push(day[k].critical);
      });
      history.add(day.map((r) => ({ declaration: r.declaration, fraud: r.fraud, critical: r.critical }))); // results fed back
    });
    const top1 = Math.max(1, Math.round(rows.length * 0.01));
    const order = criticalScores.map((s, i) => i).sort((a, b) => criticalScores[b] - criticalScores[a] || a - b).slice(0, top1);
    const criticalTotal = critical.reduce((a, b) => a + b, 0);
    const r4 = (x: number) => Math.round(x * 10000) / 10000;
    return {
      model: `${scorer.name} ${scorer.version}`,
      path: 'Node: TypeScript encoder + OutcomeHistory + onnxruntime-node',
      rows: rows.length,
      period: [rows[0].declaration.date, rows[rows.length - 1].declaration.date],
      'precision@1%': r4(precisionAt(fraud, scores, 0.01)),
      'precision@2%': r4(precisionAt(fraud, scores, 0.02)),
      'precision@5%': r4(precisionAt(fraud, scores, 0.05)),
      'precision@10%': r4(precisionAt(fraud, scores, 0.1)),
      'precision@20%': r4(precisionAt(fraud, scores, 0.2)),
      rocAuc: r4(rocAuc(fraud, scores) ?? NaN),
      criticalRecallTop1pct: scorer.hasCriticalModel ? r4(order.reduce((a, i) => a + critical[i], 0) / criticalTotal) : null,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await scorer.close();
  }
}

const COMPARED = ['precision@1%', 'precision@2%', 'precision@5%', 'precision@10%', 'precision@20%', 'rocAuc', 'criticalRecallTop1pct'];

/** A markdown table: one row per figure, one column per version, and the difference of the first version to each other. */
function comparisonTable(evals: Evaluation[]): string {
  const [first, ...others] = evals;
  const head = ['figure', ...evals.map((e) => String(e.model)), ...others.map((o) => `${first.model} - ${o.model}`)];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : '-');
  for (const k of COMPARED) {
    const diffs = others.map((o) => (typeof first[k] === 'number' && typeof o[k] === 'number' ? ((first[k] as number) - (o[k] as number) >= 0 ? '+' : '') + ((first[k] as number) - (o[k] as number)).toFixed(4) : '-'));
    lines.push(`| ${k} | ${evals.map((e) => fmt(e[k])).join(' | ')} | ${diffs.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const version = option('--version') ?? '2.0.0';
  const compare = (option('--compare') ?? '').split(',').filter((v) => v !== '' && v !== version);
  const [historyFile, evalFile] = args;
  if (!historyFile || !evalFile) {
    process.stderr.write('usage: npm run model:evaluate -- <history.csv> <evaluate.csv> [--version 2.0.0] [--compare 2.0.0[,1.0.0]]\n');
    process.exit(2);
  }
  const past = sortByDate(await read(historyFile));
  const rows = sortByDate(await read(evalFile));
  const evals: Evaluation[] = [];
  for (const v of [version, ...compare]) evals.push(await evaluate(v, past, rows));
  if (compare.length > 0) process.stderr.write(comparisonTable(evals));
  for (const e of evals) process.stdout.write(JSON.stringify(e) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`model:evaluate: ${e.stack}\n`);
  process.exit(1);
});
