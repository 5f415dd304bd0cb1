import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

/** An officer works inspection cases through the API; the workflow and the queue agree. */
describe('inspection cases (e2e)', () => {
  let stack: E2eStack;
  let service: AuthorisedHttp;
  let analyst: AuthorisedHttp;
  let officer: AuthorisedHttp;
  let otherOfficer: AuthorisedHttp;
  let supervisor: AuthorisedHttp;
  let foreignSupervisor: AuthorisedHttp;
  let auditor: AuthorisedHttp;

  beforeAll(async () => {
    // A short escalation deadline so the durable timer is observable within the test.
    stack = await startE2eStack({ caseEscalateAfterMs: 1500 });
    [service, analyst, officer, supervisor, foreignSupervisor, auditor] = await Promise.all(
      ['svc-ingest', 'analyst-kim', 'officer-20-01', 'supervisor-20', 'supervisor-40', 'auditor-han'].map((u) => loginAs(stack, u)),
    );
    otherOfficer = await loginAs(stack, 'officer-40-01');
  });
  afterAll(async () => stack?.stop());

  /** Screens a weapons declaration (CEN-WPN-001 -> RED) and waits for its queue row. */
  async function openCase(): Promise<string> {
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-03-02', hsCode: '930591', officeId: '20' });
    const res = await service.post('/api/declarations').send(d).expect(201);
    expect(res.body.caseStarted).toBe(true);
    await eventually('queue row', async () => {
      const r = await analyst.get(`/api/cases/${res.body.caseId}`);
      return r.status === 200 ? r.body : undefined;
    });
    return res.body.caseId;
  }

  it('assigns, records a result with verdicts, closes, and keeps who did what', async () => {
    const caseId = await openCase();
    const queue = await officer.get('/api/cases').query({ status: 'QUEUED', lane: 'RED', limit: 500 }).expect(200);
    expect(queue.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    expect(queue.body.cases.every((c: { officeId: string }) => c.officeId === '20')).toBe(true);

    await supervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(200);
    const verdicts = [{ criterionId: 'CEN-WPN-001', appropriate: true, note: 'licence missing' }];
    const recorded = await officer
      .post(`/api/cases/${caseId}/result`)
      .send({ outcome: 'SEIZURE', findings: 'Two unlicensed rifles', verdicts })
      .expect(200);
    expect(recorded.body).toMatchObject({ status: 'RESULT_RECORDED', outcome: 'SEIZURE' });
    await officer.post(`/api/cases/${caseId}/close`).send({}).expect(200);

    const view = await auditor.get(`/api/cases/${caseId}`).expect(200);
    // npm test runs the Temporal dev server with its web UI: the case links to its workflow there.
    expect(view.body.workflowUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/namespaces/default/workflows/${caseId}$`));
    expect(view.body).toMatchObject({
      status: 'CLOSED',
      assigneeId: 'officer-20-01',
      outcome: 'SEIZURE',
      findings: 'Two unlicensed rifles',
      verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true, note: 'licence missing' }],
    });
    expect(view.body.closedAt).not.toBeNull();
    const types = view.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`);
    expect(types[0]).toBe('OPENED:system');
    expect(types.filter((t: string) => !t.startsWith('ESCALATED'))).toEqual([
      'OPENED:system', 'ASSIGNED:supervisor-20', 'RESULT_RECORDED:officer-20-01', 'CLOSED:officer-20-01',
    ]);
    expect(view.body.events.every((e: { occurredAt: string }) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    const closed = await analyst.get('/api/cases').query({ officeId: '20', status: 'CLOSED', limit: 500 }).expect(200);
    expect(closed.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);

    const again = await supervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(409);
    expect(again.body.message).toMatch(/closed/);
  });

  it('refuses illegal moves with 409 and mismatched verdicts with 422, changing nothing', async () => {
    const caseId = await openCase();
    let res = await supervisor.post(`/api/cases/${caseId}/close`).send({}).expect(409);
    expect(res.body.message).toMatch(/cannot close a case in status QUEUED/);
    res = await supervisor.post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts: [] }).expect(409);
    expect(res.body.message).toMatch(/assign it first/);

    await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(200);
    res = await officer.post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts: [] }).expect(422);
    expect(res.body.message).toMatch(/verdicts missing for fired criteria: CEN-WPN-001/);
    const ok = { outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: false }] };
    await officer.post(`/api/cases/${caseId}/result`).send(ok).expect(200);
    res = await officer.post(`/api/cases/${caseId}/result`).send(ok).expect(409);
    expect(res.body.message).toMatch(/already recorded/);
    const view = await officer.get(`/api/cases/${caseId}`).expect(200);
    expect(view.body.status).toBe('RESULT_RECORDED');
    expect(view.body.events.filter((e: { type: string }) => e.type === 'RESULT_RECORDED')).toHaveLength(1);
  });

  it('validates action bodies and queue filters', async () => {
    const caseId = await openCase();
    let res = await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 42 }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/officerId/);
    res = await officer.post(`/api/cases/${caseId}/result`).send({ outcome: 'LOST', findings: '', verdicts: [] }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/outcome/);
    // The actor is the token's user: a body that names one is refused.
    res = await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01', actor: 'someone-else' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/actor should not exist/);
    res = await analyst.get('/api/cases').query({ status: 'OPEN' }).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/status/);
    await analyst.get('/api/cases').query({ limit: 100000 }).expect(400);
    await officer.post('/api/cases/inspection-case-NOPE/assign').send({ officerId: 'officer-20-01' }).expect(404);
  });

  it('keeps officers and supervisors to their office and their own cases; auditors change nothing', async () => {
    const caseId = await openCase(); // office 20
    let res = await otherOfficer.get(`/api/cases/${caseId}`).expect(403);
    expect(res.body.message).toMatch(/officer-40-01 of office 40 may not access case .* of office 20/);
    res = await otherOfficer.get('/api/cases').query({ officeId: '20' }).expect(403);
    expect(res.body.message).toMatch(/may not see office 20/);
    const own = await otherOfficer.get('/api/cases').query({ limit: 500 }).expect(200);
    expect(own.body.cases.every((c: { officeId: string }) => c.officeId === '40')).toBe(true);
    const declarationId = caseId.replace('inspection-case-', '');
    await otherOfficer.get(`/api/declarations/${declarationId}/selection`).expect(403);
    await officer.get(`/api/declarations/${declarationId}/selection`).expect(200);
    await auditor.get(`/api/declarations/${declarationId}/selection`).expect(200);

    res = await foreignSupervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(403);
    expect(res.body.message).toMatch(/office 40 may not access case/);
    res = await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(403);
    expect(res.body.message).toMatch(/only to themself/);
    res = await supervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(422);
    expect(res.body.message).toMatch(/officer-40-01 is not a local officer of office 20/);
    res = await auditor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(403);
    expect(res.body.message).toMatch(/role auditor may not call POST .*assign; it needs one of: local_officer, supervisor/);

    await supervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(200);
    const ok = { outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }] };
    // A supervisor of the office may record and close for the assigned officer.
    await supervisor.post(`/api/cases/${caseId}/result`).send(ok).expect(200);
    await supervisor.post(`/api/cases/${caseId}/close`).send({}).expect(200);
    const view = await analyst.get(`/api/cases/${caseId}`).expect(200);
    expect(view.body.events.map((e: { type: string; actor: string }) => `${e.type}:${e.actor}`).filter((t: string) => !t.startsWith('ESCALATED'))).toEqual([
      'OPENED:system', 'ASSIGNED:supervisor-20', 'RESULT_RECORDED:supervisor-20', 'CLOSED:supervisor-20',
    ]);
  });

  it('escalates a case nobody takes before its deadline (durable timer)', async () => {
    const caseId = await openCase();
    const view = await eventually('escalation', async () => {
      const r = await analyst.get(`/api/cases/${caseId}`).expect(200);
      return r.body.escalated ? r.body : undefined;
    });
    expect(view.status).toBe('QUEUED');
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['OPENED', 'ESCALATED']);
  });

  it('lists the office\'s officers and bulk-assigns cases, each assigned or refused on its own', async () => {
    const officers = await supervisor.get('/api/offices/20/officers').expect(200);
    expect(officers.body).toEqual({ officeId: '20', source: 'DIRECTORY', officers: [{ id: 'officer-20-01', name: 'Jung Do-yun (officer, office 20)' }] });
    await supervisor.get('/api/offices/40/officers').expect(403);
    const [a, b] = [await openCase(), await openCase()];
    const res = await supervisor.post('/api/cases/assign').send({ caseIds: [a, b, 'inspection-case-NOSUCHCASE1'], officerId: 'officer-20-01' }).expect(200);
    expect(res.body).toEqual({
      assigned: 2,
      refused: 1,
      results: [
        { caseId: a, assigned: true, status: 'ASSIGNED', refusal: null },
        { caseId: b, assigned: true, status: 'ASSIGNED', refusal: null },
        { caseId: 'inspection-case-NOSUCHCASE1', assigned: false, status: null, refusal: { statusCode: 404, message: 'case inspection-case-NOSUCHCASE1 is unknown' } },
      ],
    });
    const wrong = await supervisor.post('/api/cases/assign').send({ caseIds: [a], officerId: 'officer-40-01' }).expect(200);
    expect(wrong.body.results[0]).toMatchObject({ assigned: false, refusal: { statusCode: 422 } });
    await officer.post('/api/cases/assign').send({ caseIds: [a], officerId: 'officer-20-01' }).expect(403);
    await supervisor.post('/api/cases/assign').send({ caseIds: [], officerId: 'officer-20-01' }).expect(400);
    await supervisor.post('/api/cases/assign').send({ caseIds: [a, a], officerId: 'officer-20-01' }).expect(400);
  });

  it('sorts the queue on the server by score or age and filters the escalated cases', async () => {
    const caseId = await openCase();
    await eventually('the escalation of the new case', async () => {
      const r = await supervisor.get(`/api/cases/${caseId}`).expect(200);
      return r.body.escalated ? true : undefined;
    });
    const escalated = await supervisor.get('/api/cases').query({ escalated: 'true', status: 'QUEUED', limit: 500 }).expect(200);
    expect(escalated.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
    expect(escalated.body.cases.every((c: { escalated: boolean }) => c.escalated)).toBe(true);
    expect(escalated.body.total).toBe(escalated.body.cases.length);
    const others = await supervisor.get('/api/cases').query({ escalated: 'false', limit: 500 }).expect(200);
    expect(others.body.cases.every((c: { escalated: boolean }) => !c.escalated)).toBe(true);
    const byAge = (await supervisor.get('/api/cases').query({ sort: 'age', limit: 500 }).expect(200)).body.cases as Array<{ openedAt: string }>;
    expect(byAge.map((c) => c.openedAt)).toEqual([...byAge.map((c) => c.openedAt)].sort());
    const byScore = (await supervisor.get('/api/cases').query({ sort: 'score', limit: 500 }).expect(200)).body.cases as Array<{ riskScore: number }>;
    expect(byScore.map((c) => c.riskScore)).toEqual([...byScore.map((c) => c.riskScore)].sort((x, y) => y - x));
    await supervisor.get('/api/cases').query({ sort: 'random' }).expect(400);
  });

  it('lists the open escalated cases for the dashboard, each with its SLA due date (opened + CASE_ESCALATE_AFTER_MS)', async () => {
    const caseId = await openCase();
    await eventually('the escalation of the new case', async () => ((await supervisor.get(`/api/cases/${caseId}`).expect(200)).body.escalated ? true : undefined));
    const list = (await supervisor.get('/api/cases').query({ escalated: 'true', open: 'true', sort: 'due', limit: 500 }).expect(200)).body;
    const mine = list.cases.find((c: { caseId: string }) => c.caseId === caseId);
    expect(Date.parse(mine.slaDueAt) - Date.parse(mine.openedAt)).toBe(1500);
    expect(list.cases.every((c: { status: string; escalated: boolean }) => c.status !== 'CLOSED' && c.escalated)).toBe(true);
    const closed = (await supervisor.get('/api/cases').query({ open: 'false', limit: 500 }).expect(200)).body.cases as Array<{ status: string }>;
    // Earlier tests of this file closed cases of office 20.
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((c) => c.status === 'CLOSED')).toBe(true);
    await supervisor.get('/api/cases').query({ open: 'yes' }).expect(400);
  });
});
