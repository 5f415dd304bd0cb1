import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DecisionRecordBody } from '@customs/decision';

/** Upper bounds (seconds) of the latency histograms: 5 ms to 30 s. */
export const LATENCY_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Upper bounds (declarations) of the batch-size histogram, up to the largest accepted batch (100,000). */
export const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000, 10_000, 100_000];
/** Upper bounds of the model-score histogram (a probability 0..1), finer near both ends where the cut-offs sit. */
export const SCORE_BUCKETS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99, 1];
/** Upper bounds (seconds) of decision-to-case-start delay: 10 ms to 1 h (Temporal down for a while). */
export const CASE_START_DELAY_BUCKETS_SECONDS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

/** `selectionBasis.decidedBy` of a GREEN decision (nothing selected it). */
export const NO_SELECTION_BASIS = 'NONE';

/**
 * The API process's Prometheus metrics, on a registry of its own (so several API instances in
 * one process, as in the end-to-end tests, never collide), with Node's default process metrics
 * (`process_*`, `nodejs_*`). Gauges read at scrape time (outbox, pool) are added by
 * `MetricsCollectors`. Names follow Prometheus conventions: `customs_` prefix, base units
 * (seconds), `_total` for counters.
 */
export class CustomsMetrics {
  readonly registry = new Registry();

  /** Declarations decided and stored (re-sends not counted), by lane, customs office and deciding basis (`NONE` for GREEN). */
  readonly decisions = new Counter({
    name: 'customs_decisions_total',
    help: 'Declarations screened and stored, by lane, customs office and the basis that decided the lane (NONE for GREEN)',
    labelNames: ['lane', 'office', 'basis'] as const,
    registers: [this.registry],
  });

  /** Wall time of screening one batch (`POST /api/declarations` is a batch of one), seconds. */
  readonly screeningDuration = new Histogram({
    name: 'customs_screening_duration_seconds',
    help: 'Time to screen one batch of declarations (criteria, scores, lane, stored decision), seconds',
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  /** Declarations per screened batch. */
  readonly batchSize = new Histogram({
    name: 'customs_screening_batch_size',
    help: 'Declarations per screened batch',
    buckets: BATCH_SIZE_BUCKETS,
    registers: [this.registry],
  });

  /** Fraud scores (0..1) per model and version: the deciding model and every shadow model. */
  readonly modelScore = new Histogram({
    name: 'customs_model_score',
    help: 'Fraud score (probability 0..1) given to screened declarations, per model, version and role (champion or shadow)',
    labelNames: ['model', 'version', 'role'] as const,
    buckets: SCORE_BUCKETS,
    registers: [this.registry],
  });

  /** Compilations of the selectivity engine over the criteria in force. */
  readonly criteriaCompiles = new Counter({
    name: 'customs_criteria_compiles_total',
    help: 'Compilations of the selectivity engine over the selectivity criteria in force',
    registers: [this.registry],
  });

  /** Time to compile the selectivity engine, seconds. */
  readonly criteriaCompileDuration = new Histogram({
    name: 'customs_criteria_compile_duration_seconds',
    help: 'Time to compile the selectivity engine over the criteria in force, seconds',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** Time from a YELLOW/RED decision (its outbox row) to its inspection-case workflow started, seconds. */
  readonly caseStartDelay = new Histogram({
    name: 'customs_case_start_delay_seconds',
    help: 'Time from a YELLOW/RED decision being stored to its inspection-case workflow started, seconds',
    buckets: CASE_START_DELAY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  /** HTTP requests by method, route template (`/api/cases/{id}`, never the raw URL) and status, seconds. */
  readonly httpDuration = new Histogram({
    name: 'customs_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code, seconds',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts stored decisions and observes their model scores (champion and shadows). */
  recordDecisions(records: readonly DecisionRecordBody[]): void {
    for (const r of records) {
      this.decisions.inc({ lane: r.lane, office: r.declaration.officeId, basis: r.selectionBasis?.decidedBy ?? NO_SELECTION_BASIS });
      this.modelScore.observe({ model: r.model.name, version: r.model.version, role: 'champion' }, r.model.score);
      for (const s of r.shadow ?? []) this.modelScore.observe({ model: s.name, version: s.version, role: 'shadow' }, s.score);
    }
  }

  /**
   * Adds a gauge read when scraped.
   * @param read returns the labelled values at scrape time; a throw leaves the gauge empty for that scrape.
   */
  addScrapeGauge(name: string, help: string, labelNames: readonly string[], read: () => Promise<Array<{ labels: Record<string, string>; value: number }>>): Gauge {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await read()) this.set(labels, value);
      },
    });
  }

  /** The exposition text of every metric (Prometheus text format 0.0.4). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  /** The `Content-Type` of `render()`'s text. */
  get contentType(): string {
    return this.registry.contentType;
  }
}
