import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Declaration } from '@customs/domain';
import { encodeFeatures } from '../feature-encoder';
import { MODELS_DIR, RiskModelError, RiskScorer } from '../risk-scorer';
import type { HistoryLookup } from '../supply-chain/outcome-history';
import { ScoringPool } from './scoring-pool';

/** The 2.0.0 parity fixtures: declarations with the history aggregates Python encoded them with. */
const DIR = path.join(MODELS_DIR, '2.0.0');
const fixtures = JSON.parse(readFileSync(path.join(DIR, 'parity-fixtures.json'), 'utf8')) as {
  historyKeys: Record<string, string[]>;
  rows: Array<{ declaration: Declaration; history: Record<string, number[]> }>;
};
/** One history answering every key with the first fixture row's aggregates (the scores only need to be the same on both paths). */
const history: HistoryLookup = {
  aggregate: (parts) => {
    const name = Object.entries(fixtures.historyKeys).find(([, p]) => p.join('+') === parts.join('+'))![0];
    const [n, frauds, criticals, priceN, priceSum, priceSumSq] = fixtures.rows[0].history[name];
    return { n, frauds, criticals, priceN, priceSum, priceSumSq };
  },
};

describe('ScoringPool (ONNX and TreeSHAP in worker threads)', () => {
  const decls = fixtures.rows.map((r) => r.declaration);
  let pool: ScoringPool;
  let inThread: RiskScorer;
  let offThread: RiskScorer;
  beforeAll(async () => {
    pool = new ScoringPool({ threads: 2 });
    inThread = await RiskScorer.load(DIR);
    offThread = await RiskScorer.load(DIR, { pool });
  }, 60_000);
  afterAll(async () => {
    await offThread?.close();
    await inThread?.close();
    await pool?.close();
  });

  it('scores exactly as the in-thread scorer: fraud and critical-fraud probabilities, features kept', async () => {
    expect(offThread.offThread).toBe(true);
    expect(inThread.offThread).toBe(false);
    const a = await inThread.scoreDetailed(decls, history);
    const b = await offThread.scoreDetailed(decls, history);
    expect(b.length).toBe(decls.length);
    expect(b.map((r) => r.score)).toEqual(a.map((r) => r.score));
    expect(b.map((r) => r.criticalScore)).toEqual(a.map((r) => r.criticalScore));
    expect(b.every((r) => r.criticalScore !== null && r.score > 0 && r.score < 1)).toBe(true);
    expect(b.map((r) => Array.from(r.features))).toEqual(a.map((r) => Array.from(r.features)));
  });

  it('answers concurrent batches, each in its own order', async () => {
    const singles = await Promise.all(decls.map((d) => offThread.scoreDetailed([d], history)));
    const batch = await inThread.scoreDetailed(decls, history);
    expect(singles.map((s) => s[0].score)).toEqual(batch.map((r) => r.score));
  });

  it('scores several models in one round trip exactly as each scores alone (champion and shadow)', async () => {
    const older = await RiskScorer.load(path.join(MODELS_DIR, '1.0.0'), { pool });
    try {
      const [a, b] = await RiskScorer.scoreDetailedMany([{ scorer: offThread, history }, { scorer: older }], decls);
      expect(a.map((r) => r.score)).toEqual((await inThread.scoreDetailed(decls, history)).map((r) => r.score));
      expect(b.map((r) => r.score)).toEqual((await older.scoreDetailed(decls)).map((r) => r.score));
      expect(b.every((r) => r.criticalScore === null && r.features.length === older.spec.numFeatures)).toBe(true);
      expect(await RiskScorer.scoreDetailedMany([{ scorer: offThread, history }, { scorer: older }], [])).toEqual([[], []]);
      // Without a shared pool, one model after the other, same answers.
      const [c] = await RiskScorer.scoreDetailedMany([{ scorer: inThread, history }], decls);
      expect(c.map((r) => r.score)).toEqual(a.map((r) => r.score));
    } finally {
      await older.close();
    }
  });

  it('runMatrix picks the asked model through the pool', async () => {
    const m = encodeFeatures(decls.slice(0, 3), inThread.spec, history);
    expect(await offThread.runMatrix(m, 3, 'critical')).toEqual(await inThread.runMatrix(m, 3, 'critical'));
    expect(await offThread.runMatrix(m, 3)).toEqual(await inThread.runMatrix(m, 3));
    expect(await offThread.scoreMatrix(new Float32Array(0), 0)).toEqual({ fraud: [], critical: [] });
  });

  it('explains a row in a thread exactly as in-thread TreeSHAP does', async () => {
    const [row] = await inThread.scoreDetailed([decls[0]], history);
    const here = inThread.explain(row.features, 5)!;
    const there = (await offThread.explainOffThread(row.features, 5))!;
    expect(there).toEqual(here);
    expect(there.top).toHaveLength(5);
    expect(await inThread.explainOffThread(row.features, 5)).toEqual(here);
  });

  it('refuses a matrix of the wrong width with RiskModelError, before and inside the thread', async () => {
    await expect(offThread.scoreMatrix(new Float32Array(5), 1)).rejects.toThrow(/feature matrix has 5 values, expected 1 x/);
    await expect(pool.score(DIR, new Float32Array(5), 1)).rejects.toThrow(RiskModelError);
    await expect(pool.score(DIR, new Float32Array(5), 1)).rejects.toThrow(/scoring thread: feature matrix has 5 values/);
    await expect(pool.explain(DIR, new Float32Array(3), 5)).rejects.toThrow(RiskModelError);
  });

  it('refuses a folder that is not a model, naming it', async () => {
    await expect(pool.score(path.join(MODELS_DIR, 'no-such-version'), new Float32Array(0), 0)).rejects.toThrow(/scoring thread: .*no-such-version/);
    await expect(RiskScorer.load(path.join(MODELS_DIR, 'no-such-version'), { pool })).rejects.toThrow(/no-such-version/);
  });

  it('refuses to work after close, and a closed scorer does not close the shared pool', async () => {
    const other = await RiskScorer.load(DIR, { pool });
    await other.close();
    await expect(other.scoreBatch([decls[0]], history)).rejects.toThrow(/is closed/);
    expect((await offThread.scoreBatch([decls[0]], history))[0]).toBeGreaterThan(0);
    const spare = new ScoringPool();
    await spare.close();
    await spare.close();
    await expect(spare.score(DIR, new Float32Array(0), 0)).rejects.toThrow(/the scoring pool is closed/);
    expect(() => new ScoringPool({ threads: 0 })).toThrow(RangeError);
  });
});
