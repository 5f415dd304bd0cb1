import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Upper bounds (seconds) of the activity-duration histogram: 1 ms to 30 s. */
export const ACTIVITY_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The case worker's own Prometheus metrics, on a registry of its own (several workers in one
 * process never collide), with Node's default process metrics. The Temporal SDK's metrics
 * (task slots, poll latencies, workflow and activity task latencies) come from the SDK runtime's
 * exporter and are appended by the metrics server (`serveWorkerMetrics`).
 */
export class WorkerMetrics {
  readonly registry = new Registry();

  /** Activity executions by activity name and outcome (`ok`, `error`), seconds; `_count` counts them. */
  readonly activityDuration = new Histogram({
    name: 'customs_worker_activity_duration_seconds',
    help: 'Activity executions of the case worker by activity and outcome (ok, error), seconds',
    labelNames: ['activity', 'outcome'] as const,
    buckets: ACTIVITY_BUCKETS_SECONDS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The same activities, each timed into `customs_worker_activity_duration_seconds` under its
   * property name. Results and errors pass through unchanged.
   */
  timeActivities<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
    const timed: Record<string, (...args: never[]) => Promise<unknown>> = {};
    for (const [name, fn] of Object.entries(activities)) {
      timed[name] = async (...args: never[]) => {
        const end = this.activityDuration.startTimer({ activity: name });
        try {
          const result = await fn(...args);
          end({ outcome: 'ok' });
          return result;
        } catch (err) {
          end({ outcome: 'error' });
          throw err;
        }
      };
    }
    return timed as T;
  }
}
