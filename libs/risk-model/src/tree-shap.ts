import { readFileSync } from 'node:fs';

/**
 * Exact per-feature attributions (SHAP values) for a LightGBM binary model, in Node.
 *
 * The trees come from `python/tree_export.py` (`export_trees(booster)`, format
 * `lightgbm-trees/1`). {@link TreeExplainer} implements path-dependent TreeSHAP: Lundberg,
 * Erion & Lee (2018), "Consistent Individualized Feature Attribution for Tree Ensembles",
 * arXiv:1802.03888, Algorithm 2 (EXTEND / UNWIND of the unique feature path with zero and one
 * fractions, cover = training rows through a node). It follows LightGBM's own implementation
 * (`src/io/tree.cpp`: `Tree::TreeSHAP`, `ExtendPath`, `UnwindPath`, `UnwoundPathSum`,
 * `ExpectedValue`, `NumericalDecision`) step for step, including its arithmetic order, so the
 * results equal `booster.predict(X, pred_contrib=True)` to rounding (see tree-shap.spec.ts).
 *
 * Units: everything is in raw-score space (log-odds of the positive class);
 * P(positive) = sigmoid(raw score) = 1 / (1 + exp(-raw score)).
 */

/** The format string written by `tree_export.py`. */
export const TREE_MODEL_FORMAT = 'lightgbm-trees/1';

/** How a split treats a missing value (LightGBM's `missing_type`). */
export type MissingType = 'None' | 'Zero' | 'NaN';

/**
 * One tree, as node arrays (LightGBM's model-text layout). I = leaves - 1 internal nodes,
 * node 0 is the root; a child reference c >= 0 is internal node c, c < 0 is leaf ~c (= -c - 1).
 */
export interface TreeJson {
  /** [I] feature index tested by each internal node. */
  splitFeature: number[];
  /** [I] float64 threshold: go left when x <= threshold. */
  threshold: number[];
  /** [I] whether a missing value (see missingType) goes left. */
  defaultLeft: boolean[];
  /** [I] None: NaN is read as 0; Zero: 0 (and NaN) follow defaultLeft; NaN: NaN follows defaultLeft. */
  missingType: MissingType[];
  /** [I] left child reference. */
  leftChild: number[];
  /** [I] right child reference. */
  rightChild: number[];
  /** [I] training rows through each internal node (the TreeSHAP cover). */
  internalCount: number[];
  /** [L] output of each leaf, log-odds (learning rate already applied). */
  leafValue: number[];
  /** [L] training rows in each leaf. */
  leafCount: number[];
}

/** A whole model as written by `tree_export.py` (`export_trees`). */
export interface TreeModelJson {
  format: typeof TREE_MODEL_FORMAT;
  /** Only `binary` (raw score = log-odds). */
  objective: 'binary';
  /** F: length of a feature vector. */
  numFeatures: number;
  /** [F] column names, in feature-vector order. */
  featureNames: string[];
  /** Constant added to the sum of the trees, log-odds (0 for LightGBM, which folds it into tree 0). */
  baseScore: number;
  /** The trees in boosting order. */
  trees: TreeJson[];
}

/** Per-feature attributions of one row, in log-odds. */
export interface Contributions {
  /** Expected raw score over the training data (LightGBM's last `pred_contrib` column), log-odds. */
  bias: number;
  /** [F] signed contribution of each feature, log-odds; bias + sum(values) = raw score of the row. */
  values: Float64Array;
}

/** One feature that pushed a score, for explanations. */
export interface FeatureContribution {
  /** Feature name. */
  feature: string;
  /** Index of the feature in the feature vector. */
  index: number;
  /** The feature's value as the model saw it (float32; NaN when missing). */
  value: number;
  /** Signed contribution to the raw score, log-odds (> 0 pushes towards the positive class). */
  contribution: number;
}

/** The tree model JSON is malformed or uses something this explainer does not implement. */
export class TreeModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TreeModelError';
  }
}

