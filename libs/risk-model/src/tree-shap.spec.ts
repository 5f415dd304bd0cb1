import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TreeExplainer, TreeJson, TreeModelError, TreeModelJson } from './tree-shap';
import { loadTreeShapFixtures, TreeShapCase } from './testing/load-tree-shap-fixtures';

/** |actual - expected| <= max(1e-12, 1e-9 |expected|): the accuracy promised against LightGBM. */
const close = (actual: number, expected: number) => Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
const toRow = (r: (number | null)[]) => Float32Array.from(r, (v) => (v === null ? NaN : v));
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/**
 * Reference implementation, independent of TreeSHAP's path bookkeeping: the exact Shapley values
 * (sum over all feature subsets) of the path-dependent value function v(S) of Lundberg et al.
 * 2018, Algorithm 1 (EXPVALUE: follow x on features in S, cover-weighted average otherwise).
 */
function bruteForceShapley(model: TreeModelJson, x: Float32Array): { bias: number; values: number[] } {
  const m = model.numFeatures;
  const used = [...new Set(model.trees.flatMap((t) => t.splitFeature))].sort((a, b) => a - b);
  const decide = (t: TreeJson, i: number): number => {
    let v = x[t.splitFeature[i]];
    const mt = t.missingType[i];
    if (Number.isNaN(v) && mt !== 'NaN') v = 0;
    if ((mt === 'Zero' && Math.abs(v) <= Math.fround(1e-35)) || (mt === 'NaN' && Number.isNaN(v)))
      return t.defaultLeft[i] ? t.leftChild[i] : t.rightChild[i];
    return v <= t.threshold[i] ? t.leftChild[i] : t.rightChild[i];
  };
  const cover = (t: TreeJson, c: number) => (c >= 0 ? t.internalCount[c] : t.leafCount[~c]);
  const expValue = (t: TreeJson, c: number, inS: Set<number>): number => {
    if (c < 0) return t.leafValue[~c];
    if (inS.has(t.splitFeature[c])) return expValue(t, decide(t, c), inS);
    const l = t.leftChild[c];
    const r = t.rightChild[c];
    return (cover(t, l) * expValue(t, l, inS) + cover(t, r) * expValue(t, r, inS)) / t.internalCount[c];
  };
  const v = (inS: Set<number>) =>
    model.baseScore + sum(model.trees.map((t) => (t.splitFeature.length === 0 ? t.leafValue[0] : expValue(t, 0, inS))));
  // features no tree uses get 0 and do not change v, so the subsets range over the used ones
  const n = used.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const values = new Array<number>(m).fill(0);
  const vOf = new Map<number, number>();
  for (let mask = 0; mask < 1 << n; mask++) vOf.set(mask, v(new Set(used.filter((_, j) => mask & (1 << j)))));
  for (let j = 0; j < n; j++) {
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & (1 << j)) continue;
      let size = 0;
      for (let b = mask; b; b &= b - 1) size++;
      const weight = (fact(size) * fact(n - size - 1)) / fact(n);
      values[used[j]] += weight * ((vOf.get(mask | (1 << j)) as number) - (vOf.get(mask) as number));
    }
  }
  return { bias: vOf.get(0) as number, values };
}

/**
 * Hand-built model over 4 features (feature 3 unused), with the numbers checked by hand below:
 * tree 0 is a stump on x0 <= 0.5 (covers 30 / 10, leaves -1 / 2); tree 1 splits on x1 (missing:
 * NaN goes right), then x0 (<= 0.1, so a float32 0.1 goes right) on the left and x2 (missing:
 * Zero goes left) on the right.
 */
function handModel(): TreeModelJson {
  return {
    format: 'lightgbm-trees/1',
    objective: 'binary',
    numFeatures: 4,
    featureNames: ['x0', 'x1', 'x2', 'unused'],
    baseScore: 0.25,
    trees: [
      {
        splitFeature: [0],
        threshold: [0.5],
        defaultLeft: [true],
        missingType: ['None'],
        leftChild: [-1],
        rightChild: [-2],
        internalCount: [40],
        leafValue: [-1, 2],
        leafCount: [30, 10],
      },
      {
        splitFeature: [1, 0, 2],
        threshold: [3, 0.1, -1.5],
        defaultLeft: [false, true, true],
        missingType: ['NaN', 'None', 'Zero'],
        leftChild: [1, -1, -3],
        rightChild: [2, -2, -4],
        internalCount: [100, 60, 40],
        leafValue: [0.5, -0.5, 1.5, -2],
        leafCount: [20, 40, 15, 25],
      },
    ],
  };
}

