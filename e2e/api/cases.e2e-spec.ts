import request from 'supertest';
import { sampleDeclaration } from '@customs/domain';
import { eventually, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/** An officer works inspection cases through the API; the workflow and the queue agree. */
describe('inspection cases (e2e)', () => {
  let stack: E2eStack;
  const http = () => request(stack.app.getHttpServer());

  beforeAll(async () => {
    // A short escalation deadline so the durable timer is observable within the test.
    stack = await startE2eStack({ caseEscalateAfterMs: 1500 });
  });
  afterAll(async () => stack?.stop());

  /** Screens a weapons declaration (CEN-WPN-001 -> RED) and waits for its queue row. */
  async function openCase(): Promise<string> {
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-03-02', hsCode: '930591', officeId: '20' });
    const res = await http().post('/api/declarations').send(d).expect(201);
    expect(res.body.caseStarted).toBe(true);
    await eventually('queue row', async () => {
      const r = await http().get(`/api/cases/${res.body.caseId}`);
      return r.status === 200 ? r.body : undefined;
    });
    return res.body.caseId;
  }

  it('assigns, records a result with verdicts, closes, and keeps who did what', async () => {
    const caseId = await openCase();
    const queue = await http().get('/api/cases').query({ officeId: '20', status: 'QUEUED', lane: 'RED', limit: 500 }).expect(200);
    expect(queue.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    await http().post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-07', actor: 'supervisor-20' }).expect(200);
    const verdicts = [{ criterionId: 'CEN-WPN-001', appropriate: true, note: 'licence missing' }];
    const recorded = await http()
      .post(`/api/cases/${caseId}/result`)
      .send({ outcome: 'SEIZURE', findings: 'Two unlicensed rifles', verdicts, actor: 'officer-20-07' })
      .expect(200);
    expect(recorded.body).toMatchObject({ status: 'RESULT_RECORDED', outcome: 'SEIZURE' });
    await http().post(`/api/cases/${caseId}/close`).send({ actor: 'officer-20-07' }).expect(200);

    const view = await http().get(`/api/cases/${caseId}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'CLOSED',
      assigneeId: 'officer-20-07',
      outcome: 'SEIZURE',
      findings: 'Two unlicensed rifles',
      verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true, note: 'licence missing' }],
    });
    expect(view.body.closedAt).not.toBeNull();
    const types = view.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`);
    expect(types[0]).toBe('OPENED:system');
    expect(types.filter((t: string) => !t.startsWith('ESCALATED'))).toEqual([
      'OPENED:system', 'ASSIGNED:supervisor-20', 'RESULT_RECORDED:officer-20-07', 'CLOSED:officer-20-07',
    ]);
    const closed = await http().get('/api/cases').query({ officeId: '20', status: 'CLOSED', limit: 500 }).expect(200);
    expect(closed.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    const again = await http().post(`/api/cases/${caseId}/assign`).send({ officerId: 'x', actor: 'x' }).expect(409);
    expect(again.body.message).toMatch(/closed/);
  });

  it('refuses illegal moves with 409 and mismatched verdicts with 422, changing nothing', async () => {
    const caseId = await openCase();
    let res = await http().post(`/api/cases/${caseId}/close`).send({ actor: 'officer-1' }).expect(409);
    expect(res.body.message).toMatch(/cannot close a case in status QUEUED/);
    res = await http().post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts: [], actor: 'o' }).expect(409);
    expect(res.body.message).toMatch(/assign it first/);

    await http().post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-1', actor: 'officer-1' }).expect(200);
    res = await http().post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts: [], actor: 'officer-1' }).expect(422);
    expect(res.body.message).toMatch(/verdicts missing for fired criteria: CEN-WPN-001/);
    const ok = { outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: false }], actor: 'officer-1' };
    await http().post(`/api/cases/${caseId}/result`).send(ok).expect(200);
    res = await http().post(`/api/cases/${caseId}/result`).send(ok).expect(409);
    expect(res.body.message).toMatch(/already recorded/);
    const view = await http().get(`/api/cases/${caseId}`).expect(200);
    expect(view.body.status).toBe('RESULT_RECORDED');
    expect(view.body.events.filter((e: { type: string }) => e.type === 'RESULT_RECORDED')).toHaveLength(1);
  });

  it('validates action bodies and queue filters', async () => {
    const caseId = await openCase();
    let res = await http().post(`/api/cases/${caseId}/assign`).send({ officerId: 42 }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/officerId/);
    res = await http().post(`/api/cases/${caseId}/result`).send({ outcome: 'LOST', findings: '', verdicts: [], actor: 'a' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/outcome/);
    res = await http().get('/api/cases').query({ status: 'OPEN' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/status/);
    await http().get('/api/cases').query({ limit: 100000 }).expect(400);
    await http().post('/api/cases/inspection-case-NOPE/assign').send({ officerId: 'a', actor: 'a' }).expect(404);
  });

  it('escalates a case nobody takes before its deadline (durable timer)', async () => {
    const caseId = await openCase();
    const view = await eventually('escalation', async () => {
      const r = await http().get(`/api/cases/${caseId}`).expect(200);
      return r.body.escalated ? r.body : undefined;
    });
    expect(view.status).toBe('QUEUED');
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['OPENED', 'ESCALATED']);
  });
});
