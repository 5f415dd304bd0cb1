/** The worker's entry point for running it in-process (the end-to-end tests); `main.ts` is the process entry point. */
export { createCaseWorker, type CaseWorker } from './worker';
export { serveWorkerMetrics, type WorkerMetricsServer } from './metrics/metrics-server';
