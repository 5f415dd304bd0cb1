import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ort from 'onnxruntime-node';
import { Declaration } from '@customs/domain';
import { encodeFeatures } from './feature-encoder';
import type { HistoryLookup } from './supply-chain/outcome-history';
import { TreeExplainer, type FeatureContribution } from './tree-shap';
import { FeatureSpec, isHistoryFeature, loadFeatureSpec, ScoreQuantile, ThresholdSuggestion } from './feature-spec';
import type { MatrixScores, ScoringPool } from './scoring-pool/scoring-pool';

/** Folder holding one sub-folder per registered model version (`models/<version>/`). */
export const MODELS_DIR = path.resolve(__dirname, '..', 'models');

/** Version of the model that decides when nothing else is configured (the champion at release). */
export const DEFAULT_MODEL_VERSION = '2.0.0';

/**
 * Default model folder: `libs/risk-model/models/<DEFAULT_MODEL_VERSION>`, resolved from this
 * file's location so it works from any working directory. `RISK_MODEL_DIR` overrides it.
 */
export const DEFAULT_MODEL_DIR = path.join(MODELS_DIR, DEFAULT_MODEL_VERSION);

/** Name of the spec file inside a model folder. */
export const FEATURE_SPEC_FILE = 'feature-spec.json';

/** Thrown when the model folder, the ONNX file or the session is unusable. */
export class RiskModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RiskModelError';
  }
}

/** Options of {@link RiskScorer.load}. */
export interface RiskScorerOptions {
  /** Rows per `session.run` call (bounds memory and event-loop blocking). Default 2048. */
  batchSize?: number;
  /** onnxruntime intra-op threads. Default 1 (scores are then bit-reproducible). */
  intraOpNumThreads?: number;
  /**
   * Worker threads that run the ONNX sessions and TreeSHAP instead of the calling thread
   * (issue 16: the API's event loop only parses, validates, decides and writes). Features are
   * still encoded here. The pool is shared, not owned: closing the scorer leaves it running.
   */
  pool?: ScoringPool;
}

/**
 * Scores declarations with the ONNX fraud model (`kcs-fraud-gbdt`) and its feature spec.
 *
 * Note: onnxruntime-node's `run()` is a synchronous native call; a large batch blocks the
 * event loop for its duration (roughly tens of microseconds per row). Where latency matters,
 * load the scorer with a {@link ScoringPool} (`options.pool`): the sessions then run in its
 * worker threads and only the feature encoding stays on the calling thread.
 *
 * @example
 *   const scorer = await RiskScorer.load();
 *   const p = await scorer.score(decl); // P(fraud) in [0, 1]
 *   await scorer.close();
 */
export class RiskScorer {
  /** Model name from the spec, e.g. `kcs-fraud-gbdt`. */
  readonly name: string;
  /** Model version from the spec, e.g. `1.0.0`. */
  readonly version: string;
  /** Score cut-offs of the validation split by top share (e.g. top 5% -> score >= q). */
  readonly quantiles: readonly ScoreQuantile[];
  /** Suggested RED / YELLOW score thresholds (as validation top shares). */
  readonly thresholds: { readonly red: ThresholdSuggestion; readonly yellow: ThresholdSuggestion };
  /** Folder the model was loaded from. */
  readonly modelDir: string;

  /** Score cut-offs of the critical-fraud model (spec version 2), else empty. */
  readonly criticalQuantiles: readonly ScoreQuantile[];

  private explainer: TreeExplainer | null = null;
  private session: ort.InferenceSession | null;
  private criticalSession: ort.InferenceSession | null;
  private readonly batchSize: number;
  private readonly pool: ScoringPool | null;

  private constructor(
    /** The validated feature spec. */
    readonly spec: FeatureSpec,
    session: ort.InferenceSession,
    criticalSession: ort.InferenceSession | null,
    modelDir: string,
    batchSize: number,
    pool: ScoringPool | null,
  ) {
    this.pool = pool;
    this.session = session;
    this.criticalSession = criticalSession;
    this.criticalQuantiles = (spec.critical?.quantiles ?? []).map((q) => ({ ...q }));
    this.name = spec.model.name;
    this.version = spec.model.version;
    this.quantiles = spec.quantiles.map((q) => ({ ...q }));
    this.thresholds = { red: { ...spec.thresholds.red }, yellow: { ...spec.thresholds.yellow } };
    this.modelDir = modelDir;
    this.batchSize = batchSize;
  }

