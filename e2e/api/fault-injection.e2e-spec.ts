import * as path from 'node:path';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { formatFaultReport, runFaultScenario } from '../support/fault-scenario';

/**
 * Fault injection at CI scale (issue 7): 240 declarations of the bundled KCS sample ingested in
 * singles and batches while scripted officers of offices 40 and 20 work the cases that appear,
 * and the worker, the API, the Temporal server and Postgres are each killed with SIGKILL and
 * restarted on the same data, once. Runs on a Postgres and Temporal of its own (the suite's are
 * shared with the other specs). `npm run soak` runs the same scenario larger.
 *
 * Every declaration has exactly one decision; every YELLOW/RED one case workflow and one queue
 * row; every case the officers drove is in the state they drove it to (others QUEUED); every
 * case's events are 1..n without gaps in the expected order.
 */
describe('fault injection: kill -9 of worker, API, Temporal and Postgres during ingest and casework (e2e)', () => {
  const DECLARATIONS = 240;

  it('loses, duplicates and strands nothing', async () => {
    const declarations: Declaration[] = [];
    for await (const r of readDeclarationFile(path.resolve(__dirname, '../fixtures/kcs-valid-sample.csv'))) {
      if ('declaration' in r) declarations.push(r.declaration);
      if (declarations.length === DECLARATIONS) break;
    }
    const report = await runFaultScenario({ declarations, rounds: 1, log: (line) => process.stdout.write(`fault: ${line}\n`) });
    process.stdout.write(`${formatFaultReport(report)}\n`);

    expect(report.violations).toEqual([]);
    expect(report.kills.map((k) => k.service)).toEqual(['worker', 'api', 'temporal', 'postgres']);
    const c = report.counts;
    expect(c.decisionRecords).toBe(DECLARATIONS);
    expect(c.yellowRedDecisions).toBeGreaterThan(10);
    expect(c.caseWorkflowsCounted).toBe(c.yellowRedDecisions);
    expect(c.queueRows).toBe(c.yellowRedDecisions);
    expect(c.casesActedOn).toBeGreaterThan(5);
    expect(c.casesAtTarget).toBe(c.casesActedOn);
    expect(c.casesAtTarget + c.untouchedCasesQueued).toBe(c.yellowRedDecisions);
    // The faults did hit traffic: some requests failed and were retried.
    expect(c.clientRetriesTotal).toBeGreaterThan(0);
  }, 15 * 60_000);
});
