import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { temporalBin } from './temporal-binaries';

/** A real Temporal dev server (the project's `temporal` binary) with a worker running every workflow. */
export interface DevServerWorker {
  env: TestWorkflowEnvironment;
  /** The worker's own task queue (unique per suite). */
  taskQueue: string;
  /** Stops the worker and the server. */
  stop(): Promise<void>;
}

/**
 * For workflow specs: starts the dev server and a worker on a fresh task queue with the
 * given activities (recorders standing in for Postgres; the end-to-end tests cover that side).
 * @param prefix task-queue prefix, e.g. `wf-risk`.
 */
export async function startDevServerWorker(prefix: string, activities: object): Promise<DevServerWorker> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalBin() }, ip: '127.0.0.1' },
  });
  const taskQueue = `${prefix}-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../index.ts'),
    activities,
  });
  const running = worker.run();
  return {
    env,
    taskQueue,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}
