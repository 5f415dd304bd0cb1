import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { formatFaultReport, runFaultScenario } from '../support/fault-scenario';
import type { FaultStack } from '../support/fault-stack';
import { startClusterStack } from '../../tools/cluster/cluster-stack';

/**
 * `npm run soak [-- --file F --declarations N --rounds R --downtime-ms D --topology dev|cluster]`
 * (`npm run cluster:fault` is `--topology cluster`)
 *
 * The fault-injection scenario of `e2e/api/fault-injection.e2e-spec.ts` at a larger scale, on a
 * stack of its own (PostgreSQL, Temporal dev server, worker and API as separate processes on
 * free ports in `tmp/`): ingests the declarations of F (default the bundled 1,000-row KCS
 * sample; `../shared/data/kcs-import-declarations/valid.csv` for the whole valid split) while
 * scripted officers work the cases, and kills -9 and restarts the worker, the API, Temporal and
 * Postgres in turn, R rounds (default 3). Prints progress, then the counts, the kills and every
 * violated invariant. Exits 0 when none, 1 otherwise, 2 on bad arguments.
 *
 * `--topology cluster`: the same against the production topology (tools/cluster: Temporal
 * server on PostgreSQL, two workers, two APIs behind HAProxy, clients through HAProxy); each
 * round kills one worker, one API, the Temporal server, the application's PostgreSQL and
 * Temporal's PostgreSQL.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string', default: 'e2e/fixtures/kcs-valid-sample.csv' },
      declarations: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'downtime-ms': { type: 'string', default: '1000' },
      topology: { type: 'string', default: 'dev' },
    },
  });
  const limit = values.declarations === undefined ? Infinity : Number(values.declarations);
  const rounds = Number(values.rounds);
  const downtimeMs = Number(values['downtime-ms']);
  const topology = values.topology;
  if (!(limit > 0) || !Number.isInteger(rounds) || rounds < 1 || !(downtimeMs >= 0) || (topology !== 'dev' && topology !== 'cluster')) {
    console.error('usage: npm run soak -- [--file F] [--declarations N>0] [--rounds R>=1] [--downtime-ms D>=0] [--topology dev|cluster]');
    return 2;
  }
  const declarations: Declaration[] = [];
  const seen = new Set<string>();
  let refused = 0;
  for await (const r of readDeclarationFile(path.resolve(values.file!))) {
    if (!('declaration' in r)) {
      refused += 1;
      continue;
    }
    if (seen.has(r.declaration.declarationId)) continue;
    seen.add(r.declaration.declarationId);
    declarations.push(r.declaration);
    if (declarations.length >= limit) break;
  }
  console.log(`soak: ${declarations.length} declarations from ${values.file} (${refused} invalid rows skipped), ${rounds} kill round(s), ${topology} topology`);
  const startStack = topology === 'cluster' ? startCluster : undefined;
  const report = await runFaultScenario({ declarations, rounds, downtimeMs, startStack, log: (line) => console.log(`soak: ${line}`) });
  console.log(formatFaultReport(report));
  console.log(JSON.stringify({ ...report.counts, violations: report.violations.length }));
  return report.violations.length === 0 ? 0 : 1;
}

/** The production topology as a fault stack: clients through HAProxy; checks as the database owner. */
async function startCluster(): Promise<FaultStack> {
  const c = await startClusterStack({ env: { LOG_LEVEL: 'warn' }, log: (line) => console.log(`soak: cluster: ${line}`) });
  const { worker, api, temporal, postgres } = c.services;
  return {
    baseUrl: c.baseUrl,
    databaseUrl: c.databaseOwnerUrl,
    temporalAddress: c.temporalAddress,
    taskQueue: c.taskQueue,
    services: { ...c.services, worker, api, temporal, postgres },
    killOrder: ['worker', 'api', 'temporal', 'postgres', 'temporal-postgres'],
    stop: c.stop,
  };
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('soak failed:', err);
    process.exit(1);
  },
);
