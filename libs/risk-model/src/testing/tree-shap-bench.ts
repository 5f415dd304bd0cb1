/**
 * Speed and accuracy of TreeExplainer on a fixture file, outside Jest.
 *
 *   libs/risk-model/.venv/bin/python libs/risk-model/python/make_tree_shap_fixtures.py --bench /tmp/tree-shap
 *   node -r @swc-node/register libs/risk-model/src/testing/tree-shap-bench.ts /tmp/tree-shap/tree-shap-bench.json
 *
 * Prints, per case: trees, leaves, max |TreeExplainer - LightGBM| over the rows, and rows/s of
 * `contributions` and of `rawScore` per CPU second (one thread). Default file: the committed unit-test fixture.
 */
import { TreeExplainer } from '../tree-shap';
import { loadTreeShapFixtures, TREE_SHAP_FIXTURES } from './load-tree-shap-fixtures';

/** Rows per second of CPU time (user + system of this process: fair on a busy machine). */
function rate(rows: Float32Array[], minSeconds: number, fn: (x: Float32Array) => unknown): number {
  const start = process.cpuUsage();
  let n = 0;
  let seconds = 0;
  do {
    for (const x of rows) fn(x);
    n += rows.length;
    const used = process.cpuUsage(start);
    seconds = (used.user + used.system) / 1e6;
  } while (seconds < minSeconds);
  return n / seconds;
}

function main(file: string): void {
  for (const c of loadTreeShapFixtures(file).cases) {
    const explainer = new TreeExplainer(c.model, c.name);
    const rows = c.rows.map((r) => Float32Array.from(r, (v) => (v === null ? NaN : v)));
    let maxAbs = 0;
    rows.forEach((x, n) => {
      const { bias, values } = explainer.contributions(x);
      maxAbs = Math.max(maxAbs, Math.abs(bias - c.contributions[n][explainer.numFeatures]));
      values.forEach((v, i) => (maxAbs = Math.max(maxAbs, Math.abs(v - c.contributions[n][i]))));
      maxAbs = Math.max(maxAbs, Math.abs(explainer.rawScore(x) - c.rawScores[n]));
    });
    const leaves = c.model.trees.reduce((s, t) => s + t.leafValue.length, 0);
    const shap = rate(rows, 3, (x) => explainer.contributions(x));
    const score = rate(rows, 1, (x) => explainer.rawScore(x));
    console.log(
      `${c.name}: ${explainer.numTrees} trees, ${leaves} leaves, ${rows.length} rows; ` +
        `max |diff| vs LightGBM ${maxAbs.toExponential(2)}; contributions ${Math.round(shap)} rows/s; rawScore ${Math.round(score)} rows/s`,
    );
  }
}

main(process.argv[2] ?? TREE_SHAP_FIXTURES);
