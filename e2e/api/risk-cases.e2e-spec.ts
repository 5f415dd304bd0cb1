import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/**
 * The five-step risk lifecycle through the API on the real services: intelligence about an
 * importer -> routed and assessed -> a criterion drafted from the case and approved by another
 * analyst -> a matching declaration is selected -> the inspection result (SEIZURE) feeds back
 * to the risk case -> window ended, case closed.
 */
describe('risk cases (e2e)', () => {
  let stack: E2eStack;
  const importerId = `RSK${randomBytes(3).toString('hex').toUpperCase()}`;
  const criterionId = `CEN-RSK-${String(100 + Math.floor(Math.random() * 900))}`;

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => stack?.stop());

  const report = (over: Record<string, unknown> = {}) => ({
    source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
    riskArea: 'UNDERVALUATION',
    subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }, { kind: 'COMPANY', name: 'Acme  Trading' }],
    goods: [{ description: 'plastic household goods at a third of market value' }],
    routes: [{ departureCountry: 'JP' }],
    text: `Importer ${importerId} buys through a related seller and undervalues invoices.`,
    ...over,
  });

  it('runs intelligence -> assessment -> approved criterion -> selection -> SEIZURE -> feedback -> retired -> closed', async () => {
    const t0 = Date.now();
    const analyst = await loginAs(stack, 'analyst-kim');
    const created = await analyst.post('/api/intelligence').send(report()).expect(201);
    expect(created.body).toMatchObject({ duplicate: false, routing: { route: 'CBTC', ruleId: 'RT-CBTC-FOREIGN' } });
    const riskCaseId: string = created.body.riskCaseId;
    const again = await (await loginAs(stack, 'analyst-lee')).post('/api/intelligence').send(report({ subjects: [{ kind: 'COMPANY', name: 'acme trading' }] })).expect(201);
    expect(again.body).toMatchObject({ duplicate: true, riskCaseId });

    const identified = await eventually('the risk case in the read model', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`);
      return r.status === 200 && r.body.reportIds?.length === 2 ? r.body : undefined;
    });
    expect(identified).toMatchObject({ status: 'IDENTIFIED', route: 'CBTC', routing: { ruleId: 'RT-CBTC-FOREIGN' } });
    expect(identified.reports.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([false, true]);
    await (await loginAs(stack, 'officer-40-01')).get(`/api/risk-cases/${riskCaseId}`).expect(403);

    const scores = { timeliness: 5, importance: 4, applicability: 5, accuracy: 4, reliability: 4, influence: 5 };
    let res = await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'TARGET' }).expect(200);
    expect(res.body).toMatchObject({ status: 'TARGETING', assessment: { composite: 4.5, riskLevel: 'HIGH' } });
    res = await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'TARGET' }).expect(409);
    expect(res.body.message).toMatch(/assessed once/);

    res = await analyst.post(`/api/risk-cases/${riskCaseId}/criteria`).send({ id: criterionId, validFrom: '2021-01-01', validTo: '2021-12-31' }).expect(201);
    expect(res.body.criterion).toMatchObject({
      id: criterionId, version: 1, scope: 'CENTRAL', lane: 'RED', riskArea: 'UNDERVALUATION',
      conditions: { all: [{ any: [{ fact: 'importerId', operator: 'equal', value: importerId }] }] },
    });
    expect(res.body.riskCase.criteria).toEqual([expect.objectContaining({ criterionId, version: 1, approved: false })]);

    // Maker-checker: another analyst approves; the approval activates the risk case.
    await analyst.post(`/api/criteria/${criterionId}/versions/1/approve`).expect(403);
    await (await loginAs(stack, 'analyst-lee')).post(`/api/criteria/${criterionId}/versions/1/approve`).expect(200);
    const active = (await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200)).body;
    expect(active.status).toBe('ACTIVE');
    expect(Date.parse(active.windowEndsAt) - Date.now()).toBeGreaterThan(14 * 24 * 3600 * 1000);

    const svc = await loginAs(stack, 'svc-ingest');
    const selected = await eventually('the approved criterion to select a declaration', async () => {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-05-03', officeId: '40', importerId });
      const r = await svc.post('/api/declarations').send(d).expect(201);
      return r.body.firedCriteria.includes(criterionId) ? r.body : undefined;
    });
    expect(selected.lane).toBe('RED');
    const trace = await (await loginAs(stack, 'auditor-han')).get(`/api/declarations/${selected.declarationId}/selection`).expect(200);
    expect(trace.body.firedCriteria.map((c: { id: string }) => c.id)).toContain(criterionId);

    const officer = await loginAs(stack, 'officer-40-01');
    const caseId: string = selected.caseId;
    await eventually('the inspection case', async () => ((await officer.get(`/api/cases/${caseId}`)).status === 200 ? true : undefined));
    await officer.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-40-01' }).expect(200);
    const verdicts = (selected.firedCriteria as string[]).map((id) => ({ criterionId: id, appropriate: true, note: id === criterionId ? 'undervalued, related seller' : undefined }));
    await officer.post(`/api/cases/${caseId}/result`).send({ outcome: 'SEIZURE', findings: 'invoice falsified; goods seized', verdicts }).expect(200);

    const fed = await eventually('the result in the risk case feedback', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200);
      const f = r.body.feedback.find((x: { criterionId: string }) => x.criterionId === criterionId);
      return f?.results.SEIZURE === 1 ? r.body : undefined;
    });
    expect(fed.feedback).toEqual([{
      criterionId, selections: 1, results: { NO_FINDING: 0, DISCREPANCY: 0, SEIZURE: 1 }, hits: 1, hitRate: 1,
      appropriate: 1, notAppropriate: 0, notes: ['undervalued, related seller'],
    }]);
    expect(fed.inspections).toEqual([{ inspectionCaseId: caseId, declarationId: selected.declarationId, criterionIds: [criterionId], outcome: 'SEIZURE' }]);

    await analyst.post(`/api/risk-cases/${riskCaseId}/close`).send({ note: 'early' }).expect(409);
    res = await analyst.post(`/api/risk-cases/${riskCaseId}/window`).send({ action: 'END' }).expect(200);
    expect(res.body.status).toBe('FEEDBACK');
    // The window has ended: the criterion drafted from the case stops selecting (it is still
    // approved). The END answered after the case's projection, and screening re-reads the
    // criteria in force within 2 s (one declaration, so the case's events stay as listed below).
    await new Promise((r) => setTimeout(r, 2500));
    const afterWindow = await svc.post('/api/declarations').send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-05-03', officeId: '40', importerId })).expect(201);
    expect(afterWindow.body.firedCriteria).not.toContain(criterionId);
    // Feedback: the analyst retires the criterion (a RETIRED version, approved by another analyst).
    await analyst.post(`/api/risk-cases/${riskCaseId}/criteria/CEN-XXX-999/retire`).expect(404);
    res = await analyst.post(`/api/risk-cases/${riskCaseId}/criteria/${criterionId}/retire`).expect(201);
    expect(res.body.criterion).toMatchObject({ id: criterionId, version: 2, status: 'RETIRED', approved: false });
    await (await loginAs(stack, 'analyst-lee')).post(`/api/criteria/${criterionId}/versions/2/approve`).expect(200);
    res = await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200);
    expect(res.body.status).toBe('FEEDBACK');
    await eventually('screening to stop using the retired criterion', async () => {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-05-03', officeId: '40', importerId });
      const r = await svc.post('/api/declarations').send(d).expect(201);
      return r.body.firedCriteria.includes(criterionId) ? undefined : true;
    });
    res = await analyst.post(`/api/risk-cases/${riskCaseId}/close`).send({ note: 'hit rate 1/1; retired after the operation' }).expect(200);
    expect(res.body.status).toBe('CLOSED');
    const closed = await eventually('the closed risk case', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200);
      return r.body.status === 'CLOSED' ? r.body : undefined;
    });
    // Declarations screened before the retirement reached screening (at most 2 s) were still selected.
    const types: string[] = closed.events.map((e: { type: string }) => e.type);
    const retiredAt = types.indexOf('CRITERION_RETIRED');
    expect(types.slice(retiredAt + 1, -1).every((t) => t === 'INSPECTION_SELECTED')).toBe(true);
    expect([...types.slice(0, retiredAt + 1), ...types.slice(-1)]).toEqual([
      'IDENTIFIED', 'REPORT_LINKED', 'ASSESSED', 'TARGETING', 'CRITERION_LINKED', 'CRITERION_APPROVED', 'ACTIVATED',
      'INSPECTION_SELECTED', 'INSPECTION_RESULT', 'WINDOW_ENDED', 'CRITERION_LINKED', 'CRITERION_RETIRED', 'CLOSED',
    ]);
    console.log(`risk case full lifecycle through the API: ${Date.now() - t0} ms`);
  });

  it('validates reports, keeps officers to their own office, and routes local detections locally', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    let res = await analyst.post('/api/intelligence').send(report({ subjects: [], riskArea: 'GOSSIP' })).expect(400);
    expect(JSON.stringify(res.body.message)).toMatch(/subjects/);
    expect(JSON.stringify(res.body.message)).toMatch(/riskArea/);
    res = await analyst.post('/api/intelligence').send(report({ riskArea: 'SMUGGLING' })).expect(400);
    expect(res.body.message).toMatch(/smugglingSubtype is required/);
    res = await analyst.post('/api/intelligence').send(report({ subjects: [{ kind: 'IDENTIFIER', idType: 'importerId' }] })).expect(400);
    expect(res.body.message).toMatch(/needs idType and value/);

    const officer = await loginAs(stack, 'officer-40-01');
    res = await officer.post('/api/intelligence').send(report()).expect(403);
    expect(res.body.message).toMatch(/only report detections of their office/);
    const local = report({ source: { organisation: 'Busan Customs', type: 'LOCAL_CUSTOMS' }, subjects: [{ kind: 'IDENTIFIER', idType: 'declarantId', value: `D${randomBytes(3).toString('hex')}` }] });
    await officer.post('/api/intelligence').send({ ...local, reportingOfficeId: '20' }).expect(403);
    res = await officer.post('/api/intelligence').send(local).expect(201);
    expect(res.body).toMatchObject({ duplicate: false, routing: { route: 'LOCAL', officeIds: ['40'], ruleId: 'RT-LOCAL-DETECTION' } });
    const id = res.body.riskCaseId;
    await eventually('the local risk case', async () => ((await officer.get(`/api/risk-cases/${id}`)).status === 200 ? true : undefined));
    const list = await officer.get('/api/risk-cases').expect(200);
    expect(list.body.riskCases.map((r: { riskCaseId: string }) => r.riskCaseId)).toContain(id);
    await (await loginAs(stack, 'officer-20-01')).get(`/api/risk-cases/${id}`).expect(403);
    // The office's supervisor may dismiss its own local case; the other office's may not.
    const scores = { timeliness: 1, importance: 2, applicability: 1, accuracy: 2, reliability: 1, influence: 1 };
    await (await loginAs(stack, 'supervisor-20')).post(`/api/risk-cases/${id}/assess`).send({ scores, decision: 'DISMISS' }).expect(403);
    res = await (await loginAs(stack, 'supervisor-40')).post(`/api/risk-cases/${id}/assess`).send({ scores, decision: 'DISMISS' }).expect(200);
    expect(res.body).toMatchObject({ status: 'DISMISSED', assessment: { riskLevel: 'LOW' } });
  });
});
