import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';
import { layoutProblems, switchToKorean } from './support/layout';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/**
 * The criteria builder's target documents (issue 15) in Debian's headless Chromium against the
 * real stack: a CBTC analyst writes a central EXPRESS_MANIFEST criterion with a keyword condition
 * on the waybill's goods description (ROLEX, NIKE) and a local PASSENGER criterion for office 40;
 * the field pickers offer each document's facts only, changing the document resets the rows on
 * fields it lacks and says so, and the backtest (stored declaration decisions only) is not
 * offered. The API stores both with their `targetDocument`; the criteria list names the document
 * with a chip and filters by it; a revision of the express criterion keeps its document.
 * Screenshots go to `e2e/web/screenshots/criterion-builder-express-<step>.png`, in English and
 * Korean, each checked for overflow and cut text. Criterion ids are unique per run; both stay
 * awaiting approval, so nothing here screens anything.
 */
describe('criteria builder: express-manifest and passenger criteria in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  /** This run's central express criterion: `CEN-X` + two letters + three digits, apart from the seed set's area codes. */
  const expressId = `CEN-X${letters[randomInt(26)]}${letters[randomInt(26)]}-${String(randomInt(1000)).padStart(3, '0')}`;
  let passengerId = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const onPage = (flow: string, body: (page: Page) => Promise<void>) => onUserPage(browser, flow, body);

  /**
   * A full-page screenshot, then nothing may stick out of the page, the top bar or the form.
   * Scrolls to the top first, so the sticky top bar is at the top of the full-page picture.
   */
  async function check(page: Page, step: string, container = 'cr-criterion-builder-page .page'): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'criterion-builder-express', step);
    expect({ step, problems: await layoutProblems(page, container) }).toEqual({ step, problems: [] });
  }

  /** The option texts of a condition row's field picker. */
  const fieldOptions = (page: Page, row: number) => page.getByTestId(`condition-${row}`).locator('select').first().locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

  async function openBuilder(page: Page): Promise<void> {
    await signIn(page, stack.baseUrl, 'analyst-kim');
    await page.waitForURL(/\/criteria$/);
    await page.getByRole('link', { name: 'New criterion' }).click();
    await page.getByRole('heading', { name: 'New selectivity criterion' }).waitFor();
    await page.getByTestId('condition-0').getByLabel('Field', { exact: true }).waitFor();
  }

  it('an analyst writes a central express-manifest criterion with a keyword condition on the goods description, in English and Korean', async () => {
    await onPage('criterion-builder-express', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openBuilder(page);
      const document = page.getByLabel('Target document', { exact: true });
      expect(await document.inputValue()).toBe('IMPORT_DECLARATION');
      expect(await fieldOptions(page, 0)).toContain('hsCode');
      await page.getByRole('button', { name: 'Backtest' }).waitFor();

      // The first row starts on hsCode, which a waybill lacks: it is reset, and the builder says so.
      await document.selectOption({ label: 'Express manifest' });
      await page.getByTestId('document-notice').getByText('Target document changed to Express manifest: 1 condition(s) used a field it lacks and were reset').waitFor();
      const options = await fieldOptions(page, 0);
      expect(options).toEqual(expect.arrayContaining(['goodsDescription', 'declaredValueUsd', 'consigneeKind', 'consigneeWaybillsInManifest']));
      expect(options).not.toContain('hsCode');
      // Backtests replay declaration decisions only: not offered here, with the reason.
      await page.getByTestId('backtest-unavailable').getByText('so this criterion (Express manifest) cannot be backtested here').waitFor();
      expect(await page.getByRole('button', { name: 'Backtest' }).count()).toBe(0);

      const first = page.getByTestId('condition-0');
      await first.getByLabel('Field', { exact: true }).selectOption('goodsDescription');
      await first.getByLabel('Operator', { exact: true }).selectOption('containsAnyKeyword');
      await first.getByLabel('Compare values', { exact: true }).fill('ROLEX, NIKE');
      await page.getByRole('button', { name: 'Add condition' }).click();
      const second = page.getByTestId('condition-1');
      await second.getByLabel('Field', { exact: true }).selectOption('declaredValueUsd');
      // Numeric comparisons for a number field, with its unit.
      await second.getByLabel('Operator', { exact: true }).selectOption('lessThanInclusive');
      await second.getByLabel('Compare value', { exact: true }).fill('150');
      await second.getByText('USD', { exact: true }).waitFor();

      expect(await page.getByRole('radio', { name: 'Central' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: /^YELLOW/ }).check();
      await page.getByLabel('Risk area', { exact: true }).selectOption('SMUGGLING_OTHER');
      await page.getByLabel('Points of interest (what the officer checks)', { exact: true }).fill('X-ray the parcel for branded watches and shoes; compare the declared value with the brand price.');
      await page.getByLabel('Reason (the intelligence behind it)', { exact: true }).fill('Counterfeit ROLEX watches and NIKE shoes in express parcels declared under USD 150.');
      await page.getByLabel('Search keywords', { exact: true }).fill('counterfeit, express, brands');
      await page.getByLabel('Criterion id', { exact: true }).fill(expressId);
      await check(page, 'en');

      await switchToKorean(page);
      await page.getByLabel('대상 문서', { exact: true }).waitFor();
      expect(await page.getByLabel('대상 문서', { exact: true }).locator('option:checked').innerText()).toBe('특송 적하목록');
      await page.getByTestId('document-notice').getByText('특송 적하목록').waitFor();
      await page.getByTestId('backtest-unavailable').getByText('특송 적하목록 기준은 여기서 백테스트할 수 없습니다').waitFor();
      await check(page, 'ko');

      await page.getByRole('button', { name: '승인 요청으로 저장' }).press('Enter');
      await page.waitForURL(/\/criteria\?created=/);
      const row = page.getByTestId(`criterion-${expressId}`);
      await row.getByTestId('criterion-document').filter({ hasText: '특송' }).waitFor();
    });

    const analyst = await loginAs(stack, 'analyst-kim');
    const stored = await analyst.get(`/api/criteria/${expressId}`).expect(200);
    expect(stored.body.versions).toHaveLength(1);
    expect(stored.body.versions[0]).toMatchObject({
      id: expressId,
      version: 1,
      scope: 'CENTRAL',
      officeId: null,
      targetDocument: 'EXPRESS_MANIFEST',
      approved: false,
      conditions: {
        all: [
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['ROLEX', 'NIKE'] },
          { fact: 'declaredValueUsd', operator: 'lessThanInclusive', value: 150 },
        ],
      },
    });
  }, 120_000);

  it('the same analyst writes a local passenger criterion; the list names each document and filters by it', async () => {
    await onPage('criterion-builder-express', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openBuilder(page);
      await page.getByLabel('Target document', { exact: true }).selectOption({ label: 'Passenger' });
      await page.getByTestId('document-notice').waitFor();
      const options = await fieldOptions(page, 0);
      expect(options).toEqual(expect.arrayContaining(['bookingDaysBeforeDeparture', 'ageBand', 'companions', 'lengthOfStayDays']));
      expect(options).not.toContain('goodsDescription');

      const first = page.getByTestId('condition-0');
      await first.getByLabel('Field', { exact: true }).selectOption('bookingDaysBeforeDeparture');
      await first.getByLabel('Operator', { exact: true }).selectOption('lessThanInclusive');
      await first.getByLabel('Compare value', { exact: true }).fill('3');
      await page.getByRole('button', { name: 'Add condition' }).click();
      const second = page.getByTestId('condition-1');
      await second.getByLabel('Field', { exact: true }).selectOption('ageBand');
      await second.getByLabel('Operator', { exact: true }).selectOption('in');
      await second.getByLabel('Compare values', { exact: true }).fill('18-24, 25-34');

      // Local to office 40, as officers write them: the id follows the office.
      await page.getByRole('radio', { name: 'Local' }).check();
      await page.getByLabel('Office', { exact: true }).fill('40');
      await page.getByRole('radio', { name: /^RED/ }).check();
      await page.getByLabel('Risk area', { exact: true }).selectOption('SMUGGLING_DRUGS');
      await page.getByLabel('Points of interest (what the officer checks)', { exact: true }).fill('Inspect the bags in the arrival hall.');
      await page.getByLabel('Reason (the intelligence behind it)', { exact: true }).fill('Drug couriers book a few days before boarding.');
      await page.getByLabel('Search keywords', { exact: true }).fill('courier, drugs, short notice');
      passengerId = await page.getByLabel('Criterion id', { exact: true }).inputValue();
      expect(passengerId).toMatch(/^LOC-40-\d{3}$/);
      await check(page, 'passenger');
      await page.getByRole('button', { name: 'Save for approval' }).press('Enter');
      await page.waitForURL(/\/criteria\?created=/);

      // The list: a chip on express and passenger criteria, none on declaration ones; a filter by document.
      await page.getByTestId(`criterion-${passengerId}`).getByTestId('criterion-document').filter({ hasText: 'Passenger' }).waitFor();
      await page.getByTestId(`criterion-${expressId}`).getByTestId('criterion-document').filter({ hasText: 'Express' }).waitFor();
      expect(await page.getByTestId('criterion-CEN-WPN-001').getByTestId('criterion-document').count()).toBe(0);
      await page.getByLabel('Target document', { exact: true }).selectOption({ label: 'Express manifest' });
      await page.getByTestId(`criterion-${passengerId}`).waitFor({ state: 'detached' });
      await page.getByTestId(`criterion-${expressId}`).waitFor();
      expect(await page.getByTestId('criterion-CEN-WPN-001').count()).toBe(0);
      await check(page, 'list', 'cr-criteria-list-page .page');
      await switchToKorean(page);
      await page.getByTestId(`criterion-${expressId}`).getByTestId('criterion-document').filter({ hasText: '특송' }).waitFor();
      await check(page, 'list-ko', 'cr-criteria-list-page .page');
    });

    const analyst = await loginAs(stack, 'analyst-kim');
    const stored = await analyst.get(`/api/criteria/${passengerId}`).expect(200);
    expect(stored.body.versions.at(-1)).toMatchObject({
      id: passengerId,
      scope: 'LOCAL',
      officeId: '40',
      targetDocument: 'PASSENGER',
      conditions: {
        all: [
          { fact: 'bookingDaysBeforeDeparture', operator: 'lessThanInclusive', value: 3 },
          { fact: 'ageBand', operator: 'in', value: ['18-24', '25-34'] },
        ],
      },
    });
    // Import-declaration criteria name no document, as before.
    const seed = await analyst.get('/api/criteria/CEN-WPN-001').expect(200);
    expect(seed.body.versions.at(-1).targetDocument).toBeUndefined();
  }, 120_000);

  it('a revision of the express criterion keeps its document and fields; its stored backtest is not offered', async () => {
    await onPage('criterion-builder-express', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/criteria/new?criterion=${expressId}&version=1&revise=1`);
      await page.getByTestId('revising').waitFor();
      expect(await page.getByLabel('Target document', { exact: true }).inputValue()).toBe('EXPRESS_MANIFEST');
      await page.getByTestId('stored-backtest-unavailable').waitFor();
      const first = page.getByTestId('condition-0');
      expect(await first.getByLabel('Field', { exact: true }).inputValue()).toBe('goodsDescription');
      expect(await first.getByLabel('Compare values', { exact: true }).inputValue()).toBe('ROLEX, NIKE');
      expect(await page.getByTestId('document-notice').count()).toBe(0);
      await check(page, 'revision');
    });
  }, 90_000);
});
