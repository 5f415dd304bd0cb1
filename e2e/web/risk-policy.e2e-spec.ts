import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Declaration } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import type { Browser, Page } from 'playwright-core';
import { loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

const ROOT = path.resolve(__dirname, '../..');
/** The office of supervisor-40. */
const OFFICE = '40';
/** Declarations of office 40 screened in `beforeAll` (now, so inside the preview's 28-day window): 5 a day. */
const SCREENED = 140;

/**
 * The office's risk-policy page in Debian's headless Chromium against the real stack (issue 13):
 * the supervisor of office 40 sees the policy in force, changes the capacity, previews it (cut-offs
 * before / after and expected daily selections on screen, checked against the API's own preview),
 * saves it as a new version with a reason and finds it in the history with the author; an analyst
 * chooses the office from the list; an officer reads without inputs. The version saved keeps office
 * 40's cut-offs those of the global default (2 % / 10 % of declarations), so the suites after this
 * one decide as before. Screenshots: `e2e/web/screenshots/risk-policy-<step>.png`.
 */
describe('risk-policy page in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let supervisor: AuthorisedHttp;
  const reason = `Two inspectors moved to the night shift (browser test ${randomBytes(3).toString('hex')})`;
  /** The version the supervisor saves. */
  let savedVersion = 0;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const svc = await loginAs(stack, 'svc-ingest');
    supervisor = await loginAs(stack, 'supervisor-40');
    // Real KCS rows (varied scores) as office 40's declarations of today, for the preview to decide again.
    const declarations: Declaration[] = [];
    const prefix = uniqueDeclarationId();
    for await (const r of readDeclarationFile(path.join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv'))) {
      if ('declaration' in r) declarations.push({ ...r.declaration, declarationId: `${prefix}${declarations.length}`, officeId: OFFICE, date: new Date().toISOString().slice(0, 10) });
      if (declarations.length === SCREENED) break;
    }
    await svc.post('/api/declarations/batch').send({ declarations }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const onPage = (body: (page: Page) => Promise<void>, lang: 'en' | 'ko' = 'en') => onUserPage(browser, 'risk-policy', body, lang);

  /** Types the capacity figures into the page's inputs. */
  async function fillFigures(page: Page, f: { physical: number; document: number; expected: number; controlPct: number; explorationPct: number }) {
    await page.getByLabel('RED capacity (physical)', { exact: true }).fill(String(f.physical));
    await page.getByLabel('YELLOW capacity (documents)', { exact: true }).fill(String(f.document));
    await page.getByLabel('Expected declarations', { exact: true }).fill(String(f.expected));
    await page.getByLabel('Control sample', { exact: true }).fill(String(f.controlPct));
    await page.getByLabel('Exploration', { exact: true }).fill(String(f.explorationPct));
  }

  it('the supervisor sees the policy in force, previews more RED capacity, then saves figures with a reason; the history names them', async () => {
    const inForce = (await supervisor.get(`/api/offices/${OFFICE}/risk-policy`).expect(200)).body;
    const { redTopShare, yellowTopShare, controlShare } = stack.config;
    const controlPct = Number((controlShare * 100).toFixed(6));
    // 30 % RED, fifteen times the default's share: the preview must move declarations into RED.
    const wider = { physical: 300, document: 100, expected: 1000, controlPct, explorationPct: 0 };
    // 500 declarations a day with the default's shares: office 40's cut-offs stay the default's.
    const kept = { physical: Math.round(redTopShare * 500), document: Math.round((yellowTopShare - redTopShare) * 500), expected: 500, controlPct, explorationPct: 0 };
    expect([kept.physical / 500, (kept.physical + kept.document) / 500]).toEqual([redTopShare, yellowTopShare]);

    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.getByRole('link', { name: 'Risk policy' }).click();
      await page.getByRole('heading', { name: 'Risk policy', level: 1 }).waitFor();
      await page.getByTestId('office').getByText('Customs office 40').waitFor();
      const card = page.getByTestId('in-force');
      await card.getByTestId('in-force-red').getByText(inForce.inForce.red.toFixed(4)).waitFor();
      await card.getByTestId('in-force-yellow').getByText(inForce.inForce.yellow.toFixed(4)).waitFor();
      await card.getByText(inForce.source === 'OFFICE_POLICY' ? `version ${inForce.version}` : 'global default', { exact: true }).waitFor();
      await shot(page, 'risk-policy', 'in-force');

      // Checked in the browser with the API's bounds, before anything is sent.
      await fillFigures(page, { ...wider, physical: 1200, controlPct: 60 });
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('More than the 1000 declarations expected per day.').waitFor();
      await page.getByText('Must be between 0 and 50 %.').waitFor();
      expect(await page.getByTestId('preview').count()).toBe(0);

      await fillFigures(page, wider);
      await page.getByRole('button', { name: 'Preview' }).click();
      const preview = page.getByTestId('preview');
      await preview.waitFor();
      const expected = (
        await supervisor
          .post(`/api/offices/${OFFICE}/risk-policy/preview`)
          .send({ dailyPhysicalCapacity: wider.physical, dailyDocumentCapacity: wider.document, expectedDailyDeclarations: wider.expected, controlShare, explorationShare: 0 })
          .expect(200)
      ).body;
      expect(expected.decisions).toBeGreaterThanOrEqual(SCREENED);
      await preview.getByText(`The office's ${expected.decisions} decisions of the last 28 days decided again`, { exact: false }).waitFor();
      const cut = (key: string) => preview.locator(`tr[data-cut=${key}]`);
      expect(await cut('red').locator('td').allInnerTexts()).toEqual([expected.currentThresholds.red.toFixed(4), expected.proposedThresholds.red.toFixed(4)]);
      expect(await cut('redShare').locator('td').allInnerTexts()).toEqual([`${redTopShare * 100} %`, '30 %']);
      for (const lane of ['RED', 'YELLOW', 'GREEN'] as const) {
        const perDay = (n: number) => `${(Math.round((10 * n) / 28) / 10).toFixed(1)} (${n})`;
        const cells = await preview.locator(`tr[data-lane=${lane}] td`).allInnerTexts();
        expect({ lane, current: cells[0], proposed: cells[1] }).toEqual({ lane, current: perDay(expected.current.lanes[lane]), proposed: perDay(expected.proposed.lanes[lane]) });
      }
      expect(expected.proposed.lanes.RED).toBeGreaterThan(expected.current.lanes.RED);
      await preview.getByText(`${expected.changed} declarations would change lane:`).waitFor();
      await preview.getByTestId('preview-moves').getByText(/→/).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await shot(page, 'risk-policy', 'preview');

      // Other figures: the preview on screen is said to be stale until previewed again.
      await fillFigures(page, kept);
      await preview.getByText('The figures changed since this preview').waitFor();
      await page.getByRole('button', { name: 'Preview' }).click();
      await cut('redShare').getByText(`${redTopShare * 100} %`).nth(1).waitFor();
      expect(await preview.getByText('The figures changed since this preview').count()).toBe(0);

      // Saving needs a reason.
      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByText('Say why the policy changes (3 to 2000 characters).').waitFor();
      await page.getByLabel('Reason for the change (kept with the version)').fill(reason);
      await page.getByRole('button', { name: 'Save as new version' }).click();
      const saved = await page.getByTestId('saved').innerText();
      savedVersion = Number(/Version (\d+) saved/.exec(saved)?.[1]);
      expect(savedVersion).toBeGreaterThanOrEqual(1);
      await card.getByText(`version ${savedVersion}`, { exact: true }).waitFor();
      await card.getByTestId('in-force-by').getByText(/Written by supervisor-40/).waitFor();
      await card.getByText(reason).waitFor();

      const row = page.getByTestId('policy-history').locator(`tr[data-version="${savedVersion}"]`);
      await row.getByText(reason).waitFor();
      await row.getByText('supervisor-40', { exact: true }).waitFor();
      await row.getByText(`${kept.physical} / ${kept.document}`).waitFor();
      await row.getByText('configured').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await shot(page, 'risk-policy', 'en');
    });

    // What the page saved is what the API keeps, with office 40's cut-offs those of the global default.
    const after = (await supervisor.get(`/api/offices/${OFFICE}/risk-policy`).expect(200)).body;
    expect(after).toMatchObject({ version: savedVersion, createdBy: 'supervisor-40', reason, dailyPhysicalCapacity: kept.physical, dailyDocumentCapacity: kept.document, expectedDailyDeclarations: 500, explorationShare: 0, controlShare });
    const analyst = await loginAs(stack, 'analyst-kim');
    const def = (await analyst.get('/api/offices/153/risk-policy').expect(200)).body;
    expect(def.source).toBe('GLOBAL_DEFAULT');
    expect([after.inForce.red, after.inForce.yellow]).toEqual([def.inForce.red, def.inForce.yellow]);
  }, 120_000);

  it('in Korean: the same page, preview and history', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();
      await page.getByRole('link', { name: '위험 관리 정책' }).click();
      await page.getByRole('heading', { name: '위험 관리 정책', level: 1 }).waitFor();
      await page.getByTestId('in-force').getByText(`버전 ${savedVersion}`, { exact: true }).waitFor();
      await page.getByRole('button', { name: '미리 보기' }).click();
      await page.getByTestId('preview').getByText('경로가 바뀌는 신고가 없습니다.').waitFor();
      await page.getByTestId('policy-history').getByText(reason).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await shot(page, 'risk-policy', 'ko');
    });
  }, 60_000);

  it('an analyst chooses the office from the list; an auditor previews but does not save; an officer reads the policy without inputs', async () => {
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/risk-policy`);
      await page.getByRole('heading', { name: 'Risk policy', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Customs office' }).click();
      await page.getByRole('option', { name: OFFICE, exact: true }).click();
      await page.getByTestId('policy-history').locator(`tr[data-version="${savedVersion}"]`).getByText(reason).waitFor();
      await page.getByRole('button', { name: 'Save as new version' }).waitFor();
      await shot(page, 'risk-policy', 'analyst');
    });
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'auditor-han');
      await page.getByRole('link', { name: 'Risk policy' }).click();
      await page.getByRole('combobox', { name: 'Customs office' }).click();
      await page.getByRole('option', { name: OFFICE, exact: true }).click();
      await page.getByTestId('in-force').getByText(`version ${savedVersion}`, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('preview').getByText('No declaration would change lane.').waitFor();
      expect(await page.getByRole('button', { name: 'Save as new version' }).count()).toBe(0);
    });
    await onPage(async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.getByRole('link', { name: 'Risk policy' }).click();
      await page.getByTestId('in-force').getByText(`version ${savedVersion}`, { exact: true }).waitFor();
      await page.getByTestId('policy-history').getByText(reason).waitFor();
      expect(await page.getByRole('button', { name: 'Preview' }).count()).toBe(0);
      expect(await page.getByRole('spinbutton').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await shot(page, 'risk-policy', 'officer');
    });
  }, 90_000);
});