/** Doubles per unique-path element: feature, zero fraction, one fraction, weight. */
const STRIDE = 4;
const FEATURE = 0;
const ZERO = 1;
const ONE = 2;
const WEIGHT = 3;
const MISSING_NONE = 0;
const MISSING_ZERO = 1;
const MISSING_NAN = 2;
const MISSING_CODES: Record<MissingType, number> = { None: MISSING_NONE, Zero: MISSING_ZERO, NaN: MISSING_NAN };
/** LightGBM's kZeroThreshold (`1e-35f` stored in a double): |x| <= this counts as zero. */
const ZERO_THRESHOLD = Math.fround(1e-35);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a parsed `lightgbm-trees/1` document: shapes, types, indices, and that every tree is
 * one tree (each node and leaf reached exactly once from the root).
 *
 * @param raw the parsed JSON
 * @param origin prefix of error messages (e.g. the file name)
 * @throws TreeModelError naming the first offending path
 */
export function parseTreeModel(raw: unknown, origin = 'tree model'): TreeModelJson {
  const fail = (path: string, what: string): never => {
    throw new TreeModelError(`${origin}: ${path}: ${what}`);
  };
  if (!isObj(raw)) fail('(root)', 'expected a JSON object');
  const m = raw as Record<string, unknown>;
  if (m['format'] !== TREE_MODEL_FORMAT) fail('format', `expected "${TREE_MODEL_FORMAT}", got ${JSON.stringify(m['format'])}`);
  if (m['objective'] !== 'binary') fail('objective', `expected "binary", got ${JSON.stringify(m['objective'])}`);
  const numFeatures = m['numFeatures'];
  if (!Number.isInteger(numFeatures) || (numFeatures as number) < 1) fail('numFeatures', 'expected a positive integer');
  const f = numFeatures as number;
  const names = m['featureNames'];
  if (!Array.isArray(names) || names.length !== f || !names.every((n) => typeof n === 'string'))
    fail('featureNames', `expected ${f} strings`);
  if (typeof m['baseScore'] !== 'number' || !Number.isFinite(m['baseScore'])) fail('baseScore', 'expected a finite number');
  if (!Array.isArray(m['trees'])) fail('trees', 'expected an array');
  (m['trees'] as unknown[]).forEach((t, i) => checkTree(t, `trees[${i}]`, f, fail));
  return raw as unknown as TreeModelJson;
}

function checkTree(raw: unknown, p: string, numFeatures: number, fail: (path: string, what: string) => never): void {
  if (!isObj(raw)) fail(p, 'expected an object');
  const t = raw as Record<string, unknown>;
  const leaves = t['leafValue'];
  if (!Array.isArray(leaves) || leaves.length < 1) fail(`${p}.leafValue`, 'expected at least one leaf');
  const nLeaves = (leaves as unknown[]).length;
  const nNodes = nLeaves - 1;
  const arr = (key: string, len: number, ok: (v: unknown) => boolean, what: string): unknown[] => {
    const a = t[key];
    if (!Array.isArray(a) || a.length !== len || !a.every(ok)) fail(`${p}.${key}`, `expected ${len} ${what}`);
    return a as unknown[];
  };
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  arr('leafValue', nLeaves, finite, 'finite numbers');
  arr('leafCount', nLeaves, count, 'non-negative integers');
  arr('splitFeature', nNodes, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < numFeatures, `feature indices < ${numFeatures}`);
  arr('threshold', nNodes, (v) => typeof v === 'number' && !Number.isNaN(v), 'numbers');
  arr('defaultLeft', nNodes, (v) => typeof v === 'boolean', 'booleans');
  arr('missingType', nNodes, (v) => typeof v === 'string' && v in MISSING_CODES, 'of "None", "Zero", "NaN"');
  arr('internalCount', nNodes, (v) => Number.isInteger(v) && (v as number) > 0, 'positive integers');
  const child = (v: unknown) => Number.isInteger(v) && (v as number) < nNodes && (v as number) >= -nLeaves;
  const left = arr('leftChild', nNodes, child, `child references in [-${nLeaves}, ${nNodes})`) as number[];
  const right = arr('rightChild', nNodes, child, `child references in [-${nLeaves}, ${nNodes})`) as number[];
  // one tree: walking from the root reaches every node and leaf exactly once
  const seen = new Set<number>();
  const stack = nNodes > 0 ? [0] : [-1];
  while (stack.length > 0) {
    const c = stack.pop() as number;
    if (seen.has(c)) fail(p, `node reference ${c} is reached twice`);
    seen.add(c);
    if (c >= 0) stack.push(left[c], right[c]);
  }
  if (seen.size !== nNodes + nLeaves) fail(p, `${nNodes + nLeaves - seen.size} nodes or leaves are unreachable from the root`);
}

