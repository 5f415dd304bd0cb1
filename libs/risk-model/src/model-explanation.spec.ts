import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MODELS_DIR, RiskScorer } from './risk-scorer';
import { TreeExplainer } from './tree-shap';

/**
 * The shipped 2.0.0 and 3.0.0 models' explanations against Python: LightGBM's own SHAP contributions
 * (`pred_contrib`, written into parity-fixtures.json by python/train.py, train_v3.py) for every fixture row.
 */
describe.each(['2.0.0', '3.0.0'])('%s score explanations (parity with LightGBM pred_contrib)', (version) => {
  const dir = path.join(MODELS_DIR, version);
  const fixtures: { featureNames: string[]; rows: Array<{ features: number[]; score: number; contributions: number[] }> } =
    JSON.parse(readFileSync(path.join(dir, 'parity-fixtures.json'), 'utf8'));
  const explainer = TreeExplainer.load(path.join(dir, 'trees.json'));

  it('gives every fixture row the contributions and bias LightGBM gives', () => {
    expect(explainer.numFeatures).toBe(fixtures.featureNames.length);
    let worst = 0;
    for (const row of fixtures.rows) {
      const { bias, values } = explainer.contributions(Float32Array.from(row.features));
      const expected = row.contributions;
      expect(values.length + 1).toBe(expected.length);
      worst = Math.max(worst, Math.abs(bias - expected[expected.length - 1]));
      values.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - expected[j]))));
    }
     
    console.log(`max |TS - LightGBM| contribution over ${fixtures.rows.length} rows x ${fixtures.featureNames.length + 1}: ${worst}`);
    expect(worst).toBeLessThanOrEqual(1e-9);
  });

  it('adds up to the served score: sigmoid(bias + sum of contributions) = the ONNX fraud score', async () => {
    const scorer = await RiskScorer.load(dir);
    try {
      for (const row of fixtures.rows.slice(0, 50)) {
        const e = scorer.explain(Float32Array.from(row.features), 5)!;
        expect(e.top).toHaveLength(5);
        expect(1 / (1 + Math.exp(-e.rawScore))).toBeCloseTo(row.score, 5);
        const mags = e.top.map((t) => Math.abs(t.contribution));
        expect([...mags].sort((a, b) => b - a)).toEqual(mags);
        for (const t of e.top) expect(t.feature).toBe(fixtures.featureNames[t.index]);
      }
    } finally {
      await scorer.close();
    }
  });
});
