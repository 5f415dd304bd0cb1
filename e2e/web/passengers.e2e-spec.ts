import { randomBytes, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drugCourierCriterion } from '@customs/selectivity/testing';
import type { Browser, Page } from 'playwright-core';
import { eventually, loginAs, startE2eStack, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { layoutProblems, switchToKorean } from './support/layout';
import { launchChromium, onUserPage, shot, signIn } from './support/browser';

/** An APIS record of the fixture, as the test reads and rewrites it. */
interface Apis {
  passengerRecordId: string;
  flightNumber: string;
  flightDate: string;
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  travelDocument: { type: string; number: string; issuingCountry: string; expiry: string };
  [field: string]: unknown;
}
/** A PNR of the fixture, as the test reads and rewrites it. */
interface Pnr {
  bookingReference: string;
  passengers: Array<{ surname: string; givenNames: string; travelDocumentNumber: string | null }>;
  itinerary: Array<{ flightNumber: string; departureDate: string; [field: string]: unknown }>;
  [field: string]: unknown;
}
/** The parts of a screening outcome (`PassengerScreeningOutcome`) the test reads. */
interface Outcome {
  passengerId: string;
  stage: 'APIS' | 'APIS_PNR';
  outcome: 'CLEARED' | 'SELECTED';
  lane: string;
  caseId: string | null;
  supersedes: string | null;
  decisionId: string;
  firedCriteria: string[];
  companionLinks: Array<{ bookingReference: string; watchedReason: string; sourceId: string; watchedKind: string }>;
}

/**
 * The arrival-hall passenger queue (`/passengers`) in Debian's headless Chromium against the real
 * stack (issue 15): a CBTC analyst's drug-courier PASSENGER criterion scoped to this run's flight,
 * approved by a second analyst; an intelligence report naming one courier's passport, whose open
 * risk case makes him a watched person; one flight of the synthetic sample
 * (`e2e/fixtures/passenger-sample.json`: two planted couriers, the companion of one, four plain
 * passengers) under this run's flight number, document numbers and booking references, posted by
 * the ingest service as the APIS list and then the PNRs (each courier is screened on APIS, then
 * again with the PNR, the later decision superseding the first). The passenger desk (paxdesk-40)
 * sees names and documents, an officer of office 40 (officer-40-01) the masked values; both see
 * the criterion and the companion link as reasons, in English and Korean. Screenshots at 1280x800
 * and 1920x1080 go to `e2e/web/screenshots/passengers-<step>.png`; nothing may overflow the page,
 * the top bar or the queue table. Waits are on UI state and API answers, not the clock.
 */
describe('arrival-hall passenger queue in a real browser (e2e)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let officer: AuthorisedHttp;
  let riskCaseId = '';
  const run = randomBytes(3).toString('hex').toUpperCase();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  /** This run's flight: `Q` + a letter + four digits, so no other run's criteria or queue rows interfere. */
  const flight = `Q${letters[randomInt(26)]}${String(randomInt(10_000)).padStart(4, '0')}`;
  const bookingTag = Array.from({ length: 3 }, () => letters[randomInt(26)]).join('');
  const criterionId = `CEN-PXD-${String(100 + randomInt(900))}`;
  /** The sample's flight used here, and its planted passengers by document number. */
  const SAMPLE_FLIGHT = 'KE0018';
  const COURIER = 'M29281112'; // YOON JIHOON: booked 1 day ahead, alone, 3-day stay, cash; also on a second booking with LIM
  const COURIER_2 = 'WP9958053'; // BAKKER ANOUK: booked 1 day ahead, alone, 4-day stay, cash
  const COMPANION = 'M44976331'; // LIM SEOYEON: shares booking GWLBX7 with YOON
  const PLAIN = 4;

  /** A document number of this run (1-20 capital letters or digits). */
  const doc = (n: string) => `${n}${run}`;
  const bookingRefs = new Map<string, string>();
  /** A booking reference of this run (6 capital letters or digits), one per fixture booking. */
  const ref = (original: string) => {
    if (!bookingRefs.has(original)) bookingRefs.set(original, `${bookingTag}${String(bookingRefs.size).padStart(3, '0')}`);
    return bookingRefs.get(original)!;
  };

  const sample = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'passenger-sample.json'), 'utf8')) as { apis: Apis[]; pnrs: Pnr[]; planted: Array<{ passengerRecordId: string }> };
  const planted = new Set(sample.planted.map((p) => p.passengerRecordId));
  const onFlight = sample.apis.filter((a) => a.flightNumber === SAMPLE_FLIGHT);
  const byDocument = (n: string) => onFlight.find((a) => a.travelDocument.number === n)!;
  const chosen = [byDocument(COURIER), byDocument(COURIER_2), byDocument(COMPANION), ...onFlight.filter((a) => !planted.has(a.passengerRecordId)).slice(0, PLAIN)];
  const chosenDocs = new Set(chosen.map((a) => a.travelDocument.number));

  /** The chosen passengers under this run's flight and document numbers (the record id follows them). */
  function apisList() {
    return chosen.map((a) => {
      const travelDocument = { ...a.travelDocument, number: doc(a.travelDocument.number) };
      return { ...a, flightNumber: flight, travelDocument, passengerRecordId: `${flight}-${a.flightDate}-${travelDocument.issuingCountry}${travelDocument.number}` };
    });
  }
  /** Every booking naming a chosen passenger, under this run's references, flight and document numbers. */
  function pnrList() {
    return sample.pnrs
      .filter((p) => p.passengers.some((t) => t.travelDocumentNumber && chosenDocs.has(t.travelDocumentNumber)))
      .map((p) => ({
        ...p,
        bookingReference: ref(p.bookingReference),
        passengers: p.passengers.map((t) => ({ ...t, travelDocumentNumber: t.travelDocumentNumber ? doc(t.travelDocumentNumber) : null })),
        itinerary: p.itinerary.map((s) => (s.flightNumber === SAMPLE_FLIGHT ? { ...s, flightNumber: flight } : s)),
      }));
  }
  /** The passengers as the ingest service's answers named them, by fixture document number. */
  const ids = new Map<string, string>();
  const caseIds = new Map<string, string>();
  const sharedBooking = () => ref('GWLBX7');

  beforeAll(async () => {
    stack = await startE2eStack();
    browser = await launchChromium();
    const analyst = await loginAs(stack, 'analyst-kim');
    const checker = await loginAs(stack, 'analyst-lee');

    // The drug-courier pattern, on this run's flight only.
    const criterion = {
      id: criterionId, scope: 'CENTRAL', officeId: null, targetDocument: 'PASSENGER', lane: 'RED', riskArea: drugCourierCriterion.riskArea,
      reason: 'Drug courier pattern of KCS detection cases: booked a few days before boarding, alone, a short stay, paid in cash',
      pointsOfInterest: 'Baggage and body search; ask about the purpose of the trip and who paid for it', keywords: ['courier', 'drugs', 'passenger'],
      validFrom: '2026-11-01', validTo: '2026-12-31',
      conditions: { all: [{ fact: 'flightNumber', operator: 'equal', value: flight }, ...(drugCourierCriterion.conditions as { all: unknown[] }).all] },
    };
    const created = await analyst.post('/api/criteria').send(criterion);
    expect({ status: created.status, body: created.status < 300 ? undefined : created.body }).toEqual({ status: 201, body: undefined });
    await checker.post(`/api/criteria/${criterionId}/versions/${created.body.version}/approve`).expect(200);

    // An open risk case naming the first courier's passport: he is a watched person, so whoever shares a booking with him is flagged.
    const report = await analyst
      .post('/api/intelligence')
      .send({
        source: { organisation: 'Korea Customs Service, Busan', type: 'LOCAL_CUSTOMS' },
        riskArea: 'SMUGGLING',
        smugglingSubtype: 'DRUGS',
        subjects: [{ kind: 'PERSON', name: 'YOON JIHOON' }, { kind: 'IDENTIFIER', idType: 'passportNumber', value: doc(COURIER) }],
        routes: [{ originCountry: 'US', departureCountry: 'US' }],
        text: `Passport ${doc(COURIER)}: a courier carrying methamphetamine on LAX-ICN flights, run ${run}.`,
      })
      .expect(201);
    riskCaseId = report.body.riskCaseId;
    await eventually('the risk case in the read model', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    await new Promise((r) => setTimeout(r, 2500)); // the screening engine refreshes within 2 s

    // The passenger list first (30 minutes before arrival): no booking facts yet, so nobody is selected by the criterion.
    const svc = await loginAs(stack, 'svc-ingest');
    const apis = await svc.post('/api/passengers/apis').send({ passengers: apisList() });
    expect({ status: apis.status, body: apis.status < 300 ? undefined : apis.body }).toEqual({ status: 201, body: undefined });
    const onApis = apis.body.results as Outcome[];
    expect(onApis.map((o) => o.stage)).toEqual(chosen.map(() => 'APIS'));
    chosen.forEach((a, i) => ids.set(a.travelDocument.number, onApis[i].passengerId));
    const apisDecision = (n: string) => onApis[chosen.findIndex((a) => a.travelDocument.number === n)].decisionId;

    // Then the bookings: the couriers and the companion are screened again, each decision superseding the APIS one.
    const pnr = await svc.post('/api/passengers/pnr').send({ pnrs: pnrList() });
    expect({ status: pnr.status, body: pnr.status < 300 ? undefined : pnr.body }).toEqual({ status: 201, body: undefined });
    const again = new Map((pnr.body.rescreened as Outcome[]).map((o) => [o.passengerId, o]));
    for (const n of [COURIER, COURIER_2]) {
      const o = again.get(ids.get(n)!);
      // The seed criterion CEN-DRG-101 (the same pattern on every flight) may fire beside this run's.
      expect({ n, stage: o?.stage, outcome: o?.outcome, lane: o?.lane, fired: o?.firedCriteria, supersedes: o?.supersedes }).toEqual({
        n, stage: 'APIS_PNR', outcome: 'SELECTED', lane: 'RED', fired: expect.arrayContaining([criterionId]), supersedes: apisDecision(n),
      });
      caseIds.set(n, o!.caseId!);
    }
    const companion = again.get(ids.get(COMPANION)!);
    expect({ outcome: companion?.outcome, links: companion?.companionLinks.map((l) => [l.bookingReference, l.sourceId]) }).toEqual({
      outcome: 'SELECTED', links: [[sharedBooking(), riskCaseId]],
    });
    caseIds.set(COMPANION, companion!.caseId!);

    // The three reach office 40's arrival-hall queue (the case projection is written by the worker).
    officer = await loginAs(stack, 'officer-40-01');
    await eventually('the selected passengers in the arrival-hall queue', async () => {
      const q = (await officer.get('/api/passengers/queue?limit=200').expect(200)).body as { items: Array<{ passengerId: string }> };
      const listed = new Set(q.items.map((i) => i.passengerId));
      return [COURIER, COURIER_2, COMPANION].every((n) => listed.has(ids.get(n)!)) ? true : undefined;
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const row = (page: Page, n: string) => page.locator(`[data-testid="pax-row"][data-passenger="${ids.get(n)}"]`);


  /** Saves the screenshot of `step` after checking the layout. */
  async function check(page: Page, step: string): Promise<void> {
    await shot(page, 'passengers', step);
    expect({ step, problems: await layoutProblems(page, '[data-testid="pax-queue"]') }).toEqual({ step, problems: [] });
  }

  it('the passenger desk starts on the arrival hall and sees names, documents, the reasons and the decision chain', async () => {
    await onUserPage(browser, 'passengers', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, stack.baseUrl, 'paxdesk-40');
      await page.waitForURL(/\/passengers$/);
      await page.getByRole('heading', { name: /Arrival hall/ }).waitFor();
      // The desk has no other page.
      expect(await page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual(['Arrivals']);

      const privacy = page.getByTestId('pax-privacy');
      await privacy.getByText("You see passengers' names and travel documents (passenger desk).").waitFor();
      await privacy.getByText('Every view of passenger data is recorded.').waitFor();
      expect(await privacy.getAttribute('data-masked')).toBe('false');

      const courier = row(page, COURIER);
      await courier.getByTestId('pax-name').getByText('YOON JIHOON', { exact: true }).waitFor();
      await courier.getByTestId('pax-document').getByText(doc(COURIER), { exact: true }).waitFor();
      await courier.getByTestId('pax-dob').getByText('2001-05-20', { exact: true }).waitFor();
      expect(await courier.getAttribute('data-lane')).toBe('RED');
      await courier.getByTestId('criterion-reason').getByText(`${criterionId} v1`).waitFor();
      await courier.getByText('booked 1 day before departure').waitFor();
      await courier.getByText('travelling alone').waitFor();
      await courier.getByText('paid in cash').waitFor();
      await courier.getByTestId('pax-stage').getByText('APIS + PNR').waitFor();
      await row(page, COURIER_2).getByTestId('pax-name').getByText('BAKKER ANOUK', { exact: true }).waitFor();

      const companion = row(page, COMPANION);
      await companion.getByTestId('pax-name').getByText('LIM SEOYEON', { exact: true }).waitFor();
      const link = companion.getByTestId('companion-link');
      await link.getByText(`shares booking ${sharedBooking()} with a person watched for`).waitFor();
      await link.getByText(riskCaseId).waitFor();
      expect(await companion.getByTestId('criterion-reason').count()).toBe(0);
      await check(page, 'desk');

      // The courier's row opens to his records and both screenings: APIS (superseded) and APIS + PNR (in force).
      await courier.getByRole('button', { name: /Show the records and screenings of YOON JIHOON/ }).click();
      const detail = page.locator(`[data-testid="pax-detail"][data-passenger="${ids.get(COURIER)}"]`);
      const steps = detail.getByTestId('pax-decision');
      await steps.nth(1).waitFor();
      expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')))).toEqual(['APIS', 'APIS_PNR']);
      await steps.nth(1).getByText('in force').waitFor();
      const supersedes = await steps.nth(1).getByTestId('supersedes').innerText();
      expect(supersedes).toMatch(/^supersedes \S+$/);
      expect(await steps.nth(0).innerText()).toContain(supersedes.replace('supersedes ', ''));
      await detail.getByText(doc(COURIER), { exact: false }).first().waitFor();
      await check(page, 'desk-detail');

      await page.setViewportSize({ width: 1920, height: 1080 });
      await check(page, '1920');
    });
  }, 120_000);

  it('an officer of the office sees the same queue masked, with the reasons and a link to each case', async () => {
    await onUserPage(browser, 'passengers', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, stack.baseUrl, 'officer-40-01');
      await page.getByRole('link', { name: 'Arrivals', exact: true }).click();
      await page.waitForURL(/\/passengers$/);
      const privacy = page.getByTestId('pax-privacy');
      await privacy.getByText('Names, travel document numbers and dates of birth are masked: only the passenger desk sees them.').waitFor();
      await privacy.getByText('Every view of passenger data is recorded.').waitFor();
      expect(await privacy.getAttribute('data-masked')).toBe('true');

      const courier = row(page, COURIER);
      await courier.getByTestId('pax-name').getByText('Y*** J***', { exact: true }).waitFor();
      await courier.getByTestId('pax-document').getByText(`***${doc(COURIER).slice(-3)}`, { exact: true }).waitFor();
      await courier.getByTestId('pax-dob').getByText('2001-**-**', { exact: true }).waitFor();
      await courier.getByTestId('criterion-reason').getByText(`${criterionId} v1`).waitFor();
      expect(await courier.getByTestId('case-link').getAttribute('href')).toBe(`/cases/${caseIds.get(COURIER)}`);
      await row(page, COMPANION).getByTestId('companion-link').getByText(`shares booking ${sharedBooking()} with a person watched for`).waitFor();

      // No name or document number of this run anywhere on the page.
      const text = await page.locator('main').innerText();
      for (const a of chosen) {
        const shown = [`${a.surname} ${a.givenNames}`, doc(a.travelDocument.number), a.dateOfBirth].filter((s) => text.includes(s));
        expect({ passenger: a.passengerRecordId, shown }).toEqual({ passenger: a.passengerRecordId, shown: [] });
      }
      await check(page, 'officer-masked');

      // The detail is masked too.
      await courier.locator('button.expand').click();
      const detail = page.locator(`[data-testid="pax-detail"][data-passenger="${ids.get(COURIER)}"]`);
      await detail.getByTestId('pax-decision').nth(1).waitFor();
      expect(await detail.innerText()).not.toContain(doc(COURIER));
    });
  }, 120_000);

  it('shows the arrival hall in Korean', async () => {
    await onUserPage(browser, 'passengers', async (page) => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await signIn(page, stack.baseUrl, 'paxdesk-40');
      await page.waitForURL(/\/passengers$/);
      await switchToKorean(page);
      await page.getByRole('heading', { name: /입국장 검사/ }).waitFor();
      await page.getByTestId('pax-privacy').getByText('여행자 정보 열람은 모두 기록됩니다.').waitFor();
      await row(page, COURIER).getByText('출발 1일 전 예약').waitFor();
      await row(page, COURIER).getByText('단독 여행').waitFor();
      await row(page, COURIER).getByTestId('criterion-reason').getByText(`${criterionId} v1`).waitFor();
      await row(page, COMPANION).getByTestId('companion-link').getByText(`감시 대상자와 예약 ${sharedBooking()}을(를) 공유`, { exact: false }).waitFor();
      await row(page, COMPANION).getByTestId('companion-link').getByText('동반자', { exact: true }).waitFor();
      // Why the other traveller is watched, in Korean too (the risk area's Korean name).
      await row(page, COMPANION).getByTestId('companion-link').getByText('진행 중인 위험 사례', { exact: false }).waitFor();
      await check(page, 'ko');
    });
  }, 120_000);
});
