import { Runtime } from '@temporalio/worker';
import { loadRuntimeConfig } from '@customs/config';
import { createLogger, temporalRuntimeLogging } from '@customs/logging';
import { createCaseWorker } from './worker';

/**
 * Worker process: installs the Temporal runtime with the service's JSON-line logger (`LOG_FORMAT`,
 * `LOG_LEVEL`; SDK, workflow, activity and native core lines included), creates the case worker
 * and runs it until SIGINT/SIGTERM; exits 1 on failure.
 */
async function main(): Promise<void> {
  const config = loadRuntimeConfig();
  const logger = createLogger({ service: 'worker', level: config.log.level, format: config.log.format });
  Runtime.install({ ...temporalRuntimeLogging(logger) });
  const { worker, close } = await createCaseWorker(config);
  logger.info({ taskQueue: worker.options.taskQueue }, `worker: polling task queue ${worker.options.taskQueue}`);
  try {
    await worker.run();
  } finally {
    await close();
  }
}

main().catch((err) => {
  // The configuration may be what failed: a logger with the defaults.
  createLogger({ service: 'worker' }).fatal({ err }, `worker failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