/**
 * Exact TreeSHAP explainer and scorer for a LightGBM binary model exported by `tree_export.py`.
 *
 * Feature vectors are float32 [F] (a `Float32Array`, or numbers that are rounded to float32
 * first), as produced by `encodeFeatures`; NaN means missing. A split sends x left when
 * x <= threshold, comparing the float32 value as a double with the float64 threshold, with
 * LightGBM's missing-value rules (see {@link TreeJson.missingType}).
 *
 * Cost per row: O(T * L * D^2) for T trees of L leaves and depth D. Not re-entrant across
 * threads (one preallocated path buffer), which JavaScript's one thread per isolate ensures.
 */
export class TreeExplainer {
  /** F: length of the feature vectors. */
  readonly numFeatures: number;
  /** [F] feature names from the model. */
  readonly featureNames: readonly string[];
  /** Expected raw score over the training data, log-odds: the `bias` of every {@link contributions} result. */
  readonly bias: number;
  /** Number of trees. */
  readonly numTrees: number;

  private readonly baseScore: number;
  // all trees' nodes in flat arrays: tree t's node i is at nodeStart[t] + i, leaf j at leafStart[t] + j
  private readonly nodeStart: Int32Array;
  private readonly leafStart: Int32Array;
  private readonly splitFeature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly defaultLeft: Uint8Array;
  private readonly missingType: Uint8Array;
  private readonly leftChild: Int32Array;
  private readonly rightChild: Int32Array;
  private readonly internalCount: Float64Array;
  private readonly leafValue: Float64Array;
  private readonly leafCount: Float64Array;
  // the unique paths of the recursion, preallocated: (D + 1)(D + 2) / 2 elements for depth D,
  // element e = [feature index, zero fraction, one fraction, permutation weight] at 4e .. 4e + 3
  private readonly path: Float64Array;
  private readonly x: Float64Array;

