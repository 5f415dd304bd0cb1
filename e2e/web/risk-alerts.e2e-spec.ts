import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import type { Browser, Page } from 'playwright-core';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/**
 * Risk alerts and the escalation list in Debian's headless Chromium against the real stack
 * (issue 13): a CBTC analyst shares a risk case with office 40 (through the API); its officers
 * see it above their queue and in the top bar's badge, in English and Korean, open the risk case
 * and acknowledge it; a supervisor's dashboard lists a case left unassigned past its SLA (1.5 s
 * here). Screenshots go to `e2e/web/screenshots/risk-alerts-<step>.png`. Waits are on UI state.
 */
describe('risk alerts and escalations in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const importerId = `WAL${randomBytes(3).toString('hex').toUpperCase()}`;
  let riskCaseId = '';
  /** A RED case of office 20 nobody takes: escalated after the stack's 1.5 s SLA. */
  const declarationId = uniqueDeclarationId();
  const caseId = `inspection-case-${declarationId}`;

  beforeAll(async () => {
    stack = await startE2eStack({ caseEscalateAfterMs: 1500 });
    browser = await launchChromium();
    const analyst = await loginAs(stack, 'analyst-kim');
    const created = await analyst
      .post('/api/intelligence')
      .send({
        source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
        riskArea: 'SMUGGLING',
        smugglingSubtype: 'WEAPONS',
        subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
        goods: [{ hsCode: '930200', description: 'pistol parts declared as hand tools' }],
        routes: [{ originCountry: 'CN', departureCountry: 'HK' }],
        text: `Importer ${importerId} ships pistol parts from China via Hong Kong, declared as hand tools.`,
      })
      .expect(201);
    riskCaseId = created.body.riskCaseId;
    await eventually('the risk case in the read model', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    const scores = { timeliness: 5, importance: 5, applicability: 4, accuracy: 4, reliability: 5, influence: 4 };
    await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'SHARE', shareWith: ['40'], note: 'Open every parcel of this importer.' }).expect(200);

    const svc = await loginAs(stack, 'svc-ingest');
    const today = new Date().toISOString().slice(0, 10);
    const screened = await svc
      .post('/api/declarations')
      .send(sampleDeclaration({ declarationId, date: today, officeId: '20', hsCode: '930200', originCountry: 'CN', goodsDescription: 'Pistol grip, steel' }))
      .expect(201);
    expect(screened.body.lane).toBe('RED');
    const supervisor = await loginAs(stack, 'supervisor-20');
    await eventually('the escalation of the case', async () => ((await supervisor.get(`/api/cases/${caseId}`)).body?.escalated ? true : undefined));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const onPage = (body: (page: Page) => Promise<void>) => onUserPage(browser, 'risk-alerts', body);
  const korean = (page: Page) => page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();

  it('shows the alert above the queue and in the badge, in Korean', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-02');
      await page.waitForURL(/\/queue$/);
      await korean(page);
      const alert = page.locator(`article[data-risk-case="${riskCaseId}"]`);
      await alert.getByText('밀수: 총기').waitFor();
      await alert.getByText('높음').waitFor();
      await alert.getByText(`수입자 ${importerId}`).waitFor();
      await alert.getByText('930200 pistol parts declared as hand tools').waitFor();
      await alert.getByText('CN → HK').waitFor();
      await alert.getByRole('button', { name: '확인' }).waitFor();
      await page.getByTestId('alerts-badge').getByText('경보').waitFor();
      await shot(page, 'risk-alerts', 'queue-ko');
    });
  }, 60_000);

  it('an officer of office 40 opens the shared case from the alert and acknowledges it; the badge counts one fewer', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.waitForURL(/\/queue$/);
      const alert = page.locator(`article[data-risk-case="${riskCaseId}"]`);
      await alert.getByText('Smuggling: weapons').waitFor();
      await alert.getByText('High', { exact: true }).waitFor();
      await alert.getByText('Open every parcel of this importer.').waitFor();
      await alert.getByText('Shared by analyst-kim', { exact: false }).waitFor();
      await page.getByRole('heading', { name: /Risk alerts \(\d+\)/ }).waitFor();
      await page.getByTestId('alerts-badge').waitFor();
      await shot(page, 'risk-alerts', 'queue');

      await alert.getByRole('link', { name: 'Open the risk case' }).click();
      await page.waitForURL(new RegExp(`/risk-cases/${riskCaseId}$`));
      await page.getByRole('heading', { name: /Risk case/ }).waitFor();
      await page.getByText(importerId).first().waitFor();
      await page.getByRole('link', { name: 'Queue', exact: true }).click();
      await alert.waitFor();
      // The queue page reloaded the alerts: count from that answer (other suites may share cases meanwhile).
      await page.waitForLoadState('networkidle');
      const badge = page.getByTestId('alerts-badge');
      const before = Number(await badge.locator('.count').innerText());
      expect(before).toBeGreaterThanOrEqual(1);

      await alert.getByRole('button', { name: 'Acknowledge' }).click();
      await alert.waitFor({ state: 'detached' });
      if (before > 1) await badge.locator('.count', { hasText: new RegExp(`^${before - 1}$`) }).waitFor();
      else await badge.waitFor({ state: 'detached' });
      await shot(page, 'risk-alerts', 'acknowledged');
    });
    const officer = await loginAs(stack, 'officer-40-01');
    const alerts = (await officer.get('/api/risk-alerts').expect(200)).body.alerts as Array<{ riskCaseId: string; acknowledged: boolean }>;
    expect(alerts.find((a) => a.riskCaseId === riskCaseId)).toMatchObject({ acknowledged: true });
    // Another user of the office still has it to acknowledge.
    const other = (await (await loginAs(stack, 'supervisor-40')).get('/api/risk-alerts').expect(200)).body.alerts as Array<{ riskCaseId: string; acknowledged: boolean }>;
    expect(other.find((a) => a.riskCaseId === riskCaseId)).toMatchObject({ acknowledged: false });
    // The supervisor's top bar has seven pages: the badge still fits beside them at 1366 px.
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.waitForURL(/\/queue$/);
      await page.locator(`article[data-risk-case="${riskCaseId}"]`).waitFor();
      await page.getByTestId('alerts-badge').getByText('Alerts').waitFor();
      await shot(page, 'risk-alerts', 'queue-supervisor');
    });
  }, 60_000);

  it("the supervisor's dashboard lists the escalated case with its SLA due date and how overdue, in English and Korean", async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-20');
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: /Escalated cases \(\d+\)/ }).waitFor();
      const row = page.getByTestId('escalated-cases').locator(`tr[data-case="${caseId}"]`);
      await row.getByRole('link', { name: declarationId }).waitFor();
      await row.getByText('unassigned').waitFor();
      await row.getByText(/^\d+ (min|h|d)$/).waitFor();
      await shot(page, 'risk-alerts', 'dashboard-escalations');
      await korean(page);
      await page.getByRole('heading', { name: /기한 초과 사건 \(\d+\)/ }).waitFor();
      await row.getByText('미배정').waitFor();
      await shot(page, 'risk-alerts', 'dashboard-escalations-ko');
      await row.getByRole('link', { name: declarationId }).click();
      await page.waitForURL(new RegExp(`/cases/${caseId}$`));
    });
  }, 60_000);
});