  /**
   * Loads the spec and the ONNX model from a folder and opens an inference session.
   *
   * @param modelDir folder with `feature-spec.json` and the ONNX file it names; defaults to
   *   `$RISK_MODEL_DIR` or {@link DEFAULT_MODEL_DIR}.
   * @throws FeatureSpecError when the spec is missing or invalid.
   * @throws RiskModelError when the ONNX file is missing, its SHA-256 differs from the
   *   spec's, or its input/output names and width do not match the spec, or (with a pool) when
   *   a pool thread cannot open it.
   */
  static async load(modelDir?: string, options: RiskScorerOptions = {}): Promise<RiskScorer> {
    const dir = path.resolve(modelDir ?? process.env['RISK_MODEL_DIR'] ?? DEFAULT_MODEL_DIR);
    const spec = loadFeatureSpec(path.join(dir, FEATURE_SPEC_FILE));
    const session = await openSession(path.join(dir, spec.model.file), spec.model.sha256, spec, options);
    let critical: ort.InferenceSession | null = null;
    if (spec.critical) {
      try {
        critical = await openSession(path.join(dir, spec.critical.file), spec.critical.sha256, spec, options);
      } catch (e) {
        await session.release();
        throw e;
      }
    }
    if (options.pool) {
      try {
        await options.pool.warm(dir);
      } catch (e) {
        await session.release();
        await critical?.release();
        throw e;
      }
    }
    return new RiskScorer(spec, session, critical, dir, Math.max(1, options.batchSize ?? 2048), options.pool ?? null);
  }

  /** True when the ONNX sessions and TreeSHAP run in a {@link ScoringPool}'s threads. */
  get offThread(): boolean {
    return this.pool !== null;
  }

  /** True when the model's features need the supply-chain history (spec version 2). */
  get needsHistory(): boolean {
    return this.spec.features.some(isHistoryFeature);
  }

  /**
   * Exact TreeSHAP attribution of a fraud score to its features (spec `explanation.treesFile`):
   * the `k` features that pushed the score most, with their values and signed contributions in
   * log-odds, plus the bias (expected raw score) and the raw score (= bias + all contributions;
   * probability = 1 / (1 + e^-raw)). Several ms per row: meant for traces, not the hot path.
   * @param features one float32 feature row (e.g. a decision record's `model.inputs`).
   * @returns null when the version ships no trees.
   * @throws RangeError when the row does not have `spec.numFeatures` values.
   */
  explain(features: Float32Array | readonly number[], k = 8): ScoreExplanation | null {
    if (!this.spec.explanation) return null;
    if (!this.explainer) this.explainer = TreeExplainer.load(path.join(this.modelDir, this.spec.explanation.treesFile));
    const e = this.explainer;
    return { bias: e.bias, rawScore: e.rawScore(features), top: e.top(features, this.spec.features.map((f) => f.name), k) };
  }

  /**
   * {@link explain} in a pool thread when the scorer has a pool (TreeSHAP takes several ms per
   * row: a trace read must not hold up screening), else on this thread.
   * @throws RangeError (in-thread) or RiskModelError (pool) when the row has the wrong width.
   */
  async explainOffThread(features: Float32Array | readonly number[], k = 8): Promise<ScoreExplanation | null> {
    if (!this.pool) return this.explain(features, k);
    if (!this.spec.explanation) return null;
    return this.pool.explain(this.modelDir, Float32Array.from(features), k);
  }

  /** True when the version has a critical-fraud (public safety) model. */
  get hasCriticalModel(): boolean {
    return this.criticalSession !== null;
  }

  /**
   * Probability of fraud for each declaration, in input order.
   *
   * @param decls declarations (units: kg, KRW, %; see {@link Declaration}).
   * @param history supply-chain history (needed when {@link needsHistory}).
   * @returns one number in [0, 1] per declaration; higher = riskier. `[]` for `[]`.
   * @throws FeatureEncodingError for an undecodable declaration (bad date, non-finite number)
   *   or a missing history.
   * @throws RiskModelError after {@link close}.
   */
  async scoreBatch(decls: readonly Declaration[], history?: HistoryLookup): Promise<number[]> {
    return (await this.scoreDetailed(decls, history)).map((r) => r.score);
  }