  /**
   * @param model a `lightgbm-trees/1` document (parsed JSON); validated here
   * @param origin where it came from, for error messages
   * @throws TreeModelError when it is malformed (see {@link parseTreeModel})
   */
  constructor(model: unknown, origin = 'tree model') {
    const m = parseTreeModel(model, origin);
    this.numFeatures = m.numFeatures;
    this.featureNames = Object.freeze([...m.featureNames]);
    this.baseScore = m.baseScore;
    this.numTrees = m.trees.length;
    const nodes = m.trees.reduce((s, t) => s + t.splitFeature.length, 0);
    const leaves = m.trees.reduce((s, t) => s + t.leafValue.length, 0);
    this.nodeStart = new Int32Array(this.numTrees);
    this.leafStart = new Int32Array(this.numTrees);
    this.splitFeature = new Int32Array(nodes);
    this.threshold = new Float64Array(nodes);
    this.defaultLeft = new Uint8Array(nodes);
    this.missingType = new Uint8Array(nodes);
    this.leftChild = new Int32Array(nodes);
    this.rightChild = new Int32Array(nodes);
    this.internalCount = new Float64Array(nodes);
    this.leafValue = new Float64Array(leaves);
    this.leafCount = new Float64Array(leaves);
    let n = 0;
    let l = 0;
    let maxDepth = 0;
    // LightGBM accumulates the trees' expected values into the bias column in tree order
    let bias = this.baseScore;
    m.trees.forEach((t, ti) => {
      this.nodeStart[ti] = n;
      this.leafStart[ti] = l;
      for (let i = 0; i < t.splitFeature.length; i++) {
        this.splitFeature[n + i] = t.splitFeature[i];
        this.threshold[n + i] = t.threshold[i];
        this.defaultLeft[n + i] = t.defaultLeft[i] ? 1 : 0;
        this.missingType[n + i] = MISSING_CODES[t.missingType[i]];
        this.leftChild[n + i] = t.leftChild[i];
        this.rightChild[n + i] = t.rightChild[i];
        this.internalCount[n + i] = t.internalCount[i];
      }
      for (let j = 0; j < t.leafValue.length; j++) {
        this.leafValue[l + j] = t.leafValue[j];
        this.leafCount[l + j] = t.leafCount[j];
      }
      bias += this.expectedValue(ti, t.leafValue.length);
      maxDepth = Math.max(maxDepth, treeDepth(t));
      n += t.splitFeature.length;
      l += t.leafValue.length;
    });
    this.bias = bias;
    const pathLen = ((maxDepth + 1) * (maxDepth + 2)) / 2;
    this.path = new Float64Array(pathLen * STRIDE);
    this.x = new Float64Array(this.numFeatures);
  }

