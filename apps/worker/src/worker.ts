import 'reflect-metadata';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { dataSourceOptions, InspectionCaseRepository, RiskCaseRepository } from '@customs/persistence';
import type { CaseEvent } from '@customs/workflows/messages';
import { WORKFLOWS_PATH } from '@customs/workflows/path';
import { createCaseProjectionActivities } from './activities/case-projection.activities';
import { createRiskCaseProjectionActivities, reportInspectionToRiskCases } from './activities/risk-case-projection.activities';
import type { DependencyCheck } from './metrics/metrics-server';
import { WorkerMetrics } from './metrics/worker-metrics';


/**
 * The activities of both case workflows, over the repositories of `@customs/persistence` built
 * on the worker's DataSource. An inspection case's projection also tells the risk cases behind
 * its fired criteria about the selection and the result (see `reportInspectionToRiskCases`).
 */
function caseActivities(dataSource: DataSource) {
  const repositories = { cases: new InspectionCaseRepository(dataSource), riskCases: new RiskCaseRepository(dataSource) };
  const inspection = createCaseProjectionActivities(dataSource);
  return {
    ...inspection,
    async projectCaseEvent(event: CaseEvent): Promise<void> {
      await inspection.projectCaseEvent(event);
      await reportInspectionToRiskCases(repositories, event);
    },
    ...createRiskCaseProjectionActivities(repositories.riskCases),
  };
}

/** A case worker, not yet running, with its metrics and the readiness checks of what it depends on. */
export interface CaseWorker {
  worker: Worker;
  /** The worker's own metrics (activity executions, process), for `serveWorkerMetrics`. */
  metrics: WorkerMetrics;
  /** Reachability of PostgreSQL and Temporal from this worker; each check resolves, never throws. */
  readiness: { postgres: () => Promise<DependencyCheck>; temporal: () => Promise<DependencyCheck> };
  /** Closes the Temporal connection and the database pool (after the worker stopped). */
  close: () => Promise<void>;
}

/** How long a readiness check may take before the dependency counts as down, milliseconds. */
const READY_TIMEOUT_MS = 2000;

/**
 * Creates the Temporal worker for the case task queue with its activities (each timed into
 * `customs_worker_activity_duration_seconds`).
 * The caller runs it (`worker.run()`) and later closes the returned resources.
 * @throws when Postgres or Temporal cannot be reached.
 */
export async function createCaseWorker(config: RuntimeConfig, overrides: Partial<WorkerOptions> = {}): Promise<CaseWorker> {
  const metrics = new WorkerMetrics();
  const dataSource = await new DataSource(dataSourceOptions(config.databaseUrl, 5)).initialize();
  const connection = await NativeConnection.connect({ address: config.temporalAddress, tls: config.temporalTls });
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: metrics.timeActivities(caseActivities(dataSource)),
    ...overrides,
  });
  const check = async (what: string, probe: () => Promise<unknown>): Promise<DependencyCheck> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS)))]);
      return { status: 'up' };
    } catch (err) {
      return { status: 'down', message: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    worker,
    metrics,
    readiness: {
      postgres: () => check('PostgreSQL', () => dataSource.query('SELECT 1')),
      temporal: () => check('Temporal', () => connection.withDeadline(Date.now() + READY_TIMEOUT_MS, () => connection.workflowService.getSystemInfo({}))),
    },
    close: async () => {
      await connection.close();
      await dataSource.destroy();
    },
  };
}
