import * as path from 'node:path';
import type { Declaration } from '@customs/domain';
import { readDeclarationFile } from '@customs/io';
import { addDays, isoWeekStart } from '@customs/risk-model';
import type { Browser, Locator, Page } from 'playwright-core';
import { loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, SCREENSHOTS, shot, signIn } from './support/browser';

const ROOT = path.resolve(__dirname, '../..');
/** A week later than any other suite's declarations (they date theirs 2019..2021, today, or 2040..2089), so the dashboard's latest week is this file's. */
const WEEK = `2090-W${String(10 + Math.floor(Math.random() * 30)).padStart(2, '0')}`;

/** The language switch (Material button toggles: radios or buttons depending on the version). */
const toggle = (page: Page, name: string) => page.getByRole('radio', { name }).or(page.getByRole('button', { name })).first();

/** A PNG of one element, `e2e/web/screenshots/<name>.png`. */
async function elementShot(locator: Locator, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}

/** Nothing inside `locator` is wider than it (no cut-off columns) and the page does not scroll sideways at 1366 px. */
async function fits(page: Page, locator: Locator): Promise<void> {
  const overflow = await locator.evaluate((el) =>
    Array.from(el.querySelectorAll('table')).filter((t) => t.getBoundingClientRect().right > el.getBoundingClientRect().right + 1 && !t.closest('.scroll')).length,
  );
  expect(overflow).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

/**
 * The dashboard's drift panel and the risk-policy page's simulation table in headless Chromium
 * against the real stack (issue 17), in English and Korean. Screenshots:
 * `e2e/web/screenshots/drift-*.png`.
 */
describe('drift panel and simulation figures in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let analyst: AuthorisedHttp;

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const svc = await loginAs(stack, 'svc-ingest');
    analyst = await loginAs(stack, 'analyst-kim');
    const monday = isoWeekStart(WEEK);
    const prefix = uniqueDeclarationId();
    const declarations: Declaration[] = [];
    for await (const r of readDeclarationFile(path.join(ROOT, 'e2e/fixtures/kcs-valid-sample.csv'))) {
      if (!('declaration' in r)) continue;
      const i = declarations.length;
      // 20 the week before as the sample has them, then 130 of one HS code in one office: the goods mix moved
      declarations.push(
        i < 20
          ? { ...r.declaration, declarationId: `${prefix}P${i}`, officeId: '122', date: addDays(monday, -7 + (i % 7)) }
          : { ...r.declaration, declarationId: `${prefix}W${i}`, officeId: '122', hsCode: '870323', date: addDays(monday, i % 7) },
      );
      if (declarations.length === 150) break;
    }
    await svc.post('/api/declarations/batch').send({ declarations }).expect(200);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the dashboard shows the latest week\u2019s alerts, PSI per subject and the suggested cut-offs, in English and Korean', async () => {
    const report = (await analyst.get('/api/drift').expect(200)).body;
    expect(report.latest.week).toBe(WEEK);
    const alerts = report.latest.alerts.filter((a: { level: string }) => a.level === 'ALERT').length;
    expect(alerts).toBeGreaterThan(0);
    await onUserPage(browser, 'drift', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/dashboard`);
      const panel = page.getByTestId('drift-panel');
      await panel.getByRole('heading', { name: 'Model drift' }).waitFor();
      await panel.getByTestId('drift-week').getByText(`Week ${WEEK}`).waitFor();
      await panel.getByTestId('drift-alerts').getByText(`${alerts} ALERT`, { exact: true }).waitFor();
      const psi = panel.getByTestId('drift-psi');
      await psi.locator('tr[data-subject="score"]').getByText('Fraud score').waitFor();
      expect(await psi.locator('tr[data-subject="score"] td.num').textContent()).toBe(report.latest.scorePsi.toFixed(3));
      const first = report.latest.featurePsi[0];
      expect(await psi.locator(`tr[data-subject="${first.feature}"] td.num`).textContent()).toBe(first.psi.toFixed(3));
      const red = panel.getByTestId('drift-cutoffs').locator('tr[data-lane="RED"]');
      expect(await red.locator('td.num').first().textContent()).toBe(report.latest.recalibration.red.recorded.toFixed(3));
      await expect(red.locator('td.num').nth(1).textContent()).resolves.toContain(report.latest.recalibration.red.suggested.toFixed(3));
      await panel.getByTestId('drift-weeks').getByText(WEEK).waitFor();
      await fits(page, panel);
      await panel.scrollIntoViewIfNeeded();
      await elementShot(panel, 'drift-dashboard-panel');
      await shot(page, 'drift', 'dashboard');

      await toggle(page, '한국어').click();
      await panel.getByRole('heading', { name: '모델 드리프트' }).waitFor();
      await panel.getByTestId('drift-alerts').getByText(`경보(ALERT) ${alerts}건`).waitFor();
      await psi.locator('tr[data-subject="score"]').getByText('부정 점수').waitFor();
      await fits(page, panel);
      await elementShot(panel, 'drift-dashboard-panel-ko');
    });
  }, 120_000);

  it('an officer\u2019s dashboard has no drift panel (the API refuses them)', async () => {
    await onUserPage(browser, 'drift', async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.goto(`${stack.baseUrl}/dashboard`);
      await page.getByTestId('lane-figures').waitFor();
      expect(await page.getByTestId('drift-panel').count()).toBe(0);
    });
  }, 60_000);

  it('the risk-policy page shows the simulator\u2019s figures for the office, the nearest shares highlighted, in English and Korean', async () => {
    const supervisor = await loginAs(stack, 'supervisor-40');
    const sim = (await supervisor.get('/api/offices/40/risk-policy/simulation').expect(200)).body;
    await onUserPage(browser, 'drift', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.goto(`${stack.baseUrl}/risk-policy`);
      const section = page.getByTestId('policy-simulation');
      await section.getByRole('heading', { name: 'What the simulator says about the shares' }).waitFor();
      const table = section.getByTestId('sim-table');
      await table.locator('tbody tr').first().waitFor();
      expect(await table.locator('tbody tr').count()).toBe(2 + sim.office.explore.length + sim.office.control.length);
      const base = table.locator('tr[data-policy="exploit"]');
      await expect(base.locator('td').nth(3).textContent()).resolves.toContain(String(sim.office.exploit.fraudFound));
      if (sim.current.nearestControl > 0) {
        const nearest = table.locator(`tr.current[data-policy="control"]`);
        expect(await nearest.getAttribute('data-share')).toBe(`${Number((100 * sim.current.nearestControl).toFixed(1))} %`);
        await nearest.getByText('nearest to policy').waitFor();
      } else {
        await table.locator('tr.current[data-policy="exploit"]').getByText('policy: no control sample').waitFor();
      }
      if (sim.current.nearestExploration === 0) await table.locator('tr.current[data-policy="exploit"]').getByText('policy: no exploration').waitFor();
      else expect(await table.locator('tr.current[data-policy="explore"]').count()).toBe(1);
      await fits(page, section);
      await section.scrollIntoViewIfNeeded();
      await elementShot(section, 'drift-risk-policy-simulation');

      await toggle(page, '한국어').click();
      await section.getByRole('heading', { name: '시뮬레이터가 보여주는 비율의 효과' }).waitFor();
      await table.locator('tr[data-policy="exploit"]').getByText('순수 활용').waitFor();
      await fits(page, section);
      await elementShot(section, 'drift-risk-policy-simulation-ko');
      await shot(page, 'drift', 'risk-policy-ko');
    });
  }, 120_000);
});
