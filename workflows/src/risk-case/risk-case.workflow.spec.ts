import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startDevServerWorker, type DevServerWorker } from '../testing/dev-server-worker';
import { ILLEGAL_TRANSITION, INVALID_CASE_INPUT } from '../inspection-case/inspection-case.messages';
import { riskCaseWorkflow } from './risk-case.workflow';
import {
  adjustWindow,
  assessRiskCase,
  closeRiskCase,
  criterionApproved,
  DEFAULT_RISK_WINDOW_MS,
  getRiskCaseState,
  inspectionReported,
  linkCriterion,
  reportLinked,
  type RiskCaseEvent,
  type RiskCaseInput,
  type RiskCaseState,
} from './risk-case.messages';

/**
 * The risk-case workflow on a real Temporal dev server, the projection replaced by a recorder.
 * The 15-day validity window is shortened per criterion (`windowMs`) so the whole lifecycle,
 * timer included, runs in seconds.
 */
describe('riskCaseWorkflow', () => {
  let env: TestWorkflowEnvironment;
  const events: RiskCaseEvent[] = [];
  let taskQueue: string;
  let server: DevServerWorker | undefined;

  beforeAll(async () => {
    server = await startDevServerWorker('wf-risk', { projectRiskCaseEvent: async (e: RiskCaseEvent) => void events.push(e) });
    ({ env, taskQueue } = server);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  const input = (): RiskCaseInput => {
    const id = `risk-case-${randomUUID()}`;
    return {
      riskCaseId: id,
      reportId: `${id}-r1`,
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjectKeys: ['importerId:IMP001'],
      routing: { route: 'CBTC', officeIds: [], ruleId: 'RT-CBTC-SECURITY', reason: 'security' },
      reportedBy: 'analyst-kim',
      defaultWindowMs: DEFAULT_RISK_WINDOW_MS,
    };
  };
  const start = (i: RiskCaseInput) => env.client.workflow.start(riskCaseWorkflow, { taskQueue, workflowId: i.riskCaseId, args: [i] });
  const failureOf = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  };
  const scores = { timeliness: 5, importance: 5, applicability: 4, accuracy: 4, reliability: 4, influence: 5 };
  const waitFor = async (handle: { query: (q: typeof getRiskCaseState) => Promise<RiskCaseState> }, ok: (s: RiskCaseState) => boolean) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = await handle.query(getRiskCaseState);
      if (ok(s)) return s;
      if (Date.now() > deadline) throw new Error(`risk case never reached the expected state (now ${s.status})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('runs IDENTIFIED -> ASSESSED -> TARGETING -> ACTIVE -> (window timer) FEEDBACK -> CLOSED with feedback', async () => {
    const t0 = Date.now();
    const i = input();
    const handle = await start(i);
    await handle.signal(reportLinked, { reportId: `${i.riskCaseId}-r2`, subjectKeys: ['declarantId:DCL9'], actor: 'analyst-lee' });
    let s = await handle.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'TARGET', note: 'credible', actor: 'analyst-kim' }] });
    expect(s).toMatchObject({ status: 'TARGETING', assessment: { composite: 4.5, riskLevel: 'HIGH', decision: 'TARGET' } });
    expect(s.reportIds).toHaveLength(2);
    s = await handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-WPN-900', version: 1, windowMs: 3000, actor: 'analyst-kim' }] });
    expect(s.status).toBe('TARGETING');
    s = await handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'CEN-WPN-900', version: 1, actor: 'analyst-lee' }] });
    expect(s.status).toBe('ACTIVE');
    expect(s.windowEndsAt).not.toBeNull();

    const sel = { kind: 'SELECTED' as const, inspectionCaseId: 'inspection-case-D1', declarationId: 'D1', criterionIds: ['CEN-WPN-900', 'CEN-OTHER-001'], lane: 'RED' };
    await handle.signal(inspectionReported, sel);
    await handle.signal(inspectionReported, sel); // re-delivered: counted once
    const result = { ...sel, kind: 'RESULT' as const, outcome: 'SEIZURE' as const, verdicts: [{ criterionId: 'CEN-WPN-900', appropriate: true, note: 'pistols' }] };
    await handle.signal(inspectionReported, result);
    await handle.signal(inspectionReported, result);
    await handle.signal(inspectionReported, { kind: 'SELECTED', inspectionCaseId: 'inspection-case-D2', declarationId: 'D2', criterionIds: ['CEN-OTHER-001'] });

    // The 3-second window runs out on its own: ACTIVE -> FEEDBACK.
    s = await waitFor(handle, (x) => x.status === 'FEEDBACK');
    expect(s.feedback).toEqual([{
      criterionId: 'CEN-WPN-900', selections: 1, results: { NO_FINDING: 0, DISCREPANCY: 0, SEIZURE: 1 }, hits: 1, hitRate: 1,
      appropriate: 1, notAppropriate: 0, notes: ['pistols'],
    }]);
    expect(s.inspections).toEqual([{ inspectionCaseId: 'inspection-case-D1', declarationId: 'D1', criterionIds: ['CEN-WPN-900'], outcome: 'SEIZURE' }]);
    const closed = await handle.executeUpdate(closeRiskCase, { args: [{ note: 'criterion worked; retire', actor: 'analyst-kim' }] });
    expect(closed.status).toBe('CLOSED');
    expect((await handle.result()).status).toBe('CLOSED');
    const mine = events.filter((e) => e.riskCaseId === i.riskCaseId);
    expect(mine.map((e) => e.seq)).toEqual(mine.map((_, k) => k + 1));
    expect(mine.map((e) => e.type)).toEqual([
      'IDENTIFIED', 'REPORT_LINKED', 'ASSESSED', 'TARGETING', 'CRITERION_LINKED', 'CRITERION_APPROVED', 'ACTIVATED',
      'INSPECTION_SELECTED', 'INSPECTION_RESULT', 'WINDOW_ENDED', 'CLOSED',
    ]);
    console.log(`risk case full lifecycle (3 s window) on a real Temporal server: ${Date.now() - t0} ms`);
  }, 30_000); // waits on a real 3 s timer: Jest's default 5 s was too tight on a loaded 2-core machine

  it('refuses illegal moves with a clear reason and dismisses on DISMISS', async () => {
    const i = input();
    const handle = await start(i);
    let f = await failureOf(handle.executeUpdate(closeRiskCase, { args: [{ note: '', actor: 'analyst-kim' }] }));
    expect(f.type).toBe(ILLEGAL_TRANSITION);
    f = await failureOf(handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-WPN-901', version: 1, actor: 'analyst-kim' }] }));
    expect(f.message).toMatch(/assess it/);
    f = await failureOf(handle.executeUpdate(assessRiskCase, { args: [{ scores: { ...scores, accuracy: 6 }, decision: 'TARGET', actor: 'analyst-kim' }] }));
    expect(f.type).toBe(INVALID_CASE_INPUT);
    expect(f.message).toMatch(/scores.accuracy must be a whole number from 1 to 5/);
    f = await failureOf(handle.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'SHARE', actor: 'analyst-kim' }] }));
    expect(f.message).toMatch(/shareWith/);
    const s = await handle.executeUpdate(assessRiskCase, { args: [{ scores: { ...scores, importance: 1, influence: 1 }, decision: 'DISMISS', actor: 'analyst-kim' }] });
    expect(s).toMatchObject({ status: 'DISMISSED', assessment: { riskLevel: 'MEDIUM' } });
    expect((await handle.result()).status).toBe('DISMISSED');
  });

  it('shares, targets a revision, extends and ends the window early', async () => {
    const i = input();
    const handle = await start(i);
    let s = await handle.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'SHARE', shareWith: ['40', '20', '40'], actor: 'analyst-kim' }] });
    expect(s).toMatchObject({ status: 'ASSESSED', sharedWith: ['20', '40'] });
    await handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'LOC-40-900', version: 1, actor: 'supervisor-40' }] });
    let f = await failureOf(handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'LOC-40-900', version: 2, actor: 'x' }] }));
    expect(f.message).toMatch(/not linked/);
    s = await handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'LOC-40-900', version: 1, actor: 'supervisor-40' }] });
    expect(s.status).toBe('ACTIVE');
    const before = Date.parse(s.windowEndsAt!);
    expect(before - Date.now()).toBeGreaterThan(DEFAULT_RISK_WINDOW_MS - 60_000);
    s = await handle.executeUpdate(adjustWindow, { args: [{ action: 'EXTEND', extendMs: 86_400_000, actor: 'analyst-kim' }] });
    expect(Date.parse(s.windowEndsAt!) - before).toBe(86_400_000);
    s = await handle.executeUpdate(adjustWindow, { args: [{ action: 'END', actor: 'analyst-kim' }] });
    expect(s.status).toBe('FEEDBACK');
    f = await failureOf(handle.executeUpdate(adjustWindow, { args: [{ action: 'END', actor: 'analyst-kim' }] }));
    expect(f.type).toBe(ILLEGAL_TRANSITION);
    // A revision approved in FEEDBACK reactivates the case with a new window.
    await handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'LOC-40-900', version: 2, windowMs: 60_000, actor: 'supervisor-40' }] });
    s = await handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'LOC-40-900', version: 2, actor: 'analyst-kim' }] });
    expect(s.status).toBe('ACTIVE');
    await handle.terminate('test done');
  });

  it('continues as new after eventsPerRun events, carrying its state and window; the id keeps answering', async () => {
    const i = { ...input(), eventsPerRun: 4 };
    const handle = await start(i);
    const firstRun = (await handle.describe()).runId;
    await handle.executeUpdate(assessRiskCase, { args: [{ scores, decision: 'TARGET', actor: 'analyst-kim' }] });
    await handle.executeUpdate(linkCriterion, { args: [{ criterionId: 'CEN-WPN-902', version: 1, windowMs: 600_000, actor: 'analyst-kim' }] });
    // IDENTIFIED, ASSESSED, TARGETING, CRITERION_LINKED: the run is full and continues as new.
    await waitFor(handle, (x) => x.seq === 4);
    const s = await handle.executeUpdate(criterionApproved, { args: [{ criterionId: 'CEN-WPN-902', version: 1, actor: 'analyst-lee' }] });
    expect(s).toMatchObject({ status: 'ACTIVE', seq: 6, assessment: { decision: 'TARGET' }, criteria: [{ criterionId: 'CEN-WPN-902', approved: true }] });
    const windowEndsAt = s.windowEndsAt;
    for (let k = 1; k <= 5; k++) {
      await handle.signal(inspectionReported, { kind: 'SELECTED', inspectionCaseId: `inspection-case-C${k}`, declarationId: `C${k}`, criterionIds: ['CEN-WPN-902'] });
    }
    const after = await waitFor(handle, (x) => x.feedback[0]?.selections === 5);
    expect(after).toMatchObject({ status: 'ACTIVE', windowEndsAt, seq: 11 });
    // Runs 4, 4 and 3 events long (visibility lags the server a little: poll).
    const runsOf = async () => {
      const runs: string[] = [];
      for await (const w of env.client.workflow.list({ query: `WorkflowId = '${i.riskCaseId}'` })) runs.push(w.runId);
      return runs;
    };
    let runs = await runsOf();
    for (let tries = 0; runs.length < 3 && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      runs = await runsOf();
    }
    expect(runs).toHaveLength(3);
    expect((await handle.describe()).runId).not.toBe(firstRun);
    // One IDENTIFIED, every event 1..11 in order, across the runs. The projection is idempotent by
    // seq: a local activity may run again when its workflow task is retried (a continue-as-new
    // refused because a signal arrived meanwhile), so the recorder may see a seq twice.
    const mine = [...new Map(events.filter((e) => e.riskCaseId === i.riskCaseId).map((e) => [e.seq, e])).values()].sort((a, b) => a.seq - b.seq);
    expect(mine.map((e) => e.seq)).toEqual(mine.map((_, k) => k + 1));
    expect(mine).toHaveLength(11);
    expect(mine.filter((e) => e.type === 'IDENTIFIED')).toHaveLength(1);
    await handle.terminate('test done');
  }, 30_000);
});
