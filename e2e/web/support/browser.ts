import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_USERS } from '@customs/identity';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a quiet, headless run as root in a container (no sandbox, no GPU, no network chatter). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Where the browser tests save a PNG of each page (git-ignored). */
export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

/** Launches Debian's headless Chromium through playwright-core. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh browser context (its own sessionStorage, so its own signed-in user) on a laptop-sized
 * viewport, with the UI language fixed to English unless `lang` says otherwise; page errors are
 * collected in `errors` so a test can assert there were none.
 */
export async function newUserPage(browser: Browser, lang: 'en' | 'ko' | null = 'en'): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  if (lang) await context.addInitScript((l) => localStorage.setItem('customs-risk.lang', l), lang);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return { context, page, errors };
}

/**
 * Runs `body` on a page of a fresh user context ({@link newUserPage}) and asserts it raised no
 * page error; on a failure saves `<flow>-failure.png` before rethrowing. Closes the context.
 */
export async function onUserPage(browser: Browser, flow: string, body: (page: Page) => Promise<void>, lang: 'en' | 'ko' | null = 'en'): Promise<void> {
  const { context, page, errors } = await newUserPage(browser, lang);
  try {
    await body(page);
    expect(errors).toEqual([]);
  } catch (err) {
    await shot(page, flow, 'failure').catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

/** Signs a demo user in through the login form and waits for the top bar to name them. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  const demo = DEMO_USERS.find((u) => u.username === username);
  if (!demo) throw new Error(`${username} is not a demo user`);
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Saves a full-page PNG as `e2e/web/screenshots/<flow>-<step>.png`. */
export async function shot(page: Page, flow: string, step: string): Promise<string> {
  const file = join(SCREENSHOTS, `${flow}-${step}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