describe('TreeExplainer against LightGBM pred_contrib (fixture from make_tree_shap_fixtures.py)', () => {
  const fixtures = loadTreeShapFixtures();

  it('covers the missing-value kinds and the edge rows it claims to', () => {
    const kinds = new Set(fixtures.cases.flatMap((c) => c.model.trees.flatMap((t) => t.missingType)));
    expect([...kinds].sort()).toEqual(['NaN', 'None', 'Zero']);
    expect(fixtures.cases.every((c) => c.rows.some((r) => r.includes(null)))).toBe(true);
    expect(fixtures.cases.every((c) => c.rows.some((r) => r.includes(0)))).toBe(true);
  });

  describe.each(fixtures.cases.map((c) => [c.name, c] as [string, TreeShapCase]))('%s', (_name, c) => {
    const explainer = new TreeExplainer(c.model, c.name);

    it('has the fixture shapes', () => {
      expect(explainer.numTrees).toBe(c.model.trees.length);
      expect(c.rows.length).toBeGreaterThanOrEqual(50);
      expect(c.contributions.every((r) => r.length === explainer.numFeatures + 1)).toBe(true);
    });

    it('gives every row the raw score and contributions of LightGBM, within 1e-9 relative / 1e-12 absolute', () => {
      const bad: string[] = [];
      let maxAbs = 0;
      c.rows.forEach((r, n) => {
        const x = toRow(r);
        const { bias, values } = explainer.contributions(x);
        const expected = c.contributions[n];
        const raw = explainer.rawScore(x);
        if (!close(bias, expected[explainer.numFeatures])) bad.push(`row ${n} bias ${bias} != ${expected[explainer.numFeatures]}`);
        if (!close(raw, c.rawScores[n])) bad.push(`row ${n} raw score ${raw} != ${c.rawScores[n]}`);
        if (!close(bias + sum(values), c.rawScores[n])) bad.push(`row ${n} bias + sum(values) != raw score`);
        values.forEach((v, i) => {
          maxAbs = Math.max(maxAbs, Math.abs(v - expected[i]));
          if (!close(v, expected[i])) bad.push(`row ${n} feature ${i}: ${v} != ${expected[i]}`);
        });
      });
      expect(bad).toEqual([]);
      expect(maxAbs).toBeLessThan(1e-12);
    });

    it('equals brute-force Shapley values of the path-dependent value function', () => {
      for (const n of [0, 1, c.rows.length - 2, c.rows.length - 1]) {
        const x = toRow(c.rows[n]);
        const want = bruteForceShapley(c.model, x);
        const got = explainer.contributions(x);
        expect(Math.abs(got.bias - want.bias)).toBeLessThan(1e-9);
        got.values.forEach((v, i) => expect(Math.abs(v - want.values[i])).toBeLessThan(1e-9));
      }
    });

    it('gives the same answer for a row again after others (no state kept between rows); logs rows/s', () => {
      const rows = c.rows.map(toRow);
      const first = rows.map((x) => explainer.contributions(x).values);
      const start = process.cpuUsage();
      let n = 0;
      while (n < 2000) {
        for (const x of rows) {
          explainer.contributions(x);
          n++;
        }
      }
      const used = process.cpuUsage(start);
      const seconds = (used.user + used.system) / 1e6;
      rows.forEach((x, i) => expect(explainer.contributions(x).values).toEqual(first[i]));
      const leaves = sum(c.model.trees.map((t) => t.leafValue.length));
      console.log(`TreeSHAP ${c.name}: ${explainer.numTrees} trees, ${leaves} leaves: ${Math.round(n / seconds)} rows per CPU second (under Jest; tree-shap-bench.ts measures without it)`);
    });
  });
});

