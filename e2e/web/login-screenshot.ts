/**
 * Browser smoke test: serves the built web app statically, opens the login page in Debian's
 * headless Chromium (playwright-core), checks that it rendered in English and in Korean, and
 * saves screenshots to `e2e/web/screenshots/`. Needs no API (the page only loads its texts).
 *
 *   npx nx build web && node -r @swc-node/register e2e/web/login-screenshot.ts
 *   (or: npx nx run web:screenshots)
 *
 * Exits 1 with a message when a check fails. Not part of `npm test` yet.
 * Environment: WEB_DIST (default dist/apps/web/browser), API_URL (default http://127.0.0.1:3000),
 * CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './support/browser';
import { serveBuiltApp } from './support/static-server';

const ROOT = resolve(__dirname, '..', '..');
const DIST = resolve(ROOT, process.env['WEB_DIST'] ?? 'dist/apps/web/browser');
const SCREENSHOTS = join(__dirname, 'screenshots');

async function main(): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await serveBuiltApp(DIST, process.env['API_URL'] ?? 'http://127.0.0.1:3000');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));

    for (const [lang, heading, button] of [
      ['en', 'Sign in', 'English'],
      ['ko', '로그인', '한국어'],
    ] as const) {
      if (lang === 'en') {
        await page.goto(`${server.url}/login`);
        await page.evaluate(() => localStorage.setItem('customs-risk.lang', 'en'));
        await page.reload();
      } else {
        await page.getByRole('radio', { name: button }).or(page.getByRole('button', { name: button })).first().click();
      }
      await page.getByRole('heading', { name: heading }).waitFor({ timeout: 15_000 });
      await page.getByLabel(lang === 'en' ? 'User name' : '사용자 이름').waitFor();
      const file = join(SCREENSHOTS, `login-${lang}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`saved ${file}`);
    }

    // Keyboard: Tab reaches the user-name field, and submitting empty shows the field errors.
    await page.getByLabel('사용자 이름').focus();
    await page.keyboard.press('Enter');
    await page.getByText('필수 항목입니다').first().waitFor({ timeout: 5_000 });

    if (problems.length) throw new Error(problems.join('\n'));
    console.log('login page: ok');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
