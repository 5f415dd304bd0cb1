import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { temporalTestServerBin } from '../testing/temporal-binaries';
import { riskCaseWorkflow } from './risk-case.workflow';
import {
  assessRiskCase,
  closeRiskCase,
  criterionApproved,
  DEFAULT_RISK_WINDOW_MS,
  getRiskCaseState,
  inspectionReported,
  linkCriterion,
  type RiskCaseEvent,
} from './risk-case.messages';

/**
 * The full risk lifecycle with the real 15-day validity window, on Temporal's time-skipping
 * test server: the durable timer fires after 15 simulated days, in seconds of real time.
 */
describe('riskCaseWorkflow with the real 15-day window (time skipping)', () => {
  let env: TestWorkflowEnvironment;
  const events: RiskCaseEvent[] = [];

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerBin() } },
    });
  }, 120_000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('goes IDENTIFIED -> ... -> ACTIVE, stays ACTIVE for 15 days, then FEEDBACK -> CLOSED', async () => {
    const t0 = Date.now();
    const taskQueue = `wf-risk-ts-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../index.ts'),
      activities: { projectRiskCaseEvent: async (e: RiskCaseEvent) => void events.push(e) },
    });
    const riskCaseId = `risk-case-${randomUUID()}`;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(riskCaseWorkflow, {
        taskQueue,
        workflowId: riskCaseId,
        args: [{
          riskCaseId,
          reportId: `${riskCaseId}-r1`,
          riskArea: 'SMUGGLING',
          smugglingSubtype: 'DRUGS',
          subjectKeys: ['importerId:IMP777'],
          routing: { route: 'CBTC', officeIds: [], ruleId: 'RT-CBTC-SECURITY', reason: 'drugs' },
          reportedBy: 'analyst-kim',
          defaultWindowMs: DEFAULT_RISK_WINDOW_MS,
        }],
      });
      const scores = { timeliness: 4, importance: 5, applicability: 4, accuracy: 4, reliability: 4, influence: 4 };
      await handle.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'TARGET', actor: 'analyst-kim' }] });
      await handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-DRG-900', version: 1, actor: 'analyst-kim' }] });
      const active = await handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'CEN-DRG-900', version: 1, actor: 'analyst-lee' }] });
      expect(active.status).toBe('ACTIVE');
      await handle.signal(inspectionReported, { kind: 'SELECTED', inspectionCaseId: 'inspection-case-X1', declarationId: 'X1', criterionIds: ['CEN-DRG-900'], lane: 'RED' });

      await env.sleep('14 days');
      expect((await handle.query(getRiskCaseState)).status).toBe('ACTIVE');
      await env.sleep(24 * 60 * 60 * 1000 + 60_000);
      const feedback = await handle.query(getRiskCaseState);
      expect(feedback.status).toBe('FEEDBACK');
      expect(feedback.feedback[0]).toMatchObject({ criterionId: 'CEN-DRG-900', selections: 1 });
      const closed = await handle.executeUpdate(closeRiskCase, { args: [{ note: 'window over', actor: 'analyst-kim' }] });
      expect(closed.status).toBe('CLOSED');
      expect((await handle.result()).status).toBe('CLOSED');
    });
    const types = events.filter((e) => e.riskCaseId === riskCaseId).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ACTIVATED', 'WINDOW_ENDED', 'CLOSED']));
    console.log(`risk case full lifecycle with the 15-day window (time skipping): ${Date.now() - t0} ms real time`);
  }, 120_000);
});