  /**
   * Fraud and critical-fraud probabilities with the feature rows they were computed from.
   * @returns per declaration `{ score, criticalScore (null without a critical model), features
   *   (float32 row of `spec.numFeatures`) }`, in input order.
   * @throws as {@link scoreBatch}.
   */
  async scoreDetailed(decls: readonly Declaration[], history?: HistoryLookup): Promise<ScoredDeclaration[]> {
    const out: ScoredDeclaration[] = new Array(decls.length);
    const nf = this.spec.numFeatures;
    for (let start = 0; start < decls.length; start += this.batchSize) {
      const chunk = decls.slice(start, start + this.batchSize);
      const matrix = encodeFeatures(chunk, this.spec, history);
      const { fraud: scores, critical } = await this.scoreMatrix(matrix, chunk.length);
      for (let i = 0; i < scores.length; i++)
        out[start + i] = { score: scores[i], criticalScore: critical ? critical[i] : null, features: matrix.subarray(i * nf, (i + 1) * nf) };
    }
    return out;
  }

  /**
   * {@link scoreDetailed} of several models over the same declarations, in one pool round trip
   * when they all score in the same {@link ScoringPool} (a batch's champion and shadows), else
   * one model after the other.
   * @param models each scorer with the history it reads (undefined for models without history features)
   * @returns per model, per declaration (input order) its scores and feature row.
   * @throws as {@link scoreBatch}.
   */
  static async scoreDetailedMany(models: ReadonlyArray<{ scorer: RiskScorer; history?: HistoryLookup }>, decls: readonly Declaration[]): Promise<ScoredDeclaration[][]> {
    const pool = models[0]?.scorer.pool ?? null;
    if (!pool || models.some((m) => m.scorer.pool !== pool || !m.scorer.session) || decls.length > Math.min(...models.map((m) => m.scorer.batchSize))) {
      const out: ScoredDeclaration[][] = [];
      for (const m of models) out.push(await m.scorer.scoreDetailed(decls, m.history));
      return out;
    }
    const matrices = models.map((m) => encodeFeatures(decls, m.scorer.spec, m.history));
    const scored = decls.length === 0 ? models.map(() => ({ fraud: [], critical: null })) : await pool.scoreMany(models.map((m, i) => ({ modelDir: m.scorer.modelDir, features: matrices[i], rows: decls.length })));
    return models.map((m, k) => {
      const nf = m.scorer.spec.numFeatures;
      const { fraud, critical } = scored[k];
      return decls.map((_, i) => ({ score: fraud[i], criticalScore: critical ? critical[i] : null, features: matrices[k].subarray(i * nf, (i + 1) * nf) }));
    });
  }

  /**
   * Probability of fraud of one declaration, in [0, 1].
   * @throws as {@link scoreBatch}.
   */
  async score(decl: Declaration): Promise<number> {
    return (await this.scoreBatch([decl]))[0];
  }

  /**
   * Both models' probabilities for an encoded matrix (row-major float32 [rows, numFeatures]):
   * one pool task with a pool, else the two sessions on this thread.
   * @throws as {@link runMatrix}.
   */
  async scoreMatrix(features: Float32Array, rows: number): Promise<MatrixScores> {
    if (!this.session) throw new RiskModelError(`model ${this.name} ${this.version} is closed`);
    if (this.pool) {
      this.checkWidth(features, rows);
      return rows === 0 ? { fraud: [], critical: this.criticalSession ? [] : null } : this.pool.score(this.modelDir, features, rows);
    }
    const fraud = await this.runMatrix(features, rows);
    return { fraud, critical: this.criticalSession ? await this.runMatrix(features, rows, 'critical') : null };
  }

