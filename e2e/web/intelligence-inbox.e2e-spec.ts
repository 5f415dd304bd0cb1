import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { eventually, loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/**
 * The intelligence inbox and the server-side board filters in Debian's headless Chromium
 * against the real stack (issue 13). Reports are registered through the API: foreign
 * intelligence about weapons (CBTC), a second report about the same importer (linked to the
 * open case), and office 40's own detection (LOCAL 40). Screenshots go to
 * `e2e/web/screenshots/inbox-<step>.png`, at 1366 px. Waits are on UI state, never on the clock.
 */
describe('intelligence inbox in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const ids = { a: '', b: '', c: '', caseA: '', caseC: '' };
  /** `RC-` and the first eight hex digits of a risk case id, as the inbox names it. */
  const ref = (riskCaseId: string) => `RC-${riskCaseId.slice('risk-case-'.length, 'risk-case-'.length + 8)}`;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const analyst = await loginAs(stack, 'analyst-kim');
    const a = await analyst.post('/api/intelligence').send({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjects: [
        { kind: 'IDENTIFIER', idType: 'importerId', value: `WIN${tag}` },
        { kind: 'COMPANY', name: `Hanbit Precision Tools ${tag} International Trading Corporation` },
        { kind: 'PERSON', name: 'Tanaka Hiroshi' },
        { kind: 'IDENTIFIER', idType: 'passportNumber', value: `TR${tag}` },
      ],
      text: `Importer WIN${tag} ships pistol parts declared as hand tools.`,
    }).expect(201);
    const b = await (await loginAs(stack, 'analyst-lee')).post('/api/intelligence').send({
      source: { organisation: 'National Intelligence Service', type: 'INTELLIGENCE_SERVICE' },
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `WIN${tag}` }],
      text: 'The same importer, a second shipment expected next week.',
    }).expect(201);
    expect(b.body).toMatchObject({ duplicate: true, riskCaseId: a.body.riskCaseId });
    const c = await (await loginAs(stack, 'officer-40-01')).post('/api/intelligence').send({
      source: { organisation: 'Incheon Customs', type: 'LOCAL_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `LOC${tag}` }],
      text: 'Invoices at a third of the market value.',
    }).expect(201);
    Object.assign(ids, { a: a.body.reportId, b: b.body.reportId, c: c.body.reportId, caseA: a.body.riskCaseId, caseC: c.body.riskCaseId });
    for (const id of [ids.caseA, ids.caseC]) {
      await eventually(`risk case ${id} in the read model`, async () => ((await analyst.get(`/api/risk-cases/${id}`)).status === 200 ? true : undefined));
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const onPage = (flow: string, body: (page: Page) => Promise<void>) => onUserPage(browser, flow, body, 'en');
  const row = (page: Page, reportId: string) => page.locator(`tr[data-report="${reportId}"]`);
  /** Chooses `option` in the Material select labelled `label`. */
  const choose = async (page: Page, label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    // The panel fades out: gone before the next step or screenshot.
    await page.getByRole('listbox').waitFor({ state: 'detached' });
  };
  /** Fails when the page scrolls sideways or a table cell's content is cut off. */
  const expectNoOverflow = async (page: Page) => {
    const { scrollWidth, clientWidth, clipped } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      clipped: [...document.querySelectorAll('td, th')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent?.trim().slice(0, 40)),
    }));
    expect({ scrollWidth, clipped }).toEqual({ scrollWidth: clientWidth, clipped: [] });
  };

  it('an analyst opens the inbox, filters the CBTC desk\u2019s linked reports and follows the link to the open case', async () => {
    await onPage('inbox', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Intelligence', exact: true }).click();
      await page.getByRole('heading', { name: 'Intelligence inbox' }).waitFor();
      await page.getByRole('link', { name: 'Report intelligence' }).waitFor();

      const a = row(page, ids.a);
      await a.getByText('Japan Customs').waitFor();
      await a.getByText('Foreign customs').waitFor();
      await a.getByText('Smuggling: weapons').waitFor();
      await a.getByText(`Importer WIN${tag}`).waitFor();
      await a.getByText('+1 more').waitFor();
      await a.getByText('CBTC desk').waitFor();
      await a.getByText('RT-CBTC-SECURITY').waitFor();
      await a.getByRole('link', { name: `Opened case ${ref(ids.caseA)}` }).waitFor();
      await row(page, ids.c).getByText('Office 40').waitFor();
      await row(page, ids.b).getByRole('link', { name: `Linked to open case ${ref(ids.caseA)}` }).waitFor();
      await expectNoOverflow(page);
      await shot(page, 'inbox', 'en');

      // Each filter asks the server again.
      const asked = page.waitForRequest((r) => r.url().includes('/api/intelligence?') && r.url().includes('desk=CBTC'));
      await choose(page, 'Desk', 'CBTC desk');
      await asked;
      await row(page, ids.c).waitFor({ state: 'detached' });
      await page.getByRole('switch', { name: 'Linked to a case only' }).click();
      await row(page, ids.a).waitFor({ state: 'detached' });
      const link = row(page, ids.b).getByRole('link', { name: `Linked to open case ${ref(ids.caseA)}` });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/risk-cases/${ids.caseA}`);
      await choose(page, 'Source type', 'Foreign customs');
      await row(page, ids.b).waitFor({ state: 'detached' });
      // Other suites on the same stack may have reports of their own: every row left is foreign, linked and at the CBTC desk.
      await page.locator('table.inbox[aria-busy=false]').waitFor();
      for (const r of await page.locator('tbody tr[data-report]').all()) {
        await r.getByText('Foreign customs').waitFor();
        await r.getByText(/^Linked to (open )?case RC-/).waitFor();
        await r.getByText('CBTC desk').waitFor();
      }
      await choose(page, 'Source type', 'All');
      await row(page, ids.b).waitFor();
      await shot(page, 'inbox', 'en-linked');

      await link.click();
      await page.getByRole('heading', { name: /Risk case/ }).waitFor();
      expect(page.url()).toContain(`/risk-cases/${ids.caseA}`);
    });
  }, 60_000);

  it('shows the inbox in Korean', async () => {
    await onPage('inbox', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/intelligence`);
      await page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();
      await page.getByRole('heading', { name: '정보 수신함' }).waitFor();
      await row(page, ids.b).getByRole('link', { name: `진행 중인 사례 ${ref(ids.caseA)}에 연결됨` }).waitFor();
      await row(page, ids.a).getByText('외 1건').waitFor();
      await expectNoOverflow(page);
      await shot(page, 'inbox', 'ko');
    });
  }, 60_000);

  it('shows an officer of another office none of the CBTC reports, and office 40\u2019s supervisor its own', async () => {
    await onPage('inbox', async (page) => {
      await signIn(page, stack.baseUrl, 'officer-20-01');
      await page.getByRole('link', { name: 'Intelligence', exact: true }).click();
      await page.getByRole('heading', { name: 'Intelligence inbox' }).waitFor();
      await page.locator('[role=status]').filter({ hasText: 'shown of' }).waitFor();
      await page.locator('table.inbox[aria-busy=false]').waitFor();
      for (const id of [ids.a, ids.b, ids.c]) expect(await row(page, id).count()).toBe(0);
    });
    // A supervisor has the most pages in the top bar: the bar and the table still fit 1366 px.
    await onPage('inbox', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.getByRole('link', { name: 'Intelligence', exact: true }).click();
      await row(page, ids.c).getByText('Incheon Customs').waitFor();
      expect(await row(page, ids.a).count()).toBe(0);
      await expectNoOverflow(page);
      await shot(page, 'inbox', 'supervisor');
    });
  }, 60_000);

  it('filters the risk-case board on the server: counts and cards follow the filter, cards name the subtype', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const smuggling = (await analyst.get('/api/risk-cases?riskArea=SMUGGLING&desk=CBTC&limit=1').expect(200)).body;
    await onPage('inbox', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Risk cases' }).click();
      const cardA = page.locator(`a[data-case="${ids.caseA}"]`);
      const cardC = page.locator(`a[data-case="${ids.caseC}"]`);
      await cardA.getByTestId('area').filter({ hasText: 'Smuggling: weapons' }).waitFor();
      await cardC.getByTestId('area').filter({ hasText: 'Undervaluation' }).waitFor();

      const asked = page.waitForRequest((r) => r.url().includes('/api/risk-cases?') && r.url().includes('riskArea=SMUGGLING'));
      await choose(page, 'Risk area', 'Smuggling');
      await asked;
      await cardC.waitFor({ state: 'detached' });
      await choose(page, 'Desk', 'CBTC desk');
      await cardA.waitFor();
      const identified = page.locator('section[data-status=IDENTIFIED]').getByTestId('count');
      await identified.filter({ hasText: new RegExp(`^${smuggling.counts.IDENTIFIED}$`) }).waitFor();
      await choose(page, 'Age', 'Opened ≤ 1 d ago');
      await cardA.waitFor();
      await expectNoOverflow(page);
      await shot(page, 'inbox', 'board-filtered');

      await choose(page, 'Desk', 'Office 40');
      await cardA.waitFor({ state: 'detached' });
      await choose(page, 'Risk area', 'All');
      await cardC.waitFor();
    });
  }, 60_000);
});
