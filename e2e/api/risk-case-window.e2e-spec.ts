import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { sampleDeclaration } from '@customs/domain/testing';
import { temporalTestServerBin } from '@customs/workflows/testing';
import { eventually, installRuntime, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/**
 * The validity window ends by itself (issue 13): the API and the case worker run against
 * Temporal's time-skipping test server instead of the dev server, so the risk case's durable
 * 15-day timer fires after 15 simulated days (here 25: the analyst extends it by 10, which
 * extends the criterion's validity too); once it has, the criterion drafted from the case no
 * longer selects a matching declaration, with nobody ending the window by hand.
 */
describe('a risk case whose window ends on the time-skipping server (e2e)', () => {
  let env: TestWorkflowEnvironment;
  let stack: E2eStack;
  const importerId = `WND${randomBytes(3).toString('hex').toUpperCase()}`;
  const criterionId = `CEN-WND-${100 + (randomBytes(2).readUInt16BE(0) % 900)}`;

  beforeAll(async () => {
    installRuntime();
    env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerBin() } },
    });
    stack = await startE2eStack({ temporalAddress: env.address, temporalNamespace: 'default' });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await env?.teardown();
  });

  /** Screens one declaration of the importer at office 40, dated today (within the criterion's validity), and returns its lane and the criteria it fired. */
  const screen = async (): Promise<{ declarationId: string; lane: string; firedCriteria: string[] }> => {
    const svc = await loginAs(stack, 'svc-ingest');
    const res = await svc.post('/api/declarations').send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: new Date().toISOString().slice(0, 10), officeId: '40', importerId })).expect(201);
    return res.body;
  };

  it('selects while ACTIVE, goes on after an extension, and stops selecting once the extended window has passed (FEEDBACK)', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const created = await analyst
      .post('/api/intelligence')
      .send({
        source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
        riskArea: 'UNDERVALUATION',
        subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
        text: `Importer ${importerId} undervalues invoices through a related seller.`,
      })
      .expect(201);
    const riskCaseId: string = created.body.riskCaseId;
    await eventually('the risk case in the read model', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    const scores = { timeliness: 5, importance: 4, applicability: 5, accuracy: 4, reliability: 4, influence: 5 };
    await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'TARGET' }).expect(200);
    await analyst.post(`/api/risk-cases/${riskCaseId}/criteria`).send({ id: criterionId }).expect(201);
    await (await loginAs(stack, 'analyst-lee')).post(`/api/criteria/${criterionId}/versions/1/approve`).expect(200);
    const active = await eventually('the risk case ACTIVE', async () => {
      const body = (await analyst.get(`/api/risk-cases/${riskCaseId}`)).body;
      return body?.status === 'ACTIVE' ? body : undefined;
    });
    // The default window: RISK_WINDOW_DAYS (15) from the approval, in the server's clock.
    expect(Date.parse(active.windowEndsAt) - Date.now()).toBeGreaterThan(14.9 * 24 * 3600 * 1000);
    const selected = await eventually('the approved criterion to select', async () => {
      const body = await screen();
      return body.firedCriteria.includes(criterionId) ? body : undefined;
    });
    expect(selected.lane).toBe('RED');

    // Extending the window by 10 days extends the criterion: screening names the window's new
    // last day in the criteria set, and a replay compiles the same validity.
    const extended = (await analyst.post(`/api/risk-cases/${riskCaseId}/window`).send({ action: 'EXTEND', days: 10 }).expect(200)).body;
    const lastDay = new Date(extended.windowEndsAt).toISOString().slice(0, 10);
    expect(Date.parse(extended.windowEndsAt) - Date.parse(active.windowEndsAt)).toBe(10 * 24 * 3600 * 1000);
    const auditor = await loginAs(stack, 'auditor-han');
    const replay = await eventually('a selection under the extended validity', async () => {
      const body = await screen();
      if (!body.firedCriteria.includes(criterionId)) return undefined;
      const r = (await auditor.get(`/api/declarations/${body.declarationId}/replay`).expect(200)).body;
      return r.criteriaVersions.includes(`${criterionId}@1~${lastDay}`) ? r : undefined;
    });
    expect(replay.identical).toBe(true);

    // 15 days and a minute pass on the test server: the extended window is still open.
    await env.sleep(15 * 24 * 3600 * 1000 + 60_000);
    expect((await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(200)).body.status).toBe('ACTIVE');
    // Ten more days: the workflow's timer fires and its worker projects WINDOW_ENDED into the
    // read model that screening reads.
    await env.sleep(10 * 24 * 3600 * 1000);
    const ended = await eventually('the risk case in FEEDBACK', async () => {
      const body = (await analyst.get(`/api/risk-cases/${riskCaseId}`)).body;
      return body?.status === 'FEEDBACK' ? body : undefined;
    });
    expect(ended.events.map((e: { type: string }) => e.type)).toContain('WINDOW_ENDED');
    expect(ended.criteria).toEqual([expect.objectContaining({ criterionId, approved: true })]);
    // Screening re-reads the criteria in force every 2 s: the criterion stops selecting.
    const after = await eventually('screening to stop using the criterion', async () => {
      const body = await screen();
      return body.firedCriteria.includes(criterionId) ? undefined : body;
    });
    expect(after.firedCriteria).not.toContain(criterionId);
  }, 120_000);
});
