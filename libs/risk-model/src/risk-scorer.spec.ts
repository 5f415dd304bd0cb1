import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Declaration } from '@customs/domain';
import { DEFAULT_MODEL_DIR, RiskModelError, RiskScorer } from './risk-scorer';
import { encodeFeatures } from './feature-encoder';
import { FeatureSpecError } from './feature-spec';

interface FixtureRow {
  declaration: Declaration;
  score: number;
  lightgbmScore: number;
  features: number[];
}
interface Fixtures {
  model: { name: string; version: string };
  featureNames: string[];
  rows: FixtureRow[];
}

const fixtures: Fixtures = JSON.parse(readFileSync(path.join(DEFAULT_MODEL_DIR, 'parity-fixtures.json'), 'utf8'));
const decls = fixtures.rows.map((r) => r.declaration);

describe('RiskScorer (parity with Python)', () => {
  let scorer: RiskScorer;
  beforeAll(async () => {
    scorer = await RiskScorer.load();
  });
  afterAll(async () => {
    await scorer.close();
  });

  it('loads name, version and quantiles from the spec', () => {
    expect(scorer.name).toBe('kcs-fraud-gbdt');
    expect(scorer.name).toBe(fixtures.model.name);
    expect(scorer.version).toBe(fixtures.model.version);
    expect(scorer.quantiles.length).toBeGreaterThanOrEqual(5);
    const tops = scorer.quantiles.map((q) => q.topShare);
    expect(tops).toEqual(expect.arrayContaining([0.01, 0.02, 0.05, 0.1, 0.2]));
    // a larger top share has a lower (or equal) cut-off
    const sorted = [...scorer.quantiles].sort((a, b) => a.topShare - b.topShare);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].score).toBeLessThanOrEqual(sorted[i - 1].score);
    expect(scorer.thresholds.red.score).toBeGreaterThan(scorer.thresholds.yellow.score);
  });

  it('has about 200 fixtures, none with labels', () => {
    expect(fixtures.rows.length).toBeGreaterThanOrEqual(190);
    for (const r of fixtures.rows) {
      expect(r.declaration).not.toHaveProperty('fraud');
      expect(r.declaration).not.toHaveProperty('criticalFraud');
    }
  });

  it('encodes every fixture row bit-for-bit like Python', () => {
    const x = encodeFeatures(decls, scorer.spec);
    const nf = scorer.spec.numFeatures;
    expect(fixtures.featureNames).toEqual(scorer.spec.features.map((f) => f.name));
    const mismatches: string[] = [];
    fixtures.rows.forEach((r, i) => {
      r.features.forEach((v, j) => {
        if (x[i * nf + j] !== Math.fround(v))
          mismatches.push(`${r.declaration.declarationId} ${fixtures.featureNames[j]}: ts ${x[i * nf + j]} py ${v}`);
      });
    });
    expect(mismatches).toEqual([]);
  });

  it('scores every fixture row within 1e-5 of Python onnxruntime', async () => {
    const scores = await scorer.scoreBatch(decls);
    expect(scores).toHaveLength(decls.length);
    let maxDiff = 0;
    scores.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      maxDiff = Math.max(maxDiff, Math.abs(s - fixtures.rows[i].score));
    });
    // eslint-disable-next-line no-console
    console.log(`max |node - python| over ${scores.length} rows: ${maxDiff}`);
    expect(maxDiff).toBeLessThanOrEqual(1e-5);
  });

  it('is close to LightGBM predict_proba too', async () => {
    const scores = await scorer.scoreBatch(decls);
    scores.forEach((s, i) => expect(Math.abs(s - fixtures.rows[i].lightgbmScore)).toBeLessThanOrEqual(1e-5));
  });

  it('score() equals scoreBatch() and order is kept across internal batches', async () => {
    const small = await RiskScorer.load(undefined, { batchSize: 7 });
    try {
      const a = await small.scoreBatch(decls.slice(0, 30));
      const b = await scorer.scoreBatch(decls.slice(0, 30));
      expect(a).toEqual(b);
      expect(await scorer.score(decls[3])).toBe(b[3]);
      expect(await scorer.scoreBatch([])).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('throws after close()', async () => {
    const s = await RiskScorer.load();
    await s.close();
    await s.close(); // idempotent
    await expect(s.score(decls[0])).rejects.toThrow(RiskModelError);
  });
});

describe('RiskScorer.load errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'risk-model-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a missing spec file', async () => {
    await expect(RiskScorer.load(dir)).rejects.toThrow(FeatureSpecError);
    await expect(RiskScorer.load(dir)).rejects.toThrow(/feature-spec\.json/);
  });

  it('names a missing ONNX file', async () => {
    copyFileSync(path.join(DEFAULT_MODEL_DIR, 'feature-spec.json'), path.join(dir, 'feature-spec.json'));
    await expect(RiskScorer.load(dir)).rejects.toThrow(/risk-model\.onnx: cannot read ONNX model/);
  });

  it('rejects a model whose SHA-256 differs from the spec', async () => {
    copyFileSync(path.join(DEFAULT_MODEL_DIR, 'feature-spec.json'), path.join(dir, 'feature-spec.json'));
    writeFileSync(path.join(dir, 'risk-model.onnx'), 'not a model');
    await expect(RiskScorer.load(dir)).rejects.toThrow(/SHA-256/);
  });

  it('rejects a spec whose width does not match the model', async () => {
    const spec = JSON.parse(readFileSync(path.join(DEFAULT_MODEL_DIR, 'feature-spec.json'), 'utf8'));
    spec.features.push({ name: 'extra', kind: 'month' });
    spec.numFeatures += 1;
    writeFileSync(path.join(dir, 'feature-spec.json'), JSON.stringify(spec));
    copyFileSync(path.join(DEFAULT_MODEL_DIR, 'risk-model.onnx'), path.join(dir, 'risk-model.onnx'));
    await expect(RiskScorer.load(dir)).rejects.toThrow(/does not accept 50 features/);
  });
});
