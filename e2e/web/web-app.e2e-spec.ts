import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import type { Browser, Page } from 'playwright-core';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/**
 * The web app in Debian's headless Chromium (playwright-core) against the real stack: the
 * in-process API serves the built app (`npx nx build web`, done by `npm test`) at `/`.
 * Each user works in a browser context of their own. Screenshots of every page go to
 * `e2e/web/screenshots/<flow>-<step>.png`. Waits are on UI state, never on the clock.
 */
describe('web app in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const today = new Date().toISOString().slice(0, 10);
  /** The RED case flow (a) works and flow (b) audits: HS 930200 at office 40 fires CEN-WPN-001. */
  const redDeclarationId = uniqueDeclarationId();

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Runs `body` on a fresh user page (`onUserPage`). */
  const onPage = (flow: string, body: (page: Page) => Promise<void>, lang: 'en' | 'ko' | null = 'en') => onUserPage(browser, flow, body, lang);

  /** The language switch (Material button toggles: radios or buttons depending on the version). */
  const toggle = (page: Page, name: string) => page.getByRole('radio', { name }).or(page.getByRole('button', { name })).first();

  it('signs in from a page in English and in Korean, and explains empty fields', async () => {
    await onPage('login', async (page) => {
      await page.goto(`${stack.baseUrl}/login`);
      await toggle(page, 'English').click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await shot(page, 'login', 'en');
      await toggle(page, '한국어').click();
      await page.getByRole('heading', { name: '로그인' }).waitFor();
      await page.getByLabel('사용자 이름', { exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('필수 항목입니다').first().waitFor();
      await shot(page, 'login', 'ko');
    }, null);
    // The user menu in the top bar names the role and office, and signs out.
    await onPage('login', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.getByTestId('current-user').click();
      await page.getByRole('menu').getByText('Supervisor · office 40').waitFor();
      await shot(page, 'login', 'user-menu');
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  }, 60_000);

  it('(a) an officer assigns a queued case to themself, records a result and closes it', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    const screened = await svc
      .post('/api/declarations')
      .send(sampleDeclaration({ declarationId: redDeclarationId, date: today, officeId: '40', hsCode: '930200' }))
      .expect(201);
    expect(screened.body).toMatchObject({ lane: 'RED', firedCriteria: expect.arrayContaining(['CEN-WPN-001']) });
    const officer = await loginAs(stack, 'officer-40-01');
    await eventually('the case in the queue read model', async () => {
      const res = await officer.get(`/api/cases/inspection-case-${redDeclarationId}`);
      return res.status === 200 && res.body.status === 'QUEUED' ? true : undefined;
    });

    await onPage('a', async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.waitForURL(/\/queue$/);
      // Only RED cases, so the new one is on the first page whatever else office 40 has queued.
      await page.getByRole('combobox', { name: 'Lane' }).click();
      await page.getByRole('option', { name: 'RED' }).click();
      const row = page.locator('tr', { has: page.getByRole('link', { name: redDeclarationId, exact: true }) });
      await row.waitFor();
      await shot(page, 'a', 'queue');
      await row.getByRole('button', { name: 'Assign to me' }).click();
      // The queue lists QUEUED cases: the assigned one leaves it once the API has answered.
      await row.waitFor({ state: 'detached' });

      await page.goto(`${stack.baseUrl}/cases/inspection-case-${redDeclarationId}`);
      await page.getByTestId('case-status').filter({ hasText: 'Assigned' }).waitFor();
      await page.locator('cr-selection-trace .summary').waitFor();
      await page.getByText('CEN-WPN-001').first().waitFor();
      await shot(page, 'a', 'case-assigned');

      // Submitting without an outcome is explained next to the field, before anything is sent.
      await page.getByRole('button', { name: 'Record result' }).click();
      await page.getByText('Choose an outcome.').waitFor();
      await page.getByRole('radio', { name: 'No finding' }).check();
      await page.getByLabel('Findings', { exact: true }).fill('Documents match the goods.');
      for (const group of await page.locator('fieldset', { hasText: 'Was the selection by' }).all()) {
        await group.getByRole('radio', { name: 'Appropriate', exact: true }).check();
      }
      await page.getByRole('button', { name: 'Record result' }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Result recorded' }).waitFor();
      await shot(page, 'a', 'result-recorded');
      await page.getByRole('button', { name: 'Close case' }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Closed' }).waitFor();
      await shot(page, 'a', 'case-closed');
      // In Korean: the summary is built in the browser from the record, the fields are labelled.
      await toggle(page, '한국어').click();
      await page.getByText(`신고 ${redDeclarationId}은(는) 물품검사(RED) 대상입니다`).waitFor();
      await page.getByRole('rowheader', { name: '순중량' }).waitFor();
      expect(await page.getByText('courierId', { exact: true }).count()).toBe(0);
      await shot(page, 'a', 'case-closed-ko');
    });
    const closed = await officer.get(`/api/cases/inspection-case-${redDeclarationId}`).expect(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', assigneeId: 'officer-40-01', outcome: 'NO_FINDING' });
  }, 120_000);

  it('(b) the auditor opens the trace and timeline of that declaration and replays it', async () => {
    await onPage('b', async (page) => {
      await signIn(page, stack.baseUrl, 'auditor-han');
      await page.getByLabel('Declaration id', { exact: true }).fill(redDeclarationId);
      await page.getByRole('button', { name: 'Find' }).click();
      await page.waitForURL(new RegExp(`/audit/${redDeclarationId}$`));
      await page.locator('cr-selection-trace .summary').waitFor();
      await page.getByText('CEN-WPN-001').first().waitFor();
      await shot(page, 'b', 'trace');

      await page.getByRole('tab', { name: 'Case history' }).click();
      // Opened, assigned, result recorded, closed: who did what, when.
      await page.locator('cr-case-timeline li').nth(3).waitFor();
      await page.locator('cr-case-timeline').getByText('officer-40-01').first().waitFor();
      await shot(page, 'b', 'timeline');

      await page.getByRole('button', { name: 'Replay' }).click();
      const result = page.getByTestId('replay-result');
      await result.getByText('Identical: the replay gives the same decision.').waitFor();
      await shot(page, 'b', 'replay');
    });
  }, 90_000);

  it('(c) an analyst writes a local criterion in the builder, the supervisor approves it, and it selects a new declaration', async () => {
    const importerId = `IMP${randomBytes(3).toString('hex').toUpperCase()}`;
    let criterionId = '';

    await onPage('c', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.waitForURL(/\/criteria$/);
      await page.getByRole('link', { name: 'New criterion' }).click();
      await page.getByRole('heading', { name: 'New selectivity criterion' }).waitFor();
      const condition = page.getByTestId('condition-0');
      await condition.getByLabel('Field', { exact: true }).waitFor();

      // Checked in the form first: every problem next to its field, nothing sent.
      await page.getByRole('button', { name: 'Save for approval' }).click();
      await page.getByText('Condition 1: enter a compare value.').waitFor();
      await page.getByText('Enter at least 3 search keywords, separated by commas.').waitFor();
      await shot(page, 'c', 'builder-errors');

      // Operators follow the field's type: numeric comparisons only for numbers.
      await condition.getByLabel('Field', { exact: true }).selectOption('netMassKg');
      expect(await condition.getByLabel('Operator', { exact: true }).locator('option').allInnerTexts()).toContain('at least (>=)');
      await condition.getByLabel('Field', { exact: true }).selectOption('importerId');
      expect(await condition.getByLabel('Operator', { exact: true }).locator('option').allInnerTexts()).not.toContain('at least (>=)');
      await condition.getByLabel('Operator', { exact: true }).selectOption('equal');
      await condition.getByLabel('Compare value', { exact: true }).fill(importerId);

      await page.getByRole('radio', { name: 'Local' }).check();
      await page.getByLabel('Office', { exact: true }).fill('40');
      await page.getByRole('radio', { name: /^YELLOW/ }).check();
      await page.getByLabel('Risk area', { exact: true }).selectOption('UNDERVALUATION');
      await page.getByLabel('Points of interest (what the officer checks)', { exact: true }).fill('Compare the invoice with the transaction value of identical goods.');
      await page.getByLabel('Reason (the intelligence behind it)', { exact: true }).fill(`Intelligence: importer ${importerId} undervalues plastics.`);
      await page.getByLabel('Search keywords', { exact: true }).fill('undervaluation, plastics, invoice');
      // Default validity: 15 days from today.
      expect(await page.getByLabel('Valid from', { exact: true }).inputValue()).toBe(today);
      criterionId = await page.getByLabel('Criterion id', { exact: true }).inputValue();
      expect(criterionId).toMatch(/^LOC-40-\d{3}$/);
      await shot(page, 'c', 'builder-filled');
      // Keyboard, not a pointer click: right after a full-page screenshot Chromium is still
      // restoring the viewport, and a click can land while the long form is re-laid out.
      await page.getByRole('button', { name: 'Save for approval' }).press('Enter');
      await page.waitForURL(/\/criteria\?created=/);
      await page.getByTestId('created').waitFor();
      const row = page.getByTestId(`criterion-${criterionId}`);
      await row.getByTestId('criterion-state').filter({ hasText: 'Awaiting approval' }).waitFor();
      await row.getByText('Author: analyst-kim').waitFor();
      // The author cannot approve their own criterion, and the UI offers no button for it.
      expect(await row.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await shot(page, 'c', 'list-awaiting');
    });

    await onPage('c', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.goto(`${stack.baseUrl}/criteria`);
      const row = page.getByTestId(`criterion-${criterionId}`);
      await row.getByTestId('criterion-state').filter({ hasText: 'Awaiting approval' }).waitFor();
      await row.getByRole('button', { name: 'Approve' }).click();
      await row.getByTestId('criterion-state').filter({ hasText: 'In force' }).waitFor();
      await row.getByText('Approver: supervisor-40').waitFor();
      await shot(page, 'c', 'list-approved');
    });

    // Screening picks the approved version up within seconds, without a restart.
    const svc = await loginAs(stack, 'svc-ingest');
    const selected = await eventually('the approved criterion to select a new declaration', async () => {
      const res = await svc
        .post('/api/declarations')
        .send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: today, officeId: '40', importerId }))
        .expect(201);
      return (res.body.firedCriteria as string[]).includes(criterionId) ? (res.body as { declarationId: string }) : undefined;
    });
    const supervisor = await loginAs(stack, 'supervisor-40');
    await eventually('its case in the queue read model', async () => {
      const res = await supervisor.get(`/api/cases/inspection-case-${selected.declarationId}`);
      return res.status === 200 ? true : undefined;
    });

    await onPage('c', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.goto(`${stack.baseUrl}/cases/inspection-case-${selected.declarationId}`);
      await page.locator('cr-selection-trace .summary').waitFor();
      await page.locator('cr-selection-trace').getByText(criterionId).first().waitFor();
      await page.locator('cr-selection-trace').getByText(importerId).first().waitFor();
      await shot(page, 'c', 'case-selected');

      // A supervisor assigns the case to an officer of the office, then reassigns it.
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText("Enter the officer's user id.").waitFor();
      await page.getByLabel('Assign to officer', { exact: true }).fill('officer-40-02');
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Assigned' }).waitFor();
      await page.getByText('Assignee: officer-40-02').waitFor();
      await page.getByLabel('Reassign to officer', { exact: true }).fill('officer-40-01');
      await page.getByRole('button', { name: 'Reassign' }).click();
      await page.getByText('Assignee: officer-40-01').waitFor();
      await shot(page, 'c', 'case-reassigned');
    });
  }, 180_000);

  it('(d) the dashboard charts lanes, open cases and hit rates; officers see their office only', async () => {
    await onPage('d', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
      await page.getByLabel('Accepted from', { exact: true }).fill(today);
      await page.getByLabel('Accepted to', { exact: true }).fill(today);
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByTestId('lane-figures').filter({ hasText: 'Cleared automatically' }).waitFor();
      // Flow (c) left its case open at office 40.
      // (The office column only: a count column may read 40 too once other suites have queued cases.)
      await page.getByTestId('open-cases').locator('tr td:first-child').getByText('40', { exact: true }).waitFor();
      await page.getByRole('img', { name: 'Hit rate per criterion' }).waitFor();
      expect(await page.locator('canvas').count()).toBe(3);
      await shot(page, 'd', 'dashboard-analyst');
    });
    await onPage('d', async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.goto(`${stack.baseUrl}/dashboard`);
      await page.getByTestId('lane-figures').waitFor();
      const offices = await page.getByTestId('open-cases').locator('tr td:first-child').allInnerTexts();
      expect(offices.every((o) => o.trim() === '40')).toBe(true);
      expect(await page.getByRole('heading', { name: 'Hit rate per criterion' }).count()).toBe(0);
      await shot(page, 'd', 'dashboard-officer');
    });
  }, 90_000);

  it('(e) the trace explains the score: thresholds, the 8 strongest features with labels, and the shadow model', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    const declarationId = uniqueDeclarationId();
    await svc.post('/api/declarations').send(sampleDeclaration({ declarationId, date: today, officeId: '20', hsCode: '640399' })).expect(201);
    const auditor = await loginAs(stack, 'auditor-han');
    const record = (await auditor.get(`/api/declarations/${declarationId}/selection`).expect(200)).body as {
      model: { score: number; version: string };
      modelExplanation: { top: { feature: string; contribution: number }[] } | null;
      shadow: { version: string }[];
    };
    expect(record.modelExplanation?.top).toHaveLength(8);

    await onPage('e', async (page) => {
      await signIn(page, stack.baseUrl, 'auditor-han');
      await page.goto(`${stack.baseUrl}/audit/${declarationId}`);
      const panel = page.getByTestId('model-explanation');
      await panel.getByRole('heading', { name: 'Why this score' }).waitFor();
      await panel.getByText(`Deciding model: kcs-fraud-gbdt ${record.model.version}`).waitFor();
      await panel.getByTestId('fraud-score').getByText(record.model.score.toFixed(3)).waitFor();
      await panel.getByTestId('critical-score').waitFor();

      const rows = panel.getByTestId('contribution');
      await rows.nth(7).waitFor();
      expect(await rows.count()).toBe(8);
      const labels = (await rows.locator('td:first-child').allInnerTexts()).map((l) => l.trim());
      // Every feature gets a human-readable label, never the raw `hist_...` / `ord_...` name.
      expect(labels.filter((l) => /^[a-z]+(_[a-z0-9]+)+$/.test(l))).toEqual([]);
      // Signed contributions in the API's order, red (raising) and green (lowering) as the sign says.
      const signed = (await rows.locator('td:nth-child(3)').allInnerTexts()).map((t) => Number(t.trim().replace(/,/g, '')));
      record.modelExplanation!.top.forEach((c, i) => expect(signed[i]).toBeCloseTo(c.contribution, 2));
      expect(await panel.locator('tr.raises').count()).toBe(record.modelExplanation!.top.filter((c) => c.contribution > 0).length);

      const shadow = panel.getByTestId('shadow-scores');
      expect(record.shadow.length).toBeGreaterThan(0);
      for (const s of record.shadow) await shadow.locator('tr', { hasText: s.version }).filter({ hasText: 'shadow - did not decide' }).waitFor();
      await shot(page, 'e', 'trace-explanation');

      await toggle(page, '한국어').click();
      await panel.getByRole('heading', { name: '이 점수의 이유' }).waitFor();
      await shadow.getByText('섀도 - 결정하지 않음').first().waitFor();
    });
  }, 90_000);

  it('(f) the models page lists 2.0.0 as champion; an analyst promotes 1.0.0 with a reason, sees the trail, and promotes 2.0.0 back', async () => {
    const reason = `e2e web: try 1.0.0 for a week (${randomBytes(3).toString('hex')})`;
    const otherAnalyst = await loginAs(stack, 'analyst-lee');
    try {
      await onPage('f', async (page) => {
        await signIn(page, stack.baseUrl, 'analyst-kim');
        await page.getByRole('link', { name: 'Risk models' }).click();
        await page.getByRole('heading', { name: 'Risk models' }).waitFor();
        const v2 = page.getByTestId('model-2.0.0');
        const v1 = page.getByTestId('model-1.0.0');
        await v2.getByTestId('model-role').filter({ hasText: 'Champion' }).waitFor();
        await v1.getByTestId('model-role').filter({ hasText: 'Challenger' }).waitFor();
        // Validation precision at the top 1% of 2.0.0's scores, from its spec (98.8 %).
        await v2.getByRole('cell', { name: '98.8 %' }).waitFor();
        await page.getByTestId('model-comparison').waitFor();
        expect(await v2.getByRole('button', { name: 'Promote' }).count()).toBe(0);
        await shot(page, 'e', 'models');
        // Every column fits a 1366 px window (the headers wrap; no sideways scroll).
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

        // The dialog asks for a reason before anything is sent. (Keyboard: see flow (c) on clicks after a screenshot.)
        await v1.getByRole('button', { name: 'Promote' }).press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('heading', { name: 'Promote kcs-fraud-gbdt 1.0.0?' }).waitFor();
        await dialog.getByRole('button', { name: 'Promote' }).click();
        await dialog.getByText('Enter a reason of at least 10 characters.').waitFor();
        await dialog.getByLabel('Reason').fill(reason);
        await dialog.getByRole('button', { name: 'Promote' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByTestId('promoted').filter({ hasText: '1.0.0 is now the champion.' }).waitFor();
        await v1.getByTestId('model-role').filter({ hasText: 'Champion' }).waitFor();
        await v2.getByTestId('model-role').filter({ hasText: 'Challenger' }).waitFor();
        const newest = page.getByTestId('model-event').first();
        await newest.filter({ hasText: reason }).filter({ hasText: 'Promoted' }).filter({ hasText: 'analyst-kim' }).waitFor();
        await page.getByTestId('model-event').filter({ hasText: 'Demoted' }).filter({ hasText: '2.0.0' }).first().waitFor();
        await shot(page, 'f', 'promoted');

        // Back to the release champion.
        await v2.getByRole('button', { name: 'Promote' }).press('Enter');
        await dialog.getByLabel('Reason').fill('e2e web: back to the release champion');
        await dialog.getByRole('button', { name: 'Promote' }).click();
        await v2.getByTestId('model-role').filter({ hasText: 'Champion' }).waitFor();
        await v1.getByTestId('model-role').filter({ hasText: 'Challenger' }).waitFor();
        await page.getByTestId('model-event').first().filter({ hasText: 'back to the release champion' }).waitFor();

        // Another analyst promotes 1.0.0 meanwhile: this page is stale, and the API's refusal is shown as it says it.
        await otherAnalyst.post('/api/models/1.0.0/promote').send({ reason: 'e2e web: a concurrent promotion' }).expect(200);
        await v1.getByRole('button', { name: 'Promote' }).press('Enter');
        await dialog.getByLabel('Reason').fill('e2e web: promoting from a stale page');
        await dialog.getByRole('button', { name: 'Promote' }).click();
        await page.getByRole('alert').filter({ hasText: '409' }).filter({ hasText: 'model version 1.0.0 is already the champion' }).waitFor();
        // ...and the page re-reads the registry as it now stands.
        await v1.getByTestId('model-role').filter({ hasText: 'Champion' }).waitFor();
        await page.getByTestId('model-event').first().filter({ hasText: 'a concurrent promotion' }).filter({ hasText: 'analyst-lee' }).waitFor();
        await shot(page, 'f', 'conflict');
      });
    } finally {
      const models = (await otherAnalyst.get('/api/models').expect(200)).body.models as { version: string; role: string }[];
      if (models.find((m) => m.version === '2.0.0')?.role !== 'CHAMPION')
        await otherAnalyst.post('/api/models/2.0.0/promote').send({ reason: 'e2e web: restore the release champion' }).expect(200);
    }
    const events = (await otherAnalyst.get('/api/models/events').expect(200)).body.events as { version: string; type: string; actor: string; reason: string }[];
    expect(events.find((e) => e.reason === reason)).toMatchObject({ version: '1.0.0', type: 'PROMOTED', actor: 'analyst-kim' });
  }, 120_000);
});
