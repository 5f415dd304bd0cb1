/**
 * Officer flow against a running stack (`npm start`): sign in as officer-40-01, open the
 * queue, assign the riskiest queued case, record a result with a verdict per criterion,
 * close it; then an auditor opens that declaration's trace. Screenshots of each page in
 * `e2e/web/screenshots/`. Changes data: run it on a throw-away `.data/`.
 *
 *   npx nx build web && node -r @swc-node/register e2e/web/officer-flow.ts
 *
 * Environment as in login-screenshot.ts (API_URL defaults to http://127.0.0.1:3000).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { serveBuiltApp } from './support/static-server';

const ROOT = resolve(__dirname, '..', '..');
const DIST = resolve(ROOT, process.env['WEB_DIST'] ?? 'dist/apps/web/browser');
const SCREENSHOTS = join(__dirname, 'screenshots');

async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.setItem('customs-risk.lang', 'en');
  });
  await page.reload();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(`${username}-demo`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor({ timeout: 15_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}`);
}

async function main(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveBuiltApp(DIST, process.env['API_URL'] ?? 'http://127.0.0.1:3000');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));

    await signIn(page, server.url, 'officer-40-01');
    await page.waitForURL(/\/queue$/);
    await page.locator('table.queue a').first().waitFor({ timeout: 15_000 });
    await shot(page, 'officer-queue');

    // The riskiest queued case: assign to me from the queue, then open it.
    const row = page.locator('tr', { has: page.getByRole('button', { name: 'Assign to me' }) }).first();
    const declarationId = (await row.locator('a').first().innerText()).trim();
    await row.getByRole('button', { name: 'Assign to me' }).click();
    // The queue shows QUEUED cases: the assigned one leaves it once the API has answered.
    await page.getByRole('link', { name: declarationId, exact: true }).waitFor({ state: 'detached', timeout: 15_000 });
    await page.goto(`${server.url}/cases/inspection-case-${declarationId}`);
    await page.getByTestId('case-status').filter({ hasText: 'Assigned' }).waitFor({ timeout: 15_000 });
    await page.getByText('Why this lane').waitFor();
    await page.locator('cr-selection-trace .summary').waitFor({ timeout: 15_000 });
    await shot(page, 'officer-case-assigned');

    await page.getByRole('radio', { name: 'No finding' }).check();
    await page.getByLabel('Findings').fill('Documents match the goods.');
    for (const group of await page.locator('fieldset', { hasText: 'Was the selection by' }).all()) {
      await group.getByRole('radio', { name: 'Appropriate', exact: true }).check();
    }
    await page.getByRole('button', { name: 'Record result' }).click();
    await page.getByTestId('case-status').filter({ hasText: 'Result recorded' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByTestId('case-status').filter({ hasText: 'Closed' }).waitFor({ timeout: 15_000 });
    await shot(page, 'officer-case-closed');

    await signIn(page, server.url, 'auditor-han');
    await page.goto(`${server.url}/audit/${declarationId}`);
    await page.locator('cr-selection-trace .summary').waitFor({ timeout: 15_000 });
    await shot(page, 'auditor-trace');
    await page.getByRole('tab', { name: 'Case history' }).click();
    await page.locator('cr-case-timeline li').nth(3).waitFor({ timeout: 15_000 });
    await shot(page, 'auditor-timeline');
    console.log(`officer flow: ok (declaration ${declarationId})`);
  } catch (err) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0]) await shot(pages[0], 'failure');
    throw err;
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
