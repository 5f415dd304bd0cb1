import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import type { Browser, Page } from 'playwright-core';
import { loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';
import { layoutProblems, switchToKorean } from './support/layout';

/**
 * The party page in Debian's headless Chromium against the real stack (issue 17): a past seizure
 * (imported outcome, fraud 1) of an importer declared by a broker; a new declaration of another
 * importer through the same broker is screened RED. A CBTC analyst opens its decision trace,
 * follows the importer's link to the party page, sees the broker and the seller seized one hop away, the
 * network drawn and the reasons, in English and Korean, and follows the broker's link on.
 * Screenshots go to `e2e/web/screenshots/party-network-<step>.png`. Waits are on UI state.
 */
describe('party page in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const broker = `WPB${tag}`;
  const seizedImporter = `WPS${tag}`;
  const importer = `WPI${tag}`;
  const declarationId = uniqueDeclarationId();

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const svc = await loginAs(stack, 'svc-ingest');
    const past = (importerId: string, date: string, fraud: 0 | 1) =>
      ({ declaration: sampleDeclaration({ declarationId: uniqueDeclarationId(), date, officeId: '40', declarantId: broker, importerId, sellerId: `WPL${tag}`, courierId: null }), fraud, criticalFraud: fraud });
    await svc.post('/api/supply-chain/outcomes').send({ outcomes: [past(seizedImporter, '2021-10-04', 1), past(`WPC${tag}`, '2021-10-05', 0)] }).expect(200);
    const screened = await svc
      .post('/api/declarations')
      .send(sampleDeclaration({ declarationId, date: '2021-10-11', officeId: '40', declarantId: broker, importerId: importer, sellerId: `WPL${tag}`, courierId: null, hsCode: '930200' }))
      .expect(201);
    expect(screened.body.lane).toBe('RED');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const onPage = (body: (page: Page) => Promise<void>) => onUserPage(browser, 'party-network', body);

  it('opens the party page from the trace and shows the seized broker, the drawing and why, in English and Korean', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/audit/${declarationId}`);
      const link = page.getByTestId('trace-parties').getByRole('link', { name: importer });
      await link.waitFor();
      await shot(page, 'party-network', 'trace-parties-en');
      await link.click();
      await page.waitForURL(new RegExp(`/parties/IMPORTER(:|%3A)${importer}$`));
      await page.getByTestId('party-key').getByText(`IMPORTER:${importer}`).waitFor();
      const rows = page.getByTestId('party-seized-row');
      await rows.first().waitFor();
      await rows.filter({ hasText: broker }).waitFor();
      await rows.filter({ hasText: seizedImporter }).waitFor();
      // The broker and the seller of the seized declaration are direct counterparties; the seized importer 2 hops away.
      expect(await rows.count()).toBe(3);
      await rows.filter({ hasText: `WPL${tag}` }).waitFor();
      await page.getByTestId('party-why').getByText('It shares declarations with 2 seized party(ies)').waitFor();
      expect(Number(await page.getByTestId('party-score').textContent())).toBeGreaterThan(0);
      await page.locator('[data-testid="party-graph"] canvas').first().waitFor();
      expect(await layoutProblems(page, '.party')).toEqual([]);
      await shot(page, 'party-network', 'importer-en');

      await switchToKorean(page);
      await page.getByRole('heading', { name: /거래 당사자/ }).first().waitFor();
      await page.getByText('2단계 이내 적발 당사자').waitFor();
      await page.getByTestId('party-why').getByText('가장 강한 연결은').waitFor();
      expect(await layoutProblems(page, '.party')).toEqual([]);
      await shot(page, 'party-network', 'importer-ko');

      // The seized broker's own page, from the table; leakage: as of the seizure's day nothing is seized.
      await rows.filter({ hasText: broker }).getByRole('link').click();
      await page.waitForURL(new RegExp(`/parties/DECLARANT(:|%3A)${broker}`));
      await page.getByTestId('party-key').getByText(`DECLARANT:${broker}`).waitFor();
      await page.getByTestId('party-why').locator('li[data-code="OWN_SEIZURES"]').waitFor();
      await shot(page, 'party-network', 'broker-ko');
      await page.goto(`${stack.baseUrl}/parties/DECLARANT:${broker}?asOf=2021-10-04`);
      await page.getByTestId('party-why').locator('li[data-code="NOT_SEEN"]').waitFor();
      // The trace's party links in Korean (a new page load starts in English).
      await page.goto(`${stack.baseUrl}/audit/${declarationId}`);
      await page.getByTestId('trace-parties').getByRole('link', { name: importer }).waitFor();
      await switchToKorean(page);
      await page.getByTestId('trace-parties').getByText('거래 당사자').waitFor();
      await shot(page, 'party-network', 'trace-parties-ko');
    });
  }, 90_000);

  it('keeps officers out of the party page and shows them the parties without links', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.goto(`${stack.baseUrl}/audit/${declarationId}`);
      await page.getByTestId('trace-parties').getByText(importer).waitFor();
      expect(await page.getByTestId('trace-parties').getByRole('link').count()).toBe(0);
    });
  }, 60_000);
});