  /**
   * Reads and validates a `lightgbm-trees/1` JSON file.
   *
   * @param file path of the JSON written from `tree_export.export_trees`
   * @throws TreeModelError when it is malformed; the fs error when it cannot be read
   */
  static load(file: string): TreeExplainer {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      if (e instanceof SyntaxError) throw new TreeModelError(`${file}: not JSON: ${e.message}`);
      throw e;
    }
    return new TreeExplainer(raw, file);
  }

  /**
   * Raw score of one row: baseScore + the sum of its leaf values, log-odds
   * (= LightGBM `predict(raw_score=True)`; P = sigmoid of it).
   *
   * @param features float32 [F]; NaN = missing
   * @throws RangeError when the length is not F
   */
  rawScore(features: Float32Array | readonly number[]): number {
    const x = this.readRow(features);
    let score = this.baseScore;
    for (let t = 0; t < this.numTrees; t++) score += this.leafValue[this.leafStart[t] + ~this.leafOf(t, x)];
    return score;
  }

  /**
   * Exact TreeSHAP contributions of one row, log-odds: bias + sum(values) = {@link rawScore}.
   * Equals LightGBM's `predict(X, pred_contrib=True)` (values = its first F columns, bias = last).
   *
   * @param features float32 [F]; NaN = missing
   * @returns a new `values` array [F] per call
   * @throws RangeError when the length is not F
   */
  contributions(features: Float32Array | readonly number[]): Contributions {
    const x = this.readRow(features);
    const phi = new Float64Array(this.numFeatures);
    for (let t = 0; t < this.numTrees; t++) {
      if (this.isSingleLeaf(t)) continue;
      this.treeShap(t, x, phi, 0, 0, 0, 1, 1, -1);
    }
    return { bias: this.bias, values: phi };
  }

  /**
   * The k features that pushed this row's score most: largest |contribution| first, ties by
   * feature index. Features with a contribution of exactly 0 are left out (they did not move
   * the score), so fewer than k may be returned.
   *
   * @param features float32 [F]; NaN = missing
   * @param names [F] display names (default: the model's feature names)
   * @param k how many at most (default 5)
   * @throws RangeError when a length is not F or k is not a non-negative integer
   */
  top(features: Float32Array | readonly number[], names: readonly string[] = this.featureNames, k = 5): FeatureContribution[] {
    if (names.length !== this.numFeatures) throw new RangeError(`expected ${this.numFeatures} feature names, got ${names.length}`);
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
    const { values } = this.contributions(features);
    const order: number[] = [];
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) order.push(i);
    order.sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]) || a - b);
    return order.slice(0, k).map((i) => ({ feature: names[i], index: i, value: this.x[i], contribution: values[i] }));
  }

  /** Copies a row into the float64 buffer as float32 values (LightGBM reads float32 input as double). */
  private readRow(features: Float32Array | readonly number[]): Float64Array {
    if (features.length !== this.numFeatures)
      throw new RangeError(`expected ${this.numFeatures} features, got ${features.length}`);
    for (let i = 0; i < this.numFeatures; i++) this.x[i] = Math.fround(features[i]);
    return this.x;
  }

  private isSingleLeaf(t: number): boolean {
    const end = t + 1 < this.numTrees ? this.nodeStart[t + 1] : this.splitFeature.length;
    return end === this.nodeStart[t];
  }

  /** The leaf reference (~leaf index) that row x reaches in tree t. */
  private leafOf(t: number, x: Float64Array): number {
    if (this.isSingleLeaf(t)) return ~0;
    const base = this.nodeStart[t];
    let node = 0;
    while (node >= 0) node = this.decision(base + node, x[this.splitFeature[base + node]]);
    return node;
  }

  /** LightGBM `NumericalDecision`: the child reference that value x takes at flat node g. */
  private decision(g: number, value: number): number {
    const missing = this.missingType[g];
    let x = value;
    if (Number.isNaN(x) && missing !== MISSING_NAN) x = 0;
    if ((missing === MISSING_ZERO && x >= -ZERO_THRESHOLD && x <= ZERO_THRESHOLD) || (missing === MISSING_NAN && Number.isNaN(x)))
      return this.defaultLeft[g] ? this.leftChild[g] : this.rightChild[g];
    return x <= this.threshold[g] ? this.leftChild[g] : this.rightChild[g];
  }

  /** LightGBM `Tree::ExpectedValue`: the cover-weighted mean leaf value of tree t. */
  private expectedValue(t: number, numLeaves: number): number {
    const l = this.leafStart[t];
    if (numLeaves === 1) return this.leafValue[l];
    const total = this.internalCount[this.nodeStart[t]];
    let value = 0;
    for (let j = 0; j < numLeaves; j++) value += (this.leafCount[l + j] / total) * this.leafValue[l + j];
    return value;
  }

  /** Cover of a child reference in tree t (LightGBM `data_count`). */
  private cover(t: number, c: number): number {
    return c >= 0 ? this.internalCount[this.nodeStart[t] + c] : this.leafCount[this.leafStart[t] + ~c];
  }

  /**
   * LightGBM `Tree::TreeSHAP` (Algorithm 2, RECURSE): `node` is a child reference of tree t;
   * the parent's unique path of `depth` elements starts at `parentPath`, this call's copy at
   * parentPath + depth.
   */
  private treeShap(
    t: number,
    x: Float64Array,
    phi: Float64Array,
    node: number,
    depth: number,
    parentPath: number,
    zeroFraction: number,
    oneFraction: number,
    feature: number,
  ): void {
    const p = this.path;
    const path = parentPath + depth;
    const at = path * STRIDE;
    for (let i = parentPath * STRIDE, j = at; i < at; i++, j++) p[j] = p[i];
    extendPath(p, at, depth, zeroFraction, oneFraction, feature);

    if (node < 0) {
      const leaf = this.leafValue[this.leafStart[t] + ~node];
      for (let i = 1; i <= depth; i++) {
        const e = at + i * STRIDE;
        const w = unwoundPathSum(p, at, depth, i);
        phi[p[e + FEATURE]] += w * (p[e + ONE] - p[e + ZERO]) * leaf;
      }
      return;
    }

    const g = this.nodeStart[t] + node;
    const split = this.splitFeature[g];
    const hot = this.decision(g, x[split]);
    const cold = hot === this.leftChild[g] ? this.rightChild[g] : this.leftChild[g];
    const w = this.internalCount[g];
    const hotZero = this.cover(t, hot) / w;
    const coldZero = this.cover(t, cold) / w;
    let incomingZero = 1;
    let incomingOne = 1;

    // a feature already on the path is unwound, to be re-extended with both splits' fractions
    let k = 0;
    for (; k <= depth; k++) if (p[at + k * STRIDE + FEATURE] === split) break;
    let d = depth;
    if (k !== depth + 1) {
      incomingZero = p[at + k * STRIDE + ZERO];
      incomingOne = p[at + k * STRIDE + ONE];
      unwindPath(p, at, d, k);
      d -= 1;
    }
    this.treeShap(t, x, phi, hot, d + 1, path, hotZero * incomingZero, incomingOne, split);
    this.treeShap(t, x, phi, cold, d + 1, path, coldZero * incomingZero, 0, split);
  }
}

