import { randomBytes, randomInt } from 'node:crypto';
import { pnrDepersonaliseOn, type ApisPassenger, type PnrRecord } from '@customs/domain';
import { eventually, loginAs, startE2eStack, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

interface Outcome {
  passengerId: string;
  stage: string;
  outcome: string;
  lane: string;
  reasons: string[];
  firedCriteria: string[];
  companionLinks: Array<{ bookingReference: string; watchedReason: string; sourceId: string; watchedKind: string; watchedSince: string | null; watchedRiskArea: string | null }>;
  caseId: string | null;
  supersedes: string | null;
  decisionId: string;
  duplicate: boolean;
}

/**
 * The air passenger stream end to end on a real PostgreSQL and a real Temporal server (issue 15),
 * with synthetic travellers of this run: an APIS list screened on arrival (nobody selected on
 * APIS alone), the PNRs arriving after it screen the booked passengers again, linked to the
 * earlier screening, and the seed drug-courier criterion (CEN-DRG-101) selects the courier for
 * the arrival-hall queue; the officer's SEIZURE makes the courier a watched person, so a
 * traveller sharing a later booking with them is selected with the companion link shown. Masking
 * for every role but the passenger desk, every read in the audit trail, hit rates, idempotency and
 * refusals, and PNR depersonalisation after the retention period.
 */
describe('air passenger stream (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let desk: AuthorisedHttp;
  let officer: AuthorisedHttp;
  let supervisor: AuthorisedHttp;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const flightNo = randomInt(1000, 9998);
  const [flight1, flight2] = [`7C${flightNo}`, `7C${flightNo + 1}`];
  const doc = (n: number) => `Q${run}${n}`;
  const ref = (n: number) => `${run.slice(0, 5)}${n}`;

  function apis(n: number, flight: string, flightDate: string, surname: string, givenNames: string, seat: string): ApisPassenger {
    const travelDocument = { type: 'P' as const, number: doc(n), issuingCountry: 'KR', expiry: '2031-05-01' };
    return {
      passengerRecordId: `${flight}-${flightDate}-KR${doc(n)}`, flightNumber: flight, flightDate, arrivalAirport: 'ICN', departureAirport: 'BKK',
      surname, givenNames, nationality: 'KR', dateOfBirth: '1994-03-17', sex: 'M', travelDocument, seat, arrivalOfficeId: '40',
    };
  }
  const courier = apis(1, flight1, '2026-12-01', 'PARK', 'JUNHO', '31C');
  const tourist = apis(2, flight1, '2026-12-01', 'CHOI', 'MINA', '12A');
  const unbooked = apis(3, flight1, '2026-12-01', 'HAN', 'SORA', '40F');
  const companion = apis(4, flight2, '2026-12-03', 'JANG', 'WOOJIN', '22B');
  /** The courier's booking: two days before boarding, cash, alone, three days' stay (the seed criterion's pattern). */
  const courierBooking: PnrRecord = {
    bookingReference: ref(1), bookingDate: '2026-11-29', formOfPayment: 'CASH',
    passengers: [{ surname: 'PARK', givenNames: 'JUNHO', travelDocumentNumber: doc(1) }],
    itinerary: [
      { flightNumber: flight1, from: 'BKK', fromCountry: 'TH', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-01' },
      { flightNumber: 'TG0659', from: 'ICN', fromCountry: 'KR', to: 'BKK', toCountry: 'TH', departureDate: '2026-12-04' },
    ],
    lengthOfStayDays: 3, bags: 1,
  };
  const touristBooking: PnrRecord = {
    bookingReference: ref(2), bookingDate: '2026-10-02', formOfPayment: 'CARD',
    passengers: [{ surname: 'CHOI', givenNames: 'MINA', travelDocumentNumber: doc(2) }],
    itinerary: [{ flightNumber: flight1, from: 'BKK', fromCountry: 'TH', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-01' }],
    lengthOfStayDays: null, bags: 2,
  };
  /** A later booking naming the courier and a companion, paid by card long before: only the link selects the companion. */
  const sharedBooking: PnrRecord = {
    bookingReference: ref(3), bookingDate: '2026-11-01', formOfPayment: 'CARD',
    passengers: [{ surname: 'PARK', givenNames: 'JUNHO', travelDocumentNumber: doc(1) }, { surname: 'JANG', givenNames: 'WOOJIN', travelDocumentNumber: doc(4) }],
    itinerary: [{ flightNumber: flight2, from: 'BKK', fromCountry: 'TH', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-03' }],
    lengthOfStayDays: 20, bags: 2,
  };
  let first: Outcome[];
  let rescreened: Outcome[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startE2eStack({ pnrRetentionCheckMs: 300 });
    svc = await loginAs(stack, 'svc-ingest');
    desk = await loginAs(stack, 'paxdesk-40');
    officer = await loginAs(stack, 'officer-40-01');
    supervisor = await loginAs(stack, 'supervisor-40');
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('screens an APIS list when it arrives: nobody selected on the passenger list alone', async () => {
    const res = await svc.post('/api/passengers/apis').send({ passengers: [courier, tourist, unbooked] }).expect(201);
    first = res.body.results;
    expect(first.map((o) => [o.stage, o.outcome, o.lane, o.duplicate])).toEqual([
      ['APIS', 'CLEARED', 'GREEN', false], ['APIS', 'CLEARED', 'GREEN', false], ['APIS', 'CLEARED', 'GREEN', false],
    ]);
    for (const o of first) expect(o.passengerId).toMatch(/^PAX-[0-9A-F]{16}$/);
    [ids.courier, ids.tourist, ids.unbooked] = first.map((o) => o.passengerId);
    expect(JSON.stringify(res.body)).not.toContain(doc(1));
  });

  it('screens the booked passengers again when their PNRs arrive, each linked to the APIS screening; the drug-courier pattern selects', async () => {
    const res = await svc.post('/api/passengers/pnr').send({ pnrs: [courierBooking, touristBooking] }).expect(201);
    expect(res.body).toMatchObject({ received: 2, stored: 2, duplicates: 0 });
    rescreened = res.body.rescreened;
    const byId = new Map(rescreened.map((o) => [o.passengerId, o]));
    expect([...byId.keys()].sort()).toEqual([ids.courier, ids.tourist].sort());
    expect(byId.get(ids.courier)).toMatchObject({
      stage: 'APIS_PNR', outcome: 'SELECTED', lane: 'RED', firedCriteria: ['CEN-DRG-101'], supersedes: `${ids.courier}-APIS`, caseId: `inspection-case-${ids.courier}`,
    });
    expect(byId.get(ids.courier)!.reasons[0]).toContain('CEN-DRG-101 v1 (RED)');
    expect(byId.get(ids.tourist)).toMatchObject({ stage: 'APIS_PNR', outcome: 'CLEARED', lane: 'GREEN', supersedes: `${ids.tourist}-APIS`, caseId: null });

    const detail = (await desk.get(`/api/passengers/${ids.courier}`).expect(200)).body;
    expect(detail.decisions.map((d: { decisionId: string; stage: string; supersedes: string | null }) => [d.decisionId, d.stage, d.supersedes])).toEqual([
      [`${ids.courier}-APIS`, 'APIS', null], [`${ids.courier}-APIS_PNR`, 'APIS_PNR', `${ids.courier}-APIS`],
    ]);
    expect(detail.caseId).toBe(`inspection-case-${ids.courier}`);
  });

  it('is idempotent on re-sends and refuses conflicting or invalid records, writing nothing', async () => {
    const again = await svc.post('/api/passengers/apis').send({ passengers: [courier, tourist, unbooked] }).expect(200);
    expect(again.body.results.map((o: Outcome) => [o.passengerId, o.stage, o.duplicate])).toEqual([
      [ids.courier, 'APIS_PNR', true], [ids.tourist, 'APIS_PNR', true], [ids.unbooked, 'APIS', true],
    ]);
    expect(again.body.summary).toMatchObject({ received: 3, selected: 1, duplicates: 3, casesStarted: 0 });
    const pnrAgain = await svc.post('/api/passengers/pnr').send({ pnrs: [courierBooking] }).expect(200);
    expect(pnrAgain.body).toEqual({ received: 1, stored: 0, duplicates: 1, rescreened: [] });

    await svc.post('/api/passengers/apis').send({ passengers: [{ ...courier, seat: '1A' }] }).expect(409);
    await svc.post('/api/passengers/pnr').send({ pnrs: [{ ...courierBooking, bags: 4 }] }).expect(409);
    const bad = await svc.post('/api/passengers/apis').send({ passengers: [companion, { ...companion, dateOfBirth: '2027-01-01' }] }).expect(400);
    expect(bad.body.errors).toEqual([{ index: 1, message: expect.stringContaining('dateOfBirth must not be after flightDate') }]);
    await svc.post('/api/passengers/apis').send({ passengers: [companion, companion] }).expect(400);
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM passenger_apis WHERE travel_document_number = $1', [doc(4)]);
    expect(rows[0].n).toBe(0);
    await officer.post('/api/passengers/apis').send({ passengers: [companion] }).expect(403);
  });

  it('puts the selected courier in the arrival-hall queue, named only for the passenger desk; every read is recorded', async () => {
    const forDesk = (await desk.get('/api/passengers/queue?limit=200').expect(200)).body;
    expect(forDesk.masked).toBe(false);
    const named = forDesk.items.find((i: { passengerId: string }) => i.passengerId === ids.courier);
    expect(named).toMatchObject({
      surname: 'PARK', givenNames: 'JUNHO', dateOfBirth: '1994-03-17', travelDocument: { type: 'P', number: doc(1), issuingCountry: 'KR' },
      lane: 'RED', stage: 'APIS_PNR', flightNumber: flight1, seat: '31C', caseId: `inspection-case-${ids.courier}`,
      booking: { bookingReference: ref(1), bookingDaysBeforeDeparture: 2, formOfPayment: 'CASH', companions: 0, lengthOfStayDays: 3, bags: 1, route: ['BKK', 'ICN', 'BKK'] },
    });
    expect(forDesk.items.map((i: { passengerId: string }) => i.passengerId)).not.toContain(ids.tourist);

    const forOfficer = (await officer.get('/api/passengers/queue?limit=200').expect(200)).body;
    expect(forOfficer.masked).toBe(true);
    const masked = forOfficer.items.find((i: { passengerId: string }) => i.passengerId === ids.courier);
    expect(masked).toMatchObject({ surname: 'P***', givenNames: 'J***', dateOfBirth: '1994-**-**', travelDocument: { number: `***${doc(1).slice(-3)}` } });
    expect(JSON.stringify(forOfficer)).not.toContain(doc(1));
    const officerDetail = (await officer.get(`/api/passengers/${ids.courier}`).expect(200)).body;
    expect(JSON.stringify(officerDetail)).not.toMatch(new RegExp(`${doc(1)}|JUNHO|PARK"`));

    const analyst = await loginAs(stack, 'analyst-kim');
    await analyst.get('/api/passengers/queue').expect(400);
    expect((await analyst.get('/api/passengers/queue?office=40').expect(200)).body.masked).toBe(true);
    await (await loginAs(stack, 'officer-20-01')).get('/api/passengers/queue?office=40').expect(403);
    await (await loginAs(stack, 'officer-20-01')).get(`/api/passengers/${ids.courier}`).expect(403);
    await desk.get('/api/passengers/PAX-0000000000000000').expect(404);

    const { rows } = await stack.db.query(`SELECT read_by, role, masked, via FROM passenger_read WHERE passenger_id = $1 ORDER BY id`, [ids.courier]);
    expect(rows).toEqual([
      { read_by: 'paxdesk-40', role: 'passenger_desk', masked: false, via: 'DETAIL' },
      { read_by: 'paxdesk-40', role: 'passenger_desk', masked: false, via: 'QUEUE' },
      { read_by: 'officer-40-01', role: 'local_officer', masked: true, via: 'QUEUE' },
      { read_by: 'officer-40-01', role: 'local_officer', masked: true, via: 'DETAIL' },
      { read_by: 'analyst-kim', role: 'cbtc_analyst', masked: true, via: 'QUEUE' },
    ]);
  });

  it('records the arrival-hall result; the seizure feeds the hit rate and makes the courier a watched person for the companion on a later booking', async () => {
    const caseId = `inspection-case-${ids.courier}`;
    await recordInspectionResult(stack, caseId, { assigner: supervisor, officer, officerId: 'officer-40-01' }, { outcome: 'SEIZURE', verdicts: [{ criterionId: 'CEN-DRG-101', appropriate: true }] });
    const kase = (await officer.get(`/api/cases/${caseId}`).expect(200)).body;
    expect(kase).toMatchObject({ declarationId: ids.courier, documentType: 'PASSENGER', lane: 'RED', officeId: '40', outcome: 'SEIZURE' });
    const rates = (await (await loginAs(stack, 'analyst-kim')).get('/api/stats/criteria').expect(200)).body as { criteria: Array<{ criterionId: string; selections: number; inspected: number; hits: number }> };
    const seed = rates.criteria.find((c) => c.criterionId === 'CEN-DRG-101')!;
    expect(seed.selections).toBeGreaterThanOrEqual(1);
    expect(seed.inspected).toBeGreaterThanOrEqual(1);
    expect(seed.hits).toBeGreaterThanOrEqual(1);

    // The later booking arrives first (an hour before landing), the APIS list half an hour later.
    expect((await svc.post('/api/passengers/pnr').send({ pnrs: [sharedBooking] }).expect(201)).body.rescreened).toEqual([]);
    const res = await svc.post('/api/passengers/apis').send({ passengers: [companion] }).expect(201);
    const linked: Outcome = res.body.results[0];
    expect(linked).toMatchObject({ stage: 'APIS_PNR', outcome: 'SELECTED', lane: 'YELLOW', firedCriteria: [], supersedes: null });
    expect(linked.companionLinks).toEqual([{
      bookingReference: ref(3), watchedReason: expect.stringMatching(/^a seizure on arrival \(\d{4}-\d{2}-\d{2}\)$/), sourceId: caseId,
      watchedKind: 'SEIZURE', watchedSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), watchedRiskArea: null,
    }]);
    expect(linked.reasons).toEqual([expect.stringContaining(`shares booking ${ref(3)} with a person watched for a seizure on arrival`)]);
    await eventually('the companion in the arrival-hall queue', async () => {
      const q = (await desk.get('/api/passengers/queue?limit=200').expect(200)).body;
      const item = q.items.find((i: { passengerId: string }) => i.passengerId === linked.passengerId);
      return item?.companionLinks.length === 1 ? item : undefined;
    });
  });

  it('depersonalises a PNR after its retention (six months by default) and keeps the rest', async () => {
    const { rows: due } = await stack.db.query(`SELECT booking_reference, depersonalise_on::text AS due, received_at::date::text AS received FROM pnr_record WHERE booking_reference = ANY($1) ORDER BY 1`, [[ref(1), ref(2)]]);
    for (const r of due) expect(r.due).toBe(pnrDepersonaliseOn(r.received, 6));
    // The courier's booking reaches the end of its retention.
    await stack.db.query(`UPDATE pnr_record SET depersonalise_on = current_date - 1 WHERE booking_reference = $1`, [ref(1)]);
    const done = await eventually('the courier\u2019s PNR depersonalised', async () => {
      const { rows } = await stack.db.query(`SELECT record, travel_documents, depersonalised_at FROM pnr_record WHERE booking_reference = $1`, [ref(1)]);
      return rows[0].depersonalised_at ? rows[0] : undefined;
    });
    expect(done.record.passengers).toEqual([{ surname: '***', givenNames: '***', travelDocumentNumber: null }]);
    expect(done.travel_documents).toEqual([]);
    expect(done.record).toMatchObject({ bookingReference: ref(1), bookingDate: '2026-11-29', formOfPayment: 'CASH', lengthOfStayDays: 3, bags: 1 });
    const detail = (await desk.get(`/api/passengers/${ids.courier}`).expect(200)).body;
    expect(detail.pnrDepersonalised).toBe(true);
    expect(JSON.stringify(detail.pnr)).not.toContain('JUNHO');
    const { rows: kept } = await stack.db.query(`SELECT record, depersonalised_at FROM pnr_record WHERE booking_reference = $1`, [ref(2)]);
    expect(kept[0].depersonalised_at).toBeNull();
    expect(kept[0].record.passengers[0].surname).toBe('CHOI');
  });

  it('keeps the passenger screenings and reads on intact, append-only hash chains', async () => {
    await expect(stack.db.query(`UPDATE passenger_decision SET lane = 'GREEN' WHERE passenger_id = $1`, [ids.courier])).rejects.toThrow();
    await expect(stack.db.query(`DELETE FROM passenger_read WHERE passenger_id = $1`, [ids.courier])).rejects.toThrow();
    const verify = (await (await loginAs(stack, 'auditor-han')).get('/api/audit/verify').expect(200)).body as { ok: boolean; chains: Array<{ table: string; rows: number }> };
    expect(verify.ok).toBe(true);
    expect(verify.chains.filter((c) => c.table.startsWith('passenger_')).map((c) => c.table)).toEqual(['passenger_decision', 'passenger_read']);
  });
});