describe('TreeExplainer on a hand-built 2-tree model', () => {
  const model = handModel();
  const explainer = new TreeExplainer(model);

  it('has the cover-weighted expected value as bias', () => {
    // tree 0: (30 * -1 + 10 * 2) / 40 = -0.25; tree 1: (20 * 0.5 - 40 * 0.5 + 15 * 1.5 - 25 * 2) / 100 = -0.375
    expect(explainer.bias).toBeCloseTo(0.25 - 0.25 - 0.375, 15);
  });

  it('scores rows by following x <= threshold, with LightGBM missing-value rules', () => {
    expect(explainer.rawScore([0, 0, 0, 0])).toBe(0.25 - 1 + 0.5);
    expect(explainer.rawScore([1, 5, 0, 0])).toBe(0.25 + 2 + 1.5); // x2 = 0 is missing (Zero): default left
    expect(explainer.rawScore([1, 5, -1, 0])).toBe(0.25 + 2 - 2);
    expect(explainer.rawScore([1, 5, -2, 0])).toBe(0.25 + 2 + 1.5);
    expect(explainer.rawScore([1, NaN, -1, 0])).toBe(0.25 + 2 - 2); // NaN on a NaN split: default right
    expect(explainer.rawScore([NaN, 0, 0, 0])).toBe(0.25 - 1 + 0.5); // NaN on a None split reads as 0
  });

  it('compares the float32 value, as a double, with the float64 threshold', () => {
    // float32(0.1) = 0.100000001490116... > 0.1: right (-0.5), as in LightGBM; in float64 0.1 <= 0.1
    expect(explainer.rawScore(Float32Array.of(0, 0, 0, 0.1))).toBe(0.25 - 1 + 0.5);
    expect(explainer.rawScore(Float32Array.of(0.1, 0, 0, 0))).toBe(0.25 - 1 - 0.5);
    expect(explainer.rawScore([0.1, 0, 0, 0])).toBe(0.25 - 1 - 0.5);
    expect(explainer.rawScore([Math.fround(0.1) - 2 ** -27, 0, 0, 0])).toBe(0.25 - 1 + 0.5); // the float32 below it
    // a value equal to the threshold goes left on every split (0.5, 3 and -1.5 are float32 values)
    expect(explainer.rawScore([0.5, 3, -1.5, 0])).toBe(0.25 - 1 - 0.5);
    expect(explainer.rawScore([1, 4, -1.5, 0])).toBe(0.25 + 2 + 1.5);
  });

  it('attributes a lone stump exactly: leaf value minus expected value', () => {
    const stump = new TreeExplainer({ ...model, baseScore: 0, trees: [model.trees[0]] });
    expect(Array.from(stump.contributions([0, 7, 7, 7]).values)).toEqual([-1 - -0.25, 0, 0, 0]);
    expect(Array.from(stump.contributions([0.6, 7, 7, 7]).values)).toEqual([2 - -0.25, 0, 0, 0]);
  });

  it.each([
    [[0, 0, 0, 0]],
    [[1, 5, -1, 9]],
    [[0.05, 2, -3, -1]],
    [[NaN, NaN, 0, NaN]],
    [[1, 5, NaN, 0]],
  ])('local accuracy, missingness and exactness for %p', (row) => {
    const x = Float32Array.from(row);
    const { bias, values } = explainer.contributions(x);
    expect(bias).toBe(explainer.bias);
    expect(bias + sum(values)).toBeCloseTo(explainer.rawScore(x), 14); // local accuracy
    expect(values[3]).toBe(0); // missingness: no tree uses feature 3
    const want = bruteForceShapley(model, x);
    values.forEach((v, i) => expect(v).toBeCloseTo(want.values[i], 14));
  });

  it('adds a single-leaf tree to the bias and the score, not to the contributions', () => {
    const leaf: TreeJson = {
      splitFeature: [],
      threshold: [],
      defaultLeft: [],
      missingType: [],
      leftChild: [],
      rightChild: [],
      internalCount: [],
      leafValue: [0.125],
      leafCount: [0],
    };
    const withLeaf = new TreeExplainer({ ...model, trees: [leaf, ...model.trees, leaf] });
    const x = [1, 5, -1, 9];
    expect(withLeaf.bias).toBeCloseTo(explainer.bias + 0.25, 15);
    expect(withLeaf.rawScore(x)).toBeCloseTo(explainer.rawScore(x) + 0.25, 15);
    expect(withLeaf.contributions(x).values).toEqual(explainer.contributions(x).values);
  });

  it('gives two features with the same role in a symmetric tree equal credit', () => {
    const symmetric = new TreeExplainer({
      ...model,
      baseScore: 0,
      trees: [
        {
          splitFeature: [0, 1, 1],
          threshold: [0.5, 0.5, 0.5],
          defaultLeft: [true, true, true],
          missingType: ['None', 'None', 'None'],
          leftChild: [1, -1, -3],
          rightChild: [2, -2, -4],
          internalCount: [4, 2, 2],
          leafValue: [0, 0, 0, 1], // x0 AND x1
          leafCount: [1, 1, 1, 1],
        },
      ],
    });
    const { bias, values } = symmetric.contributions([1, 1, 0, 0]);
    expect(bias).toBe(0.25);
    expect(values[0]).toBeCloseTo(0.375, 15);
    expect(values[1]).toBeCloseTo(0.375, 15);
  });

  it('lists the top features by |contribution|, ties by index, zeros left out', () => {
    const x = [1, 5, -1, 9];
    const { values } = explainer.contributions(x);
    const top = explainer.top(x, ['a', 'b', 'c', 'd'], 3);
    expect(top.map((t) => t.index)).toEqual([0, 1, 2].sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b));
    expect(top[0]).toEqual({ feature: ['a', 'b', 'c', 'd'][top[0].index], index: top[0].index, value: x[top[0].index], contribution: values[top[0].index] });
    expect(explainer.top(x, undefined, 10).map((t) => t.feature)).not.toContain('unused');
    expect(explainer.top(x, undefined, 1)).toHaveLength(1);
    // ties: the symmetric credit of a stump pair on x0 and x1 is listed by index
    const tied = new TreeExplainer({ ...model, trees: [model.trees[0], { ...model.trees[0], splitFeature: [1] }] });
    expect(tied.top([1, 1, 0, 0], undefined, 4).map((t) => t.feature)).toEqual(['x0', 'x1']);
    expect(tied.top([NaN, 1, 0, 0], undefined, 4)[1]).toMatchObject({ feature: 'x0', value: NaN });
  });

  it('refuses rows and arguments of the wrong shape', () => {
    expect(() => explainer.contributions([1, 2, 3])).toThrow(new RangeError('expected 4 features, got 3'));
    expect(() => explainer.rawScore(new Float32Array(5))).toThrow(RangeError);
    expect(() => explainer.top([0, 0, 0, 0], ['a'], 2)).toThrow(/expected 4 feature names/);
    expect(() => explainer.top([0, 0, 0, 0], undefined, -1)).toThrow(/k must be/);
  });
});