/** LightGBM `ExtendPath` (Algorithm 2, EXTEND): appends element `depth` to the path at p[at]. */
function extendPath(p: Float64Array, at: number, depth: number, zeroFraction: number, oneFraction: number, feature: number): void {
  const e = at + depth * STRIDE;
  p[e + FEATURE] = feature;
  p[e + ZERO] = zeroFraction;
  p[e + ONE] = oneFraction;
  p[e + WEIGHT] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    const w = at + i * STRIDE + WEIGHT;
    p[w + STRIDE] += (oneFraction * p[w] * (i + 1)) / (depth + 1);
    p[w] = (zeroFraction * p[w] * (depth - i)) / (depth + 1);
  }
}

/** LightGBM `UnwindPath` (Algorithm 2, UNWIND): removes element k from the path of depth + 1 elements at p[at]. */
function unwindPath(p: Float64Array, at: number, depth: number, k: number): void {
  const one = p[at + k * STRIDE + ONE];
  const zero = p[at + k * STRIDE + ZERO];
  let nextOnePortion = p[at + depth * STRIDE + WEIGHT];
  for (let i = depth - 1; i >= 0; i--) {
    const w = at + i * STRIDE + WEIGHT;
    if (one !== 0) {
      const tmp = p[w];
      p[w] = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      nextOnePortion = tmp - (p[w] * zero * (depth - i)) / (depth + 1);
    } else {
      p[w] = (p[w] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = k; i < depth; i++) {
    const e = at + i * STRIDE;
    p[e + FEATURE] = p[e + STRIDE + FEATURE];
    p[e + ZERO] = p[e + STRIDE + ZERO];
    p[e + ONE] = p[e + STRIDE + ONE];
  }
}

/** LightGBM `UnwoundPathSum`: total permutation weight of the path at p[at] without element k. */
function unwoundPathSum(p: Float64Array, at: number, depth: number, k: number): number {
  const one = p[at + k * STRIDE + ONE];
  const zero = p[at + k * STRIDE + ZERO];
  let nextOnePortion = p[at + depth * STRIDE + WEIGHT];
  let total = 0;
  // the same arithmetic as LightGBM's loop, with its `one_fraction != 0` test hoisted
  if (one !== 0) {
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = (nextOnePortion * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      nextOnePortion = p[at + i * STRIDE + WEIGHT] - tmp * zero * ((depth - i) / (depth + 1));
    }
  } else {
    for (let i = depth - 1; i >= 0; i--) total += p[at + i * STRIDE + WEIGHT] / zero / ((depth - i) / (depth + 1));
  }
  return total;
}

/** Depth of the deepest leaf of a tree (root = 0; a single-leaf tree has depth 0). */
function treeDepth(t: TreeJson): number {
  let deepest = 0;
  const stack: [number, number][] = t.splitFeature.length > 0 ? [[0, 0]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [number, number];
    for (const c of [t.leftChild[node], t.rightChild[node]]) {
      if (c >= 0) stack.push([c, depth + 1]);
      else deepest = Math.max(deepest, depth + 1);
    }
  }
  return deepest;
}
