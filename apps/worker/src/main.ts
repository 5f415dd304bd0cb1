import { Runtime } from '@temporalio/worker';
import { loadRuntimeConfig } from '@customs/config';
import { createLogger, temporalRuntimeLogging } from '@customs/logging';
import { serveWorkerMetrics, type WorkerMetricsServer } from './metrics/metrics-server';
import { createCaseWorker } from './worker';

/**
 * Worker process: installs the Temporal runtime with the service's JSON-line logger (`LOG_FORMAT`,
 * `LOG_LEVEL`; SDK, workflow, activity and native core lines included), creates the case worker
 * and runs it until SIGINT/SIGTERM; exits 1 on failure. With `WORKER_METRICS_PORT` set, it also
 * serves `/metrics` (its own and the Temporal SDK runtime's, whose exporter listens on
 * 127.0.0.1:`WORKER_SDK_METRICS_PORT`), `/health/live` and `/health/ready` on that port.
 */
async function main(): Promise<void> {
  const config = loadRuntimeConfig();
  const logger = createLogger({ service: 'worker', level: config.log.level, format: config.log.format });
  const metricsOn = config.workerMetricsPort > 0;
  const logging = temporalRuntimeLogging(logger);
  // Before the first connection: the runtime is created once, with its log forwarding and exporter.
  Runtime.install({
    ...logging,
    telemetryOptions: {
      ...logging.telemetryOptions,
      ...(metricsOn ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${config.workerSdkMetricsPort}`, useSecondsForDurations: true } } } : {}),
    },
  });
  const { worker, close, metrics, readiness } = await createCaseWorker(config);
  let server: WorkerMetricsServer | null = null;
  if (metricsOn) {
    server = await serveWorkerMetrics(metrics, {
      port: config.workerMetricsPort,
      sdkMetricsUrl: `http://127.0.0.1:${config.workerSdkMetricsPort}/metrics`,
      readiness,
    });
    logger.info({ port: server.port }, `worker: metrics and health on http://127.0.0.1:${server.port}/metrics`);
  }
  logger.info({ taskQueue: worker.options.taskQueue }, `worker: polling task queue ${worker.options.taskQueue}`);
  try {
    await worker.run();
  } finally {
    await server?.close();
    await close();
  }
}

main().catch((err) => {
  // The configuration may be what failed: a logger with the defaults.
  createLogger({ service: 'worker' }).fatal({ err }, `worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