describe('TreeExplainer model validation', () => {
  const withTree = (patch: Partial<TreeJson>) => ({ ...handModel(), trees: [{ ...handModel().trees[1], ...patch }] });

  it.each([
    ['not an object', [], /tree model: \(root\): expected a JSON object/],
    ['another format', { ...handModel(), format: 'xgboost' }, /format: expected "lightgbm-trees\/1"/],
    ['another objective', { ...handModel(), objective: 'regression' }, /objective: expected "binary"/],
    ['names of the wrong length', { ...handModel(), featureNames: ['a'] }, /featureNames: expected 4 strings/],
    ['a feature out of range', withTree({ splitFeature: [1, 4, 2] }), /trees\[0\]\.splitFeature: expected 3 feature indices < 4/],
    ['an unknown missing type', withTree({ missingType: ['NaN', 'Null' as 'NaN', 'Zero'] }), /trees\[0\]\.missingType/],
    ['a zero cover', withTree({ internalCount: [100, 0, 40] }), /trees\[0\]\.internalCount: expected 3 positive integers/],
    ['a leaf reached twice', withTree({ rightChild: [2, -1, -4] }), /trees\[0\]: node reference -1 is reached twice/],
    ['a child out of range', withTree({ leftChild: [1, -5, -3] }), /trees\[0\]\.leftChild/],
    ['a missing array', withTree({ leafCount: undefined as unknown as number[] }), /trees\[0\]\.leafCount: expected 4 non-negative integers/],
  ])('refuses %s', (_what, model, message) => {
    expect(() => new TreeExplainer(model)).toThrow(TreeModelError);
    expect(() => new TreeExplainer(model)).toThrow(message);
  });

  it('loads a model file, naming the file in errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tree-shap-'));
    try {
      const good = path.join(dir, 'trees.json');
      writeFileSync(good, JSON.stringify(handModel()));
      expect(TreeExplainer.load(good).rawScore([0, 0, 0, 0])).toBe(0.25 - 1 + 0.5);
      const bad = path.join(dir, 'bad.json');
      writeFileSync(bad, '{"format":');
      expect(() => TreeExplainer.load(bad)).toThrow(new RegExp(`${bad}: not JSON`));
      writeFileSync(bad, JSON.stringify({ ...handModel(), baseScore: 'x' }));
      expect(() => TreeExplainer.load(bad)).toThrow(`${bad}: baseScore: expected a finite number`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
