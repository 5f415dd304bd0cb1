import { RiskScorer, type ScoreExplanation } from '../risk-scorer';

/** Both models' probabilities for the rows of one feature matrix (see {@link ScoringPool.score}). */
export interface MatrixScores {
  /** P(fraud) per row, in [0, 1]. */
  fraud: number[];
  /** P(critical fraud) per row, null when the version has no critical-fraud model. */
  critical: number[] | null;
}

/** A message to a scoring thread: score a row-major float32 matrix, explain one row, or just load a model. */
export type ScoringTask =
  | { kind: 'score'; modelDir: string; features: Float32Array; rows: number }
  | { kind: 'scoreMany'; matrices: Array<{ modelDir: string; features: Float32Array; rows: number }> }
  | { kind: 'explain'; modelDir: string; features: Float32Array; k: number }
  | { kind: 'load'; modelDir: string };

/** The models this thread has opened, by folder (each loaded once, checked against its spec's SHA-256). */
const scorers = new Map<string, Promise<RiskScorer>>();

function scorerOf(modelDir: string): Promise<RiskScorer> {
  let s = scorers.get(modelDir);
  if (!s) {
    s = RiskScorer.load(modelDir);
    // A folder that failed to load is tried again by the next task rather than failing forever.
    s.catch(() => scorers.delete(modelDir));
    scorers.set(modelDir, s);
  }
  return s;
}

/**
 * Runs one task in a scoring thread (piscina calls the default export). The ONNX sessions run
 * here, off the API's event loop; their `run()` is a synchronous native call (../shared/NOTES.md).
 * @returns MatrixScores for `score`, one per matrix for `scoreMany` (several models' matrices
 *   in one round trip), a ScoreExplanation (or null without trees) for `explain`,
 *   the model's name and version for `load`.
 * @throws RiskModelError (as a plain Error across the thread boundary) when the model cannot be
 *   loaded or a matrix does not fit it.
 */
export default async function run(task: ScoringTask): Promise<MatrixScores | MatrixScores[] | ScoreExplanation | null | { name: string; version: string }> {
  if (task.kind === 'scoreMany') {
    const out: MatrixScores[] = [];
    for (const m of task.matrices) out.push(await scoreMatrix(await scorerOf(m.modelDir), m.features, m.rows));
    return out;
  }
  const scorer = await scorerOf(task.modelDir);
  if (task.kind === 'load') return { name: scorer.name, version: scorer.version };
  if (task.kind === 'explain') return scorer.explain(task.features, task.k);
  return scoreMatrix(scorer, task.features, task.rows);
}

async function scoreMatrix(scorer: RiskScorer, features: Float32Array, rows: number): Promise<MatrixScores> {
  const fraud = await scorer.runMatrix(features, rows);
  const critical = scorer.hasCriticalModel ? await scorer.runMatrix(features, rows, 'critical') : null;
  return { fraud, critical };
}