  /**
   * Scores an already encoded matrix (row-major float32 [rows, numFeatures]) with the fraud
   * model, or with the critical-fraud model (`model = 'critical'`); in a pool thread when the
   * scorer has a pool.
   * @throws RiskModelError when closed, on a size mismatch, or on an unexpected output shape.
   */
  async runMatrix(features: Float32Array, rows: number, model: 'fraud' | 'critical' = 'fraud'): Promise<number[]> {
    if (this.pool && this.session) {
      if (model === 'critical' && !this.criticalSession) throw new RiskModelError(`model ${this.name} ${this.version} has no critical-fraud model`);
      const both = await this.scoreMatrix(features, rows);
      return model === 'fraud' ? both.fraud : both.critical!;
    }
    const session = model === 'fraud' ? this.session : this.criticalSession;
    if (model === 'critical' && this.session && !session) throw new RiskModelError(`model ${this.name} ${this.version} has no critical-fraud model`);
    if (!session) throw new RiskModelError(`model ${this.name} ${this.version} is closed`);
    this.checkWidth(features, rows);
    if (rows === 0) return [];
    const nf = this.spec.numFeatures;
    const { inputName, outputName, positiveClassIndex } = this.spec.model;
    let result: ort.InferenceSession.OnnxValueMapType;
    try {
      result = await session.run({ [inputName]: new ort.Tensor('float32', features, [rows, nf]) }, [outputName]);
    } catch (e) {
      const msg = (e as Error).message;
      const hint = /must be type of/.test(msg)
        ? ' (typed arrays from two V8 contexts: under Jest use libs/risk-model/jest.environment.js as testEnvironment)'
        : '';
      throw new RiskModelError(`model ${this.name} ${this.version}: inference failed: ${msg}${hint}`);
    }
    const probs = result[outputName];
    const dims = probs.dims;
    if (probs.type !== 'float32' || dims.length !== 2 || dims[0] !== rows || dims[1] <= positiveClassIndex)
      throw new RiskModelError(`unexpected output ${outputName}: ${probs.type} [${dims.join(', ')}]`);
    const data = probs.data as Float32Array;
    const width = dims[1];
    const scores = new Array<number>(rows);
    for (let i = 0; i < rows; i++) scores[i] = data[i * width + positiveClassIndex];
    return scores;
  }

  private checkWidth(features: Float32Array, rows: number): void {
    const nf = this.spec.numFeatures;
    if (features.length !== rows * nf) throw new RiskModelError(`feature matrix has ${features.length} values, expected ${rows} x ${nf}`);
  }

  /** Releases the native session (not the pool); later scoring throws RiskModelError. Idempotent. */
  async close(): Promise<void> {
    const s = this.session;
    const c = this.criticalSession;
    this.session = null;
    this.criticalSession = null;
    if (s) await s.release();
    if (c) await c.release();
  }
}

/** Why a fraud score is what it is (log-odds space). */
export interface ScoreExplanation {
  /** Expected raw score over the training data (log-odds). */
  bias: number;
  /** Raw score of this row: bias + every feature's contribution. */
  rawScore: number;
  /** The features with the largest |contribution|, largest first. */
  top: FeatureContribution[];
}

/** One declaration's scores and the float32 feature row they were computed from. */
export interface ScoredDeclaration {
  /** P(fraud) in [0, 1]. */
  score: number;
  /** P(critical fraud: a threat to public safety) in [0, 1], null when the version has no critical model. */
  criticalScore: number | null;
  features: Float32Array;
}

/**
 * Opens an ONNX session for a model file of the spec and checks it: SHA-256 (when given),
 * input and output names, and a smoke run with `spec.numFeatures` columns.
 * @throws RiskModelError naming the file when any check fails.
 */
async function openSession(file: string, sha256: string | undefined, spec: FeatureSpec, options: RiskScorerOptions): Promise<ort.InferenceSession> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new RiskModelError(`${file}: cannot read ONNX model: ${(e as Error).message}`);
  }
  if (sha256) {
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== sha256) throw new RiskModelError(`${file}: SHA-256 ${sha} does not match the spec's ${sha256}`);
  }
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      intraOpNumThreads: options.intraOpNumThreads ?? 1,
      interOpNumThreads: 1,
    });
  } catch (e) {
    throw new RiskModelError(`${file}: cannot open ONNX model: ${(e as Error).message}`);
  }
  const fail = async (msg: string): Promise<never> => {
    await session.release();
    throw new RiskModelError(`${file}: ${msg}`);
  };
  const { inputName, outputName } = spec.model;
  if (!session.inputNames.includes(inputName)) await fail(`no input ${inputName} (inputs: ${session.inputNames.join(', ')})`);
  if (!session.outputNames.includes(outputName)) await fail(`no output ${outputName} (outputs: ${session.outputNames.join(', ')})`);
  try {
    await session.run({ [inputName]: new ort.Tensor('float32', new Float32Array(spec.numFeatures), [1, spec.numFeatures]) }, [outputName]);
  } catch (e) {
    await fail(`does not accept ${spec.numFeatures} features: ${(e as Error).message}`);
  }
  return session;
}
