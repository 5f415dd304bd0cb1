import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/**
 * The risk lifecycle survives its worker: the case worker runs as its own process and is
 * killed with SIGKILL twice in the middle of the flow (once with an assessment waiting on it, once while a matching declaration is screened
 * and its inspection case opened), a new worker is started each time, and the flow completes
 * with every event projected exactly once. Runs with `RISK_WINDOW_DAYS=20` to check that the
 * configured default window reaches the workflow.
 */
describe('risk cases across a worker restart (e2e)', () => {
  let stack: E2eStack;
  const importerId = `RST${randomBytes(3).toString('hex').toUpperCase()}`;
  const criterionId = `CEN-RST-${String(100 + Math.floor(Math.random() * 900))}`;
  const DAY_MS = 24 * 3600 * 1000;

  beforeAll(async () => {
    stack = await startE2eStack({ riskWindowDays: 20 }, { workerProcess: true });
  });
  afterAll(async () => stack?.stop());

  const projectedEvents = async (table: 'risk_case_event' | 'case_event', key: 'risk_case_id' | 'case_id', id: string) =>
    (await stack.db.query(`SELECT seq, type FROM ${table} WHERE ${key} = $1 ORDER BY seq`, [id])).rows as Array<{ seq: number; type: string }>;

  it('loses nothing when the worker is killed (kill -9) and a new one takes over mid-flow', async () => {
    const t0 = Date.now();
    const analyst = await loginAs(stack, 'analyst-kim');
    const checker = await loginAs(stack, 'analyst-lee');
    const created = await analyst.post('/api/intelligence').send({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
      text: `Importer ${importerId} undervalues invoices.`,
    }).expect(201);
    const riskCaseId: string = created.body.riskCaseId;
    await eventually('the identified risk case', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));

    // 1. Worker down: the assessment (a Temporal Update) waits for a worker instead of failing.
    await stack.stopWorker();
    const scores = { timeliness: 5, importance: 4, applicability: 5, accuracy: 4, reliability: 4, influence: 5 };
    let settled = false;
    const assessing = analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'TARGET' }).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 1500));
    expect(settled).toBe(false);
    expect((await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200)).body.status).toBe('IDENTIFIED');
    const down1 = Date.now();
    await stack.startWorker();
    const assessed = await assessing;
    expect(assessed.status).toBe(200);
    expect(assessed.body.status).toBe('TARGETING');
    console.log(`assessment answered ${Date.now() - down1} ms after the new worker started`);

    await analyst.post(`/api/risk-cases/${riskCaseId}/criteria`).send({ id: criterionId, validFrom: '2021-01-01', validTo: '2021-12-31' }).expect(201);
    await checker.post(`/api/criteria/${criterionId}/versions/1/approve`).expect(200);
    const active = (await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200)).body;
    expect(active.status).toBe('ACTIVE');
    // RISK_WINDOW_DAYS=20 reached the workflow: the drafted criterion named no window of its own.
    expect(Math.abs(Date.parse(active.windowEndsAt) - Date.now() - 20 * DAY_MS)).toBeLessThan(5 * 60_000);

    // 2. Worker down: screening still opens the inspection case (a workflow start), which waits unprojected.
    await stack.stopWorker();
    const svc = await loginAs(stack, 'svc-ingest');
    const selected = await eventually('the approved criterion to select a declaration', async () => {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-05-03', officeId: '40', importerId });
      const r = await svc.post('/api/declarations').send(d).expect(201);
      return r.body.firedCriteria.includes(criterionId) ? r.body : undefined;
    });
    const caseId: string = selected.caseId;
    const officer = await loginAs(stack, 'officer-40-01');
    await officer.get(`/api/cases/${caseId}`).expect(404);
    await stack.startWorker();
    await eventually('the inspection case projected by the new worker', async () => ((await officer.get(`/api/cases/${caseId}`)).status === 200 ? true : undefined));
    await eventually('the selection in the risk case', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200);
      return r.body.inspections.length === 1 ? true : undefined;
    });

    await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(200);
    const verdicts = (selected.firedCriteria as string[]).map((id) => ({ criterionId: id, appropriate: true }));
    await officer.post(`/api/cases/${caseId}/result`).send({ outcome: 'SEIZURE', findings: 'invoice falsified', verdicts }).expect(200);
    const fed = await eventually('the result in the feedback', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200);
      return r.body.feedback[0]?.results.SEIZURE === 1 ? r.body : undefined;
    });
    expect(fed.feedback).toEqual([expect.objectContaining({ criterionId, selections: 1, hits: 1, hitRate: 1, results: { NO_FINDING: 0, DISCREPANCY: 0, SEIZURE: 1 } })]);
    await analyst.post(`/api/risk-cases/${riskCaseId}/window`).send({ action: 'END' }).expect(200);
    const closed = await analyst.post(`/api/risk-cases/${riskCaseId}/close`).send({ note: 'survived two worker restarts' }).expect(200);
    expect(closed.body.status).toBe('CLOSED');

    // Every event projected once, numbered without gaps, in the workflow's order.
    const riskEvents = await eventually('the CLOSED event projected', async () => {
      const rows = await projectedEvents('risk_case_event', 'risk_case_id', riskCaseId);
      return rows.at(-1)?.type === 'CLOSED' ? rows : undefined;
    });
    expect(riskEvents.map((e) => e.seq)).toEqual(riskEvents.map((_, i) => i + 1));
    expect(riskEvents.map((e) => e.type)).toEqual([
      'IDENTIFIED', 'ASSESSED', 'TARGETING', 'CRITERION_LINKED', 'CRITERION_APPROVED', 'ACTIVATED', 'INSPECTION_SELECTED', 'INSPECTION_RESULT', 'WINDOW_ENDED', 'CLOSED',
    ]);
    const caseEvents = await projectedEvents('case_event', 'case_id', caseId);
    expect(caseEvents.map((e) => e.type)).toEqual(['OPENED', 'ASSIGNED', 'RESULT_RECORDED']);
    expect((await stack.temporal.workflow.getHandle(riskCaseId).result()).status).toBe('CLOSED');
    console.log(`risk case lifecycle with two worker restarts: ${Date.now() - t0} ms`);
  });
});
