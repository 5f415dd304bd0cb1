import { createHash, randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import type { Browser, Page } from 'playwright-core';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/**
 * The CBTC analyst's day in Debian's headless Chromium against the real stack (issue 13):
 * intelligence intake with an attachment and its routing, the risk-case board, the case page
 * (six-factor assessment, targeting, drafting a criterion from the case), the backtest in the
 * builder, the approvals inbox of a second analyst, a newly screened declaration selected by the
 * approved criterion (its trace), the supervisor's bulk assignment, the officer's seizure with a
 * verdict on the criterion, the feedback on the case page, the criterion retired and the case
 * closed. One story, in order: each step needs the one before. Screenshots go to
 * `e2e/web/screenshots/cbtc-<step>.png`. Waits are on UI state, never on the clock.
 */
describe('CBTC pages in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  const today = new Date().toISOString().slice(0, 10);
  /** The subject of the intelligence: an importer no other test uses. */
  const importerId = `IMP${randomBytes(3).toString('hex').toUpperCase()}`;
  /** Two declarations of that importer at office 40, HS 930200 from CN: CEN-WPN-001 selects both (RED). */
  const declarationIds = [uniqueDeclarationId(), uniqueDeclarationId()];
  const criterionId = `CEN-WPN-${100 + (randomBytes(2).readUInt16BE(0) % 900)}`;
  const attachment = Buffer.from(`Japan Customs note on ${importerId}: pistol parts declared as hand tools.\n`);
  let riskCaseId = '';
  /** The local criterion the analyst saves from the builder after its backtest. */
  let localCriterionId = '';
  /** The declaration screened after the approval, selected by the criterion drafted from the case. */
  let newDeclarationId = '';

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const svc = await loginAs(stack, 'svc-ingest');
    for (const declarationId of declarationIds) {
      const res = await svc
        .post('/api/declarations')
        .send(sampleDeclaration({ declarationId, date: today, officeId: '40', importerId, hsCode: '930200', originCountry: 'CN', goodsDescription: 'Pistol grip, steel' }))
        .expect(201);
      expect(res.body).toMatchObject({ lane: 'RED', firedCriteria: expect.arrayContaining(['CEN-WPN-001']) });
    }
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** Runs `body` on a fresh user page (`onUserPage`). */
  const onPage = (flow: string, body: (page: Page) => Promise<void>, lang: 'en' | 'ko' = 'en') => onUserPage(browser, flow, body, lang);

  it('an analyst registers intelligence from a foreign customs administration with an attachment; it is routed to CBTC', async () => {
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Risk cases' }).click();
      await page.getByRole('link', { name: 'Report intelligence' }).click();
      await page.getByRole('heading', { name: 'Report intelligence' }).waitFor();
      // Checked before sending: every missing piece named.
      await page.getByRole('button', { name: 'Register and route' }).click();
      await page.getByText('Name the source organisation.').waitFor();
      await page.getByText('Name at least one subject.').waitFor();
      await page.getByText('Name the country of the foreign customs administration.').waitFor();

      await page.getByLabel('Source organisation', { exact: true }).fill('Japan Customs');
      await page.getByLabel('Country', { exact: true }).fill('jp');
      await page.getByLabel('Identifier', { exact: true }).fill(importerId);
      await page.getByLabel('HS code', { exact: true }).fill('930200');
      await page.getByLabel('Goods description', { exact: true }).fill('pistol parts declared as hand tools');
      await page.getByLabel('Origin country', { exact: true }).fill('CN');
      await page.getByLabel('Departure country', { exact: true }).fill('HK');
      await page.getByLabel('Report text', { exact: true }).fill(`Importer ${importerId} ships pistol parts from China via Hong Kong, declared as hand tools.`);
      await shot(page, 'cbtc', 'intel-form');
      await page.getByRole('button', { name: 'Register and route' }).press('Enter');

      const routed = page.getByTestId('routed');
      await routed.getByText('CBTC desk', { exact: true }).waitFor();
      await routed.getByText(/RT-CBTC-/).waitFor();
      const href = await routed.getByRole('link', { name: 'Open the risk case' }).getAttribute('href');
      riskCaseId = href?.split('/').pop() ?? '';
      expect(riskCaseId).toMatch(/^risk-case-/);

      await page.locator('input[type=file]').setInputFiles({ name: 'japan-customs-note.txt', mimeType: 'text/plain', buffer: attachment });
      const row = page.locator('tr', { hasText: 'japan-customs-note.txt' });
      await row.waitFor();
      await row.getByText(createHash('sha256').update(attachment).digest('hex')).waitFor();
      await row.getByText(`${attachment.length} B`).waitFor();
      await shot(page, 'cbtc', 'intel-routed');
    });
  }, 90_000);

  it('opens the case from the board, assesses it on the six factors and targets it, then drafts a criterion from it', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    await eventually('the risk case in the read model', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Risk cases' }).click();
      const column = page.locator('section[data-status=IDENTIFIED]');
      const card = column.locator(`a[data-case="${riskCaseId}"]`);
      await card.waitFor();
      expect(Number(await column.getByTestId('count').innerText())).toBeGreaterThanOrEqual(1);
      await shot(page, 'cbtc', 'board');
      await card.click();

      await page.getByRole('heading', { name: /Risk case/ }).waitFor();
      await page.getByTestId('routing').getByText('CBTC desk', { exact: true }).waitFor();
      await page.getByText('Japan Customs (JP)').waitFor();
      await page.getByText(importerId).first().waitFor();
      for (const [factor, level] of [['Timeliness', 5], ['Importance', 5], ['Applicability', 4], ['Accuracy', 4], ['Reliability', 5], ['Influence', 4]] as const) {
        await page.getByRole('radio', { name: `${factor} ${level}`, exact: true }).check();
      }
      // (5 + 5 + 4 + 4 + 5 + 4) / 6 = 4.5: HIGH.
      await page.getByTestId('composite').getByText('4.5', { exact: true }).waitFor();
      await page.getByTestId('composite').getByText('High', { exact: true }).waitFor();
      await page.getByRole('radio', { name: 'Target', exact: true }).check();
      await shot(page, 'cbtc', 'case-assess');
      await page.getByRole('button', { name: 'Record the assessment' }).click();
      await page.getByTestId('assessment').waitFor();
      await page.getByTestId('risk-status').filter({ hasText: /Targeting|Assessed/ }).waitFor();

      await page.getByLabel('New criterion id', { exact: true }).fill(criterionId);
      await page.getByRole('button', { name: 'Draft criterion from the case' }).click();
      await page.getByTestId('drafted').getByText(`${criterionId} v1 drafted`).waitFor();
      await page.getByRole('cell', { name: 'awaiting approval' }).waitFor();
      await shot(page, 'cbtc', 'case-drafted');

      await page.getByTestId('drafted').getByRole('link', { name: 'Open it and see its backtest' }).click();
      const stored = page.locator('section.stored');
      await stored.getByTestId('backtest-selected').getByText('2 selected').waitFor();
      await stored.getByTestId('backtest-overlap').getByText('CEN-WPN-001').waitFor();
      await shot(page, 'cbtc', 'builder-stored-backtest');

      // The builder's own Backtest: a local draft on the same importer; central CEN-WPN-001 already makes its selections.
      const condition = page.getByTestId('condition-0');
      await condition.getByLabel('Field', { exact: true }).selectOption('importerId');
      await condition.getByLabel('Operator', { exact: true }).selectOption('equal');
      await condition.getByLabel('Compare value', { exact: true }).fill(importerId);
      // A keyword condition, so the backtest groups the descriptions it matched by keyword.
      await page.getByRole('button', { name: 'Add condition' }).click();
      const keywords = page.getByTestId('condition-1');
      await keywords.getByLabel('Field', { exact: true }).selectOption('goodsDescription');
      await keywords.getByLabel('Operator', { exact: true }).selectOption('containsAnyKeyword');
      await keywords.getByLabel('Compare values', { exact: true }).fill('PISTOL, GUN');
      await page.getByRole('radio', { name: 'Local' }).check();
      await page.getByLabel('Office', { exact: true }).fill('40');
      await page.getByLabel('Risk area', { exact: true }).selectOption('SMUGGLING_WEAPONS');
      await page.getByLabel('Points of interest (what the officer checks)', { exact: true }).fill('Open the cartons: pistol parts among hand tools.');
      await page.getByLabel('Reason (the intelligence behind it)', { exact: true }).fill(`Japan Customs: ${importerId} ships pistol parts.`);
      await page.getByLabel('Search keywords', { exact: true }).fill('pistol, grip, steel');
      await page.getByRole('button', { name: 'Backtest', exact: true }).press('Enter');
      const draft = page.locator('form cr-backtest-panel');
      await draft.getByTestId('backtest-selected').getByText('2 selected').waitFor();
      await draft.getByTestId('backtest-overlap').getByText('CEN-WPN-001').waitFor();
      await draft.getByTestId('covered-by').getByText(/CEN-WPN-001/).waitFor();
      await draft.locator('.keywords').getByText('Pistol grip, steel').first().waitFor();
      await shot(page, 'cbtc', 'builder-draft-backtest');
      // Saved anyway: office 40's supervisor approves it below, and the criteria list flags the overlap.
      localCriterionId = await page.getByLabel('Criterion id', { exact: true }).inputValue();
      expect(localCriterionId).toMatch(/^LOC-40-\d{3}$/);
      await page.getByRole('button', { name: 'Save for approval' }).press('Enter');
      await page.waitForURL(/\/criteria\?created=/);
    });
  }, 120_000);

  it('a second analyst approves it from the approvals inbox, and the case becomes active', async () => {
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-lee');
      await page.getByRole('link', { name: 'Approvals' }).click();
      const item = page.locator(`article[data-criterion="${criterionId}"]`);
      await item.getByTestId('backtest-selected').getByText('2 selected').waitFor();
      await shot(page, 'cbtc', 'approvals');
      await item.getByRole('button', { name: 'Approve' }).click();
      await page.getByTestId('approved').waitFor();
      await item.waitFor({ state: 'detached' });
    });
    const analyst = await loginAs(stack, 'analyst-lee');
    await eventually('the risk case ACTIVE', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).body?.status === 'ACTIVE' ? true : undefined));
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-lee');
      await page.goto(`${stack.baseUrl}/risk-cases/${riskCaseId}`);
      await page.getByTestId('risk-status').filter({ hasText: 'Active' }).waitFor();
      await page.getByText('15 d left').first().waitFor();
      await page.getByRole('cell', { name: 'approved by analyst-lee' }).waitFor();
      await shot(page, 'cbtc', 'case-active');
    });
  }, 90_000);

  it('a newly screened matching declaration is RED with the criterion in its trace', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    // Screening re-reads the criteria in force within 2 s of the approval.
    newDeclarationId = await eventually('the approved criterion to select a new declaration', async () => {
      const declarationId = uniqueDeclarationId();
      const res = await svc
        .post('/api/declarations')
        .send(sampleDeclaration({ declarationId, date: today, officeId: '40', importerId, hsCode: '930200', originCountry: 'CN', goodsDescription: 'Hand tools, steel' }))
        .expect(201);
      return (res.body.firedCriteria as string[]).includes(criterionId) ? declarationId : undefined;
    });
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.getByRole('link', { name: 'Decision lookup' }).click();
      await page.getByLabel('Declaration id', { exact: true }).fill(newDeclarationId);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      const trace = page.getByRole('region', { name: 'Why this lane' });
      await trace.locator('.summary .lane-RED').waitFor();
      await trace.locator('article.criterion', { hasText: `${criterionId} v1` }).getByText(importerId).first().waitFor();
      await shot(page, 'cbtc', 'trace-new-declaration');
    });
  }, 90_000);

  it('shows the board and the case page in Korean', async () => {
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/risk-cases`);
      await page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();
      await page.getByRole('heading', { name: '위험 사례' }).waitFor();
      await page.locator(`section[data-status=ACTIVE] a[data-case="${riskCaseId}"]`).getByText('15일 남음').waitFor();
      await shot(page, 'cbtc', 'board-ko');
      // The test's init script sets English on every load: switch again.
      await page.goto(`${stack.baseUrl}/risk-cases/${riskCaseId}`);
      await page.getByRole('radio', { name: '한국어' }).or(page.getByRole('button', { name: '한국어' })).first().click();
      await page.getByTestId('risk-status').filter({ hasText: '활성' }).waitFor();
      await page.getByText('기준과 환류').waitFor();
      await shot(page, 'cbtc', 'case-ko');
    });
  }, 60_000);

  it("the office's supervisor bulk-assigns the new declaration's case with another one to an officer", async () => {
    const supervisor = await loginAs(stack, 'supervisor-40');
    const assigned = [newDeclarationId, declarationIds[0]];
    for (const id of assigned) {
      await eventually('the case in the queue read model', async () => ((await supervisor.get(`/api/cases/inspection-case-${id}`)).body?.status === 'QUEUED' ? true : undefined));
    }
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.waitForURL(/\/queue$/);
      await page.getByRole('combobox', { name: 'Lane' }).click();
      await page.getByRole('option', { name: 'RED' }).click();
      await page.getByRole('combobox', { name: 'Order' }).click();
      await page.getByRole('option', { name: 'Age' }).click();
      await page.getByText(/Escalated only \(\d+\)/).waitFor();
      for (const id of assigned) await page.getByRole('checkbox', { name: `Select ${id}` }).check();
      await page.getByText('2 selected').waitFor();
      await page.getByRole('combobox', { name: 'Officer' }).click();
      await page.getByRole('option', { name: /officer-40-02/ }).click();
      await page.getByRole('listbox').waitFor({ state: 'detached' });
      await shot(page, 'cbtc', 'queue-selected');
      await page.getByRole('button', { name: 'Assign selected' }).click();
      await page.getByTestId('bulk-result').getByText('2 assigned, 0 refused.').waitFor();
      await shot(page, 'cbtc', 'queue-assigned');
    });
    for (const id of assigned) {
      const res = await supervisor.get(`/api/cases/inspection-case-${id}`).expect(200);
      expect(res.body).toMatchObject({ status: 'ASSIGNED', assigneeId: 'officer-40-02' });
    }
  }, 90_000);

  it('the officer records a seizure with a verdict on the criterion', async () => {
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'officer-40-02');
      await page.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Assigned' }).click();
      await page.getByRole('link', { name: newDeclarationId, exact: true }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Assigned' }).waitFor();
      await page.getByRole('radio', { name: 'Seizure' }).check();
      await page.getByLabel('Findings', { exact: true }).fill('Pistol frames packed among the hand tools; goods seized.');
      const groups = page.locator('fieldset', { hasText: 'Was the selection by' });
      await groups.first().waitFor();
      for (const group of await groups.all()) await group.getByRole('radio', { name: 'Appropriate', exact: true }).check();
      await groups.filter({ hasText: criterionId }).getByLabel('Note').fill('Japan Customs tip confirmed: pistol frames');
      await shot(page, 'cbtc', 'officer-seizure');
      await page.getByRole('button', { name: 'Record result' }).click();
      await page.getByTestId('case-status').filter({ hasText: 'Result recorded' }).waitFor();
    });
  }, 90_000);

  it("the supervisor approves the analyst's local criterion from the inbox; the criteria list flags its overlap with a central one", async () => {
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'supervisor-40');
      await page.getByRole('link', { name: 'Approvals' }).click();
      const item = page.locator(`article[data-criterion="${localCriterionId}"]`);
      await item.getByTestId('covered-by').getByText(/CEN-WPN-001/).waitFor();
      await shot(page, 'cbtc', 'approvals-local');
      await item.getByRole('button', { name: 'Approve' }).click();
      await item.waitFor({ state: 'detached' });
    });
    // Screening picks the approved version up: a new declaration fires it and CEN-WPN-001 together.
    const svc = await loginAs(stack, 'svc-ingest');
    await eventually('the local criterion to select a new declaration', async () => {
      const res = await svc
        .post('/api/declarations')
        .send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: today, officeId: '40', importerId, hsCode: '930200', originCountry: 'CN', goodsDescription: 'Pistol grip, steel' }))
        .expect(201);
      return (res.body.firedCriteria as string[]).includes(localCriterionId) ? true : undefined;
    });
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/criteria`);
      await page.getByLabel('Filter (id, reason, keyword…)', { exact: true }).fill('LOC-40-');
      await page.getByTestId(`criterion-${localCriterionId}`).getByTestId('overlap').filter({ hasText: /CEN-(WPN|ORG)-001/ }).first().waitFor();
      await shot(page, 'cbtc', 'criteria-overlaps');
    });
  }, 90_000);

  it('the analyst sees the hit on the feedback, retires the criterion (approved by a second analyst) and closes the case', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    await eventually('the seizure in the risk case feedback', async () => {
      const body = (await analyst.get(`/api/risk-cases/${riskCaseId}`)).body;
      const f = body?.feedback?.find((x: { criterionId: string }) => x.criterionId === criterionId);
      return f?.results.SEIZURE === 1 ? true : undefined;
    });
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/risk-cases/${riskCaseId}`);
      const row = page.getByTestId(`feedback-${criterionId}`);
      await row.getByText('Seizure 1').waitFor();
      await row.getByTestId('hits').getByText('1', { exact: true }).waitFor();
      await row.getByText('Japan Customs tip confirmed: pistol frames').waitFor();
      await page.getByTestId('control-baseline').waitFor();
      await row.getByRole('button', { name: 'Matched keywords' }).click();
      await page.getByTestId('matched-keywords').getByText(/No keyword of its conditions matched/).waitFor();
      await shot(page, 'cbtc', 'case-feedback');
      // Revise opens the builder prefilled from the version in force (saving would write v2).
      await row.getByRole('link', { name: 'Revise' }).click();
      await page.getByTestId('revising').getByText(`Revising ${criterionId} v1`).waitFor();
      expect(await page.getByLabel('Criterion id', { exact: true }).inputValue()).toBe(criterionId);
      expect(await page.getByTestId('condition-0').getByLabel('Field', { exact: true }).inputValue()).toBe('importerId');
      expect(await page.getByTestId('condition-0').getByLabel('Compare value', { exact: true }).inputValue()).toBe(importerId);
      await shot(page, 'cbtc', 'builder-revision');
      await page.goBack();
      await row.getByRole('button', { name: 'Retire' }).click();
      await page.getByText(`Retirement of ${criterionId} drafted, awaiting approval.`).waitFor();
    });
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-lee');
      await page.getByRole('link', { name: 'Approvals' }).click();
      const item = page.locator(`article[data-criterion="${criterionId}"]`);
      await item.getByRole('button', { name: 'Approve' }).click();
      await item.waitFor({ state: 'detached' });
    });
    await onPage('cbtc', async (page) => {
      await signIn(page, stack.baseUrl, 'analyst-kim');
      await page.goto(`${stack.baseUrl}/risk-cases/${riskCaseId}`);
      await page.getByTestId(`feedback-${criterionId}`).getByText('retired', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'End the window now' }).click();
      await page.getByTestId('risk-status').filter({ hasText: 'Feedback' }).waitFor();
      await page.getByLabel('Closing note', { exact: true }).fill('Seizure of pistol frames confirmed the tip; criterion retired.');
      await page.getByRole('button', { name: 'Close the case' }).click();
      await page.getByTestId('risk-status').filter({ hasText: 'Closed' }).waitFor();
      await shot(page, 'cbtc', 'case-closed');
    });
    // Retired and the window over: a matching declaration is no longer selected by it.
    const svc = await loginAs(stack, 'svc-ingest');
    await eventually('screening to stop using the retired criterion', async () => {
      const res = await svc
        .post('/api/declarations')
        .send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: today, officeId: '40', importerId, hsCode: '930200', originCountry: 'CN' }))
        .expect(201);
      return (res.body.firedCriteria as string[]).includes(criterionId) ? undefined : true;
    });
  }, 120_000);
});
