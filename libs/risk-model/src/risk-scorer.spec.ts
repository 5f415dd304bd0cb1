import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Declaration } from '@customs/domain';
import { DEFAULT_MODEL_DIR, MODELS_DIR, RiskModelError, RiskScorer } from './risk-scorer';
import { encodeFeatures } from './feature-encoder';
import { FeatureSpecError, type KeyPart } from './feature-spec';
import type { HistoryAggregate, HistoryLookup } from './supply-chain/outcome-history';

interface FixtureRow {
  declaration: Declaration;
  score: number;
  /** 1.0.0 fixtures: LightGBM predict_proba. */
  lightgbmScore?: number;
  /** 2.0.0 / 3.0.0 fixtures: P(critical fraud) from Python onnxruntime. */
  criticalScore?: number;
  /** 2.0.0 / 3.0.0 fixtures: per history key name, [n, frauds, criticals, priceN, priceSum, priceSumSq] the row was encoded from. */
  history?: Record<string, number[]>;
  features: number[];
}
interface Fixtures {
  model: { name: string; version: string };
  featureNames: string[];
  historyKeys?: Record<string, KeyPart[]>;
  rows: FixtureRow[];
}

/** A history that answers with the aggregates Python used for one fixture row. */
function fixedHistory(f: Fixtures, row: FixtureRow): HistoryLookup | undefined {
  if (!row.history || !f.historyKeys) return undefined;
  const byParts = new Map<string, HistoryAggregate>();
  for (const [name, parts] of Object.entries(f.historyKeys)) {
    const [n, frauds, criticals, priceN, priceSum, priceSumSq] = row.history[name];
    byParts.set(parts.join('+'), { n, frauds, criticals, priceN, priceSum, priceSumSq });
  }
  return { aggregate: (parts) => byParts.get(parts.join('+'))! };
}

const VERSIONS = ['1.0.0', '2.0.0', '3.0.0'];

describe.each(VERSIONS)('RiskScorer %s (parity with Python)', (version) => {
  const modelDir = path.join(MODELS_DIR, version);
  const fixtures: Fixtures = JSON.parse(readFileSync(path.join(modelDir, 'parity-fixtures.json'), 'utf8'));
  const decls = fixtures.rows.map((r) => r.declaration);
  let scorer: RiskScorer;
  /** Scores row by row, each with the history Python encoded it with. */
  const scoreAll = async (s: RiskScorer) => {
    const out = [];
    for (const r of fixtures.rows) out.push((await s.scoreDetailed([r.declaration], fixedHistory(fixtures, r)))[0]);
    return out;
  };
  beforeAll(async () => {
    scorer = await RiskScorer.load(modelDir);
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
    expect(fixtures.featureNames).toEqual(scorer.spec.features.map((f) => f.name));
    const mismatches: string[] = [];
    fixtures.rows.forEach((r) => {
      const x = encodeFeatures([r.declaration], scorer.spec, fixedHistory(fixtures, r));
      r.features.forEach((v, j) => {
        if (x[j] !== Math.fround(v))
          mismatches.push(`${r.declaration.declarationId} ${fixtures.featureNames[j]}: ts ${x[j]} py ${v}`);
      });
    });
    expect(mismatches).toEqual([]);
  });

  it('scores every fixture row within 1e-5 of Python onnxruntime', async () => {
    const scores = (await scoreAll(scorer)).map((r) => r.score);
    expect(scores).toHaveLength(decls.length);
    let maxDiff = 0;
    scores.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      maxDiff = Math.max(maxDiff, Math.abs(s - fixtures.rows[i].score));
    });
     
    console.log(`max |node - python| over ${scores.length} rows: ${maxDiff}`);
    expect(maxDiff).toBeLessThanOrEqual(1e-5);
  });

  it('is close to LightGBM predict_proba too (1.0.0) / scores critical fraud like Python (2.0.0, 3.0.0)', async () => {
    const scored = await scoreAll(scorer);
    let checked = 0;
    scored.forEach((s, i) => {
      const row = fixtures.rows[i];
      if (row.lightgbmScore !== undefined) {
        expect(Math.abs(s.score - row.lightgbmScore)).toBeLessThanOrEqual(1e-5);
        checked += 1;
      }
      if (row.criticalScore !== undefined) {
        expect(s.criticalScore).not.toBeNull();
        expect(Math.abs((s.criticalScore as number) - row.criticalScore)).toBeLessThanOrEqual(1e-5);
        checked += 1;
      }
    });
    expect(checked).toBe(fixtures.rows.length);
  });

  it('order is kept across internal batches', async () => {
    const small = await RiskScorer.load(modelDir, { batchSize: 7 });
    try {
      // one shared history for all rows (the first row's), so batch and single runs see the same inputs
      const h = fixedHistory(fixtures, fixtures.rows[0]);
      const a = await small.scoreBatch(decls.slice(0, 30), h);
      const b = await scorer.scoreBatch(decls.slice(0, 30), h);
      expect(a).toEqual(b);
      expect((await scorer.scoreBatch([decls[3]], h))[0]).toBe(b[3]);
      expect(await scorer.scoreBatch([], h)).toEqual([]);
    } finally {
      await small.close();
    }
  });

  it('throws after close()', async () => {
    const s = await RiskScorer.load(modelDir);
    await s.close();
    await s.close(); // idempotent
    await expect(s.scoreBatch([decls[0]], fixedHistory(fixtures, fixtures.rows[0]))).rejects.toThrow(RiskModelError);
  });
});

describe('RiskScorer 2.0.0 without a history', () => {
  it('refuses to score (history features need the supply-chain history)', async () => {
    const s = await RiskScorer.load(path.join(MODELS_DIR, '2.0.0'));
    try {
      expect(s.needsHistory).toBe(true);
      expect(s.hasCriticalModel).toBe(true);
      const fixtures: Fixtures = JSON.parse(readFileSync(path.join(MODELS_DIR, '2.0.0', 'parity-fixtures.json'), 'utf8'));
      await expect(s.scoreBatch([fixtures.rows[0].declaration])).rejects.toThrow(/needs the supply-chain history/);
    } finally {
      await s.close();
    }
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
    await expect(RiskScorer.load(dir)).rejects.toThrow(new RegExp(`does not accept ${spec.numFeatures} features`));
  });
});
