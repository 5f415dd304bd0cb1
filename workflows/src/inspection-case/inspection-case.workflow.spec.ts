import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startDevServerWorker, type DevServerWorker } from '../testing/dev-server-worker';
import { inspectionCaseWorkflow } from './inspection-case.workflow';
import {
  assignCase,
  closeCase,
  getCaseState,
  ILLEGAL_TRANSITION,
  INVALID_CASE_INPUT,
  recordResult,
  type CaseEvent,
  type InspectionCaseInput,
} from './inspection-case.messages';

/**
 * The inspection-case workflow on a real Temporal dev server (the project's `temporal`
 * binary), with the projection activity replaced by a recorder: the Postgres side is
 * covered by the end-to-end tests.
 */
describe('inspectionCaseWorkflow', () => {
  let env: TestWorkflowEnvironment;
  const events: CaseEvent[] = [];
  let taskQueue: string;
  let server: DevServerWorker | undefined;

  beforeAll(async () => {
    server = await startDevServerWorker('wf-test', { projectCaseEvent: async (e: CaseEvent) => void events.push(e) });
    ({ env, taskQueue } = server);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  const input = (over: Partial<InspectionCaseInput> = {}): InspectionCaseInput => {
    const declarationId = `T${Math.floor(Math.random() * 1e12)}`;
    return {
      caseId: `inspection-case-${declarationId}`,
      declarationId,
      officeId: '40',
      lane: 'RED',
      riskScore: 0.97,
      controlSample: false,
      firedCriteria: [{ id: 'CEN-WPN-001', version: 1 }],
      escalateAfterMs: 60 * 60 * 1000,
      ...over,
    };
  };

  const start = (i: InspectionCaseInput) =>
    env.client.workflow.start(inspectionCaseWorkflow, { taskQueue, workflowId: i.caseId, args: [i] });

  const failureOf = async (p: Promise<unknown>) => {
    const err = await p.then(() => null, (e) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  };

  it('runs QUEUED -> ASSIGNED -> RESULT_RECORDED -> CLOSED and projects every step in order', async () => {
    const i = input();
    const handle = await start(i);
    expect((await handle.query(getCaseState)).status).toBe('QUEUED');
    await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-1', actor: 'supervisor-1' }] });
    await handle.executeUpdate(recordResult, {
      args: [{ outcome: 'SEIZURE', findings: '2 pistols', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }], actor: 'officer-1' }],
    });
    const closed = await handle.executeUpdate(closeCase, { args: [{ actor: 'officer-1' }] });
    expect(closed.status).toBe('CLOSED');
    const final = await handle.result();
    expect(final).toMatchObject({ status: 'CLOSED', assigneeId: 'officer-1', outcome: 'SEIZURE', seq: 4 });
    const mine = events.filter((e) => e.caseId === i.caseId);
    expect(mine.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [1, 'OPENED', 'system'],
      [2, 'ASSIGNED', 'supervisor-1'],
      [3, 'RESULT_RECORDED', 'officer-1'],
      [4, 'CLOSED', 'officer-1'],
    ]);
    expect(mine[0].opened).toEqual({ riskScore: 0.97, controlSample: false, firedCriteria: i.firedCriteria });
  });

  it('refuses illegal moves with a clear reason and leaves the case unchanged', async () => {
    const i = input();
    const handle = await start(i);
    let f = await failureOf(handle.executeUpdate(closeCase, { args: [{ actor: 'officer-1' }] }));
    expect(f.type).toBe(ILLEGAL_TRANSITION);
    expect(f.message).toMatch(/cannot close a case in status QUEUED/);
    f = await failureOf(handle.executeUpdate(recordResult, { args: [{ outcome: 'NO_FINDING', findings: '', verdicts: [], actor: 'o' }] }));
    expect(f.message).toMatch(/assign it first/);

    await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-2', actor: 'officer-2' }] });
    f = await failureOf(handle.executeUpdate(recordResult, { args: [{ outcome: 'NO_FINDING', findings: '', verdicts: [], actor: 'officer-2' }] }));
    expect(f.type).toBe(INVALID_CASE_INPUT);
    expect(f.message).toMatch(/verdicts missing for fired criteria: CEN-WPN-001/);
    f = await failureOf(handle.executeUpdate(recordResult, {
      args: [{ outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-XXX-999', appropriate: true }], actor: 'officer-2' }],
    }));
    expect(f.message).toMatch(/did not select this declaration/);
    f = await failureOf(handle.executeUpdate(recordResult, {
      args: [{ outcome: 'DISCREPANCY', findings: ' ', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: false }], actor: 'officer-2' }],
    }));
    expect(f.message).toMatch(/findings must describe/);

    const ok = { outcome: 'NO_FINDING' as const, findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: false, note: 'glue gun' }], actor: 'officer-2' };
    await handle.executeUpdate(recordResult, { args: [ok] });
    f = await failureOf(handle.executeUpdate(recordResult, { args: [ok] }));
    expect(f.type).toBe(ILLEGAL_TRANSITION);
    expect(f.message).toMatch(/already recorded/);
    f = await failureOf(handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-3', actor: 'officer-3' }] }));
    expect(f.message).toMatch(/cannot assign a case in status RESULT_RECORDED/);

    const state = await handle.query(getCaseState);
    expect(state).toMatchObject({ status: 'RESULT_RECORDED', assigneeId: 'officer-2', seq: 3 });
    // Refused updates write nothing: only OPENED, ASSIGNED, RESULT_RECORDED were projected.
    expect(events.filter((e) => e.caseId === i.caseId).map((e) => e.type)).toEqual(['OPENED', 'ASSIGNED', 'RESULT_RECORDED']);
    await handle.terminate('test done');
  });

  it('treats assigning a case to the officer who has it as a no-op (no second ASSIGNED event), and still reassigns to another', async () => {
    const i = input();
    const handle = await start(i);
    await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-5', actor: 'supervisor-1' }] });
    const again = await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-5', actor: 'officer-5' }] });
    expect(again).toMatchObject({ status: 'ASSIGNED', assigneeId: 'officer-5', seq: 2 });
    const moved = await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-6', actor: 'supervisor-1' }] });
    expect(moved).toMatchObject({ status: 'ASSIGNED', assigneeId: 'officer-6', seq: 3 });
    expect(events.filter((e) => e.caseId === i.caseId).map((e) => [e.seq, e.type, e.actor, e.payload])).toEqual([
      [1, 'OPENED', 'system', expect.anything()],
      [2, 'ASSIGNED', 'supervisor-1', { officerId: 'officer-5' }],
      [3, 'ASSIGNED', 'supervisor-1', { officerId: 'officer-6' }],
    ]);
    await handle.terminate('test done');
  });

  it('escalates a case left unassigned past its deadline, once, and still lets it be assigned', async () => {
    const i = input({ escalateAfterMs: 1500, firedCriteria: [] });
    const handle = await start(i);
    const deadline = Date.now() + 30_000;
    while (!(await handle.query(getCaseState)).escalated) {
      if (Date.now() > deadline) throw new Error('case was not escalated within 30 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    const state = await handle.executeUpdate(assignCase, { args: [{ officerId: 'officer-9', actor: 'supervisor-9' }] });
    expect(state).toMatchObject({ status: 'ASSIGNED', escalated: true, seq: 3 });
    expect(events.filter((e) => e.caseId === i.caseId).map((e) => e.type)).toEqual(['OPENED', 'ESCALATED', 'ASSIGNED']);
    await handle.terminate('test done');
  });
});
