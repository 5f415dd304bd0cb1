import { loadRuntimeConfig } from '@customs/config';
import { Runtime } from '@temporalio/worker';
import { serveWorkerMetrics, type WorkerMetricsServer } from './metrics/metrics-server';
import { createCaseWorker } from './worker';

/**
 * Worker process: creates the case worker and runs it until SIGINT/SIGTERM; exits 1 on failure.
 * With `WORKER_METRICS_PORT` set, it also serves `/metrics` (its own and the Temporal SDK
 * runtime's, whose exporter listens on 127.0.0.1:`WORKER_SDK_METRICS_PORT`), `/health/live` and
 * `/health/ready` on that port.
 */
async function main(): Promise<void> {
  const config = loadRuntimeConfig();
  const metricsOn = config.workerMetricsPort > 0;
  if (metricsOn) {
    // Before the first connection: the runtime is created once, with its exporter.
    Runtime.install({
      telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${config.workerSdkMetricsPort}`, useSecondsForDurations: true } } },
    });
  }
  const { worker, close, metrics, readiness } = await createCaseWorker(config);
  let server: WorkerMetricsServer | null = null;
  if (metricsOn) {
    server = await serveWorkerMetrics(metrics, {
      port: config.workerMetricsPort,
      sdkMetricsUrl: `http://127.0.0.1:${config.workerSdkMetricsPort}/metrics`,
      readiness,
    });
    console.log(`worker: metrics and health on http://127.0.0.1:${server.port}/metrics`);
  }
  console.log(`worker: polling task queue ${worker.options.taskQueue}`);
  try {
    await worker.run();
  } finally {
    await server?.close();
    await close();
  }
}

main().catch((err) => {
  console.error('worker failed:', err);
  process.exit(1);
});
