import { startClusterStack } from '@customs/local-stack';
import { runMigrations } from '@customs/migrations';
import { temporalBin } from '@customs/workflows/testing';
import type { FaultStack } from '../support/fault-stack';
import { runSoak } from '../support/soak-run';

/**
 * `npm run cluster:fault [-- --file F --declarations N --rounds R --downtime-ms D]`
 *
 * The soak's fault-injection scenario (`runSoak`: ingest in singles and batches while scripted
 * officers assign, record results and close cases) against the production topology of
 * `startClusterStack`, clients going through HAProxy. Each round kills -9 and restarts one worker,
 * one API process, the Temporal server, the application's PostgreSQL and Temporal's PostgreSQL;
 * the other worker and API keep running. Then checks that nothing was lost or duplicated
 * (decisions, case workflows, queue rows, case events). Exits 0 when no invariant was violated,
 * 1 otherwise, 2 on bad arguments.
 */
async function startCluster(): Promise<FaultStack> {
  const c = await startClusterStack({ migrate: runMigrations, temporalCli: temporalBin(), env: { LOG_LEVEL: 'warn' }, log: (line) => console.log(`soak: cluster: ${line}`) });
  const { worker, api, temporal, postgres } = c.services;
  return {
    baseUrl: c.baseUrl,
    databaseUrl: c.databaseOwnerUrl, // the checks read every table
    temporalAddress: c.temporalAddress,
    taskQueue: c.taskQueue,
    services: { ...c.services, worker, api, temporal, postgres },
    killOrder: ['worker', 'api', 'temporal', 'postgres', 'temporal-postgres'],
    stop: c.stop,
  };
}

runSoak(process.argv.slice(2), startCluster, 'cluster').then(
  (code) => process.exit(code),
  (err) => {
    console.error('cluster fault run failed:', err);
    process.exit(1);
  },
);
