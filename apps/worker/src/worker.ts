import 'reflect-metadata';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { loadRuntimeConfig, type RuntimeConfig } from '@customs/config';
import { dataSourceOptions } from '@customs/persistence';
import { createCaseProjectionActivities } from './activities/case-projection.activities';

/** Path of the workflow entry point, bundled by the Temporal SDK at start in development. */
export const WORKFLOWS_PATH = require.resolve('../../../workflows/src/index.ts');

/**
 * Creates the Temporal worker for the case task queue with its activities.
 * The caller runs it (`worker.run()`) and later closes the returned resources.
 * @throws when Postgres or Temporal cannot be reached.
 */
export async function createCaseWorker(
  config: RuntimeConfig,
  overrides: Partial<WorkerOptions> = {},
): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 5)).initialize();
  const connection = await NativeConnection.connect({ address: config.temporalAddress, tls: config.temporalTls });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: createCaseProjectionActivities(dataSource),
    ...overrides,
  });
  return {
    worker,
    close: async () => {
      await connection.close();
      await dataSource.destroy();
    },
  };
}
