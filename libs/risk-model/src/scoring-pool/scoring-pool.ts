import * as path from 'node:path';
import { Piscina } from 'piscina';
import { RiskModelError, type ScoreExplanation } from '../risk-scorer';
import type { MatrixScores, ScoringTask } from './scoring-task';

export type { MatrixScores } from './scoring-task';

/** Options of {@link ScoringPool}. */
export interface ScoringPoolOptions {
  /** Worker threads, each with its own ONNX sessions and TreeSHAP trees. Default 1. */
  threads?: number;
}

/**
 * A pool of worker threads (piscina) that runs the ONNX models and TreeSHAP, so the thread that
 * serves HTTP only parses, validates, decides and writes (issue 16). Each thread opens a model
 * folder on first use through `RiskScorer.load` (same SHA-256 and shape checks as in-thread)
 * and keeps it. Feature rows are encoded by the caller (they need the supply-chain history,
 * which lives on the main thread) and copied to the thread, a few hundred bytes per row.
 *
 * @example
 *   const pool = new ScoringPool({ threads: 1 });
 *   const scorer = await RiskScorer.load(dir, { pool });   // scores through the pool
 *   await scorer.close(); await pool.close();
 */
export class ScoringPool {
  private readonly piscina: Piscina;
  /** Worker threads of the pool. */
  readonly threads: number;

  constructor(options: ScoringPoolOptions = {}) {
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new RangeError(`scoring threads must be a whole number from 1 to 64, got ${threads}`);
    this.threads = threads;
    this.piscina = new Piscina({
      filename: path.join(__dirname, 'scoring-worker.js'),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // Tasks queue while every thread is busy: a burst of batches waits here, not on the event loop.
      maxQueue: Number.POSITIVE_INFINITY,
      // An idle thread waits on its message port rather than in Atomics.wait: a third of the
      // round trip for a one-row task here (35 against 109 us p50, tmp measurement of 2026-12-06).
      atomics: 'async',
    });
  }

  /**
   * Opens the model folder in every thread now, so the first declaration does not pay for it.
   * @throws RiskModelError when a thread cannot load it.
   */
  async warm(modelDir: string): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.run({ kind: 'load', modelDir })));
  }

  /**
   * Fraud and critical-fraud probabilities of each row of a row-major float32 matrix
   * `[rows, numFeatures]`, scored in a pool thread with the model of `modelDir`.
   * @throws RiskModelError when the model cannot be loaded or the matrix does not fit it.
   */
  score(modelDir: string, features: Float32Array, rows: number): Promise<MatrixScores> {
    return this.run({ kind: 'score', modelDir, features, rows }) as Promise<MatrixScores>;
  }

  /**
   * Several models' matrices scored in one round trip (a declaration's champion and shadow
   * models), in order: one thread hop instead of one per model.
   * @throws RiskModelError as {@link score}.
   */
  scoreMany(matrices: Array<{ modelDir: string; features: Float32Array; rows: number }>): Promise<MatrixScores[]> {
    return this.run({ kind: 'scoreMany', matrices }) as Promise<MatrixScores[]>;
  }

  /**
   * Exact TreeSHAP attribution of one feature row (see `RiskScorer.explain`), computed in a pool thread.
   * @returns null when the version ships no trees.
   * @throws RiskModelError as {@link score}; RangeError text when the row has the wrong width.
   */
  explain(modelDir: string, features: Float32Array, k: number): Promise<ScoreExplanation | null> {
    return this.run({ kind: 'explain', modelDir, features, k }) as Promise<ScoreExplanation | null>;
  }

  /** Tasks waiting for a free thread now (a gauge for the metrics). */
  get queued(): number {
    return this.piscina.queueSize;
  }

  /** Stops the threads (tasks in flight are rejected). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.piscina.destroy();
  }

  private closed = false;

  private async run(task: ScoringTask): Promise<unknown> {
    if (this.closed) throw new RiskModelError('the scoring pool is closed');
    try {
      return await this.piscina.run(task);
    } catch (e) {
      // Errors cross the thread boundary as plain Errors: give them back their type and say where they came from.
      throw new RiskModelError(`scoring thread: ${(e as Error).message}`);
    }
  }
}
