import 'reflect-metadata';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { dataSourceOptions, InspectionCaseRepository, RiskCaseRepository } from '@customs/persistence';
import type { CaseEvent } from '@customs/workflows/messages';
import { WORKFLOWS_PATH } from '@customs/workflows/path';
import { createCaseProjectionActivities } from './activities/case-projection.activities';
import { createRiskCaseProjectionActivities, reportInspectionToRiskCases } from './activities/risk-case-projection.activities';


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
    activities: caseActivities(dataSource),
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
