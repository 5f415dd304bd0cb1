import { randomBytes, randomInt } from 'node:crypto';
import type { ApisPassenger, PnrRecord } from '@customs/domain';
import { shipperPartyId } from '@customs/party-network';
import { loginAs, startE2eStack, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

/** A UTC day relative to today, YYYY-MM-DD. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Three days ago: the arrival of this suite's manifest and flight (their documents count from the day after). */
const ARRIVAL = day(-3);

interface SeizedNeighbour {
  key: string;
  hops: number;
  sharedDeclarations: number;
}

/**
 * The party network over the express and passenger streams on the real services (issue 17): an
 * express manifest links each waybill's courier, shipper and consignee (document `EXP-<n>`); two
 * waybills share a consignee; one is sent to inspection from the X-ray queue and seized, so the
 * other waybill's shipper sees the seized consignee, courier and shipper as of tomorrow but not
 * as of today (the result was recorded today). An APIS list and a PNR booking two companions link
 * them by opaque passenger id (document `PNR-<booking reference>`); a passenger seized on arrival
 * is a seized party from the day after. Re-sending the manifest, the APIS list or the PNR changes
 * no weight. Every id is this run's own.
 */
describe('party network over express cargo and passengers (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let analyst: AuthorisedHttp;
  let officer: AuthorisedHttp;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const courierId = `PNX${tag}`;
  const consigneeId = `P${String(randomInt(0, 1e9)).padStart(9, '0')}${String(randomInt(100, 999))}`;
  const [seizedWaybill, otherWaybill] = [`PN${tag}0001`, `PN${tag}0002`];
  const [seizedShipper, otherShipper] = [`Seized Sender ${tag} Co., Ltd.`, `Other Sender ${tag} Inc`];
  const seizedShipperKey = `SHIPPER:${shipperPartyId(seizedShipper, 'CN')}`;
  const otherShipperKey = `SHIPPER:${shipperPartyId(otherShipper, 'US')}`;
  const consigneeKey = `CONSIGNEE:${consigneeId}`;
  const courierKey = `COURIER:${courierId}`;

  const waybill = (waybillNumber: string, shipperName: string, shipperCountry: string) => ({
    waybillNumber, courierId, shipperName, shipperCountry, consigneeName: 'KIM MINJI', consigneeId,
    consigneeAddress: `${tag} Party-ro 1, Jung-gu, Incheon 22300`, goodsDescription: 'COTTON T-SHIRTS', quantity: 2,
    grossWeightKg: 0.8, declaredValueUsd: 40, originCountry: shipperCountry,
  });
  const manifest = {
    manifestId: `PN-${tag}-40`, transportMode: 'AIR', voyage: 'KE0852', arrivalAt: `${ARRIVAL}T06:00:00Z`, logisticsCentreId: '40',
    waybills: [waybill(seizedWaybill, seizedShipper, 'CN'), waybill(otherWaybill, otherShipper, 'US')],
  };

  const flight = `7D${randomInt(1000, 9999)}`;
  const doc = (n: number) => `N${tag}${n}`;
  const traveller = (n: number, surname: string, givenNames: string, seat: string): ApisPassenger => ({
    passengerRecordId: `${flight}-${ARRIVAL}-KR${doc(n)}`, flightNumber: flight, flightDate: ARRIVAL, arrivalAirport: 'ICN', departureAirport: 'NRT',
    surname, givenNames, nationality: 'KR', dateOfBirth: '1988-06-02', sex: 'F',
    travelDocument: { type: 'P', number: doc(n), issuingCountry: 'KR', expiry: '2031-01-01' }, seat, arrivalOfficeId: '40',
  });
  const travellers = [traveller(1, 'YOON', 'HAEUN', '14A'), traveller(2, 'SEO', 'JIWOO', '14B')];
  const booking: PnrRecord = {
    bookingReference: `Q${tag.slice(0, 5)}`, bookingDate: day(-60), formOfPayment: 'CARD',
    passengers: [{ surname: 'YOON', givenNames: 'HAEUN', travelDocumentNumber: doc(1) }, { surname: 'SEO', givenNames: 'JIWOO', travelDocumentNumber: doc(2) }],
    itinerary: [{ flightNumber: flight, from: 'NRT', fromCountry: 'JP', to: 'ICN', toCountry: 'KR', departureDate: ARRIVAL }],
    lengthOfStayDays: 30, bags: 2,
  };
  let passengerIds: string[] = [];

  /** Any party read writes what screening queued for the network first (`PartyNetworkWriter`): the rows read after it are final. */
  const networkWritten = () => analyst.get(`/api/parties/SHIPPER:FLUSH${tag}`).expect(404);
  const linkRow = async (a: string, b: string) =>
    (await stack.db.query('SELECT declarations, first_date::text AS first, last_date::text AS last FROM party_link WHERE party_a = $1 AND party_b = $2', [a < b ? a : b, a < b ? b : a])).rows[0];

  beforeAll(async () => {
    stack = await startE2eStack();
    [svc, analyst, officer] = await Promise.all([loginAs(stack, 'svc-ingest'), loginAs(stack, 'analyst-kim'), loginAs(stack, 'officer-40-01')]);
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('links the courier, shipper and consignee of every waybill of a manifest', async () => {
    const res = await svc.post('/api/express/manifests').send(manifest).expect(201);
    expect(res.body.results.map((r: { waybillNumber: string }) => r.waybillNumber)).toEqual([seizedWaybill, otherWaybill]);
    await networkWritten();
    const { rows } = await stack.db.query('SELECT declaration_id, declaration_date::text AS d, parties FROM party_declaration WHERE declaration_id = ANY($1) ORDER BY declaration_id', [[`EXP-${seizedWaybill}`, `EXP-${otherWaybill}`]]);
    expect(rows).toEqual([
      { declaration_id: `EXP-${seizedWaybill}`, d: ARRIVAL, parties: [courierKey, seizedShipperKey, consigneeKey] },
      { declaration_id: `EXP-${otherWaybill}`, d: ARRIVAL, parties: [courierKey, otherShipperKey, consigneeKey] },
    ]);
    expect(await linkRow(courierKey, consigneeKey)).toEqual({ declarations: 2, first: ARRIVAL, last: ARRIVAL });
    expect(await linkRow(otherShipperKey, consigneeKey)).toEqual({ declarations: 1, first: ARRIVAL, last: ARRIVAL });
    // The shipper's key holds no free text: the name is hashed.
    expect(seizedShipperKey).toMatch(/^SHIPPER:CN[0-9A-F]{16}$/);
  });

  it('makes a seized waybill\u2019s parties seized from the day after the result: the other waybill\u2019s shipper sees them as of tomorrow, not today', async () => {
    const sent = await officer.post(`/api/express/waybills/${seizedWaybill}/interpretation`).send({ decision: 'INSPECT', note: 'e2e: party network' }).expect(201);
    expect(sent.body.caseId).toBe(`inspection-case-EXP-${seizedWaybill}`);
    await recordInspectionResult(stack, sent.body.caseId, { assigner: officer, officer, officerId: 'officer-40-01' }, { outcome: 'SEIZURE', verdicts: [] });

    const later = (await analyst.get(`/api/parties/${otherShipperKey}`).query({ asOf: day(1) }).expect(200)).body;
    expect(later.party).toEqual({ key: otherShipperKey, role: 'SHIPPER', id: otherShipperKey.slice('SHIPPER:'.length) });
    expect(later.counterparties).toBe(2);
    expect(later.score).toBeGreaterThan(0);
    expect(later.hopsToNearestSeizure).toBe(1);
    expect(later.seizedNeighbours.map((s: SeizedNeighbour) => [s.key, s.hops, s.sharedDeclarations])).toEqual(
      expect.arrayContaining([[consigneeKey, 1, 1], [courierKey, 1, 1], [seizedShipperKey, 2, 0]]),
    );
    expect(later.seizedNeighbours).toHaveLength(3);
    const consignee = (await analyst.get(`/api/parties/${consigneeKey}`).query({ asOf: day(1) }).expect(200)).body;
    expect(consignee).toMatchObject({ seizures: 1, hopsToNearestSeizure: 0 });

    // Recorded today: not known as of today, nor as of the arrival day after.
    for (const asOf of [day(0), day(-2)]) {
      const before = (await analyst.get(`/api/parties/${otherShipperKey}`).query({ asOf }).expect(200)).body;
      expect(before.seen).toBe(true);
      expect(before.seizedNeighbours).toEqual([]);
      expect(before.score).toBe(0);
    }
    // As of the arrival day itself the waybills are not in the network yet.
    expect((await analyst.get(`/api/parties/${otherShipperKey}`).query({ asOf: ARRIVAL }).expect(200)).body.seen).toBe(false);
  });

  it('links the companions of a booking by opaque passenger id once the APIS list and the PNR are in', async () => {
    const apis = (await svc.post('/api/passengers/apis').send({ passengers: travellers }).expect(201)).body;
    passengerIds = apis.results.map((r: { passengerId: string }) => r.passengerId);
    expect(passengerIds).toHaveLength(2);
    await svc.post('/api/passengers/pnr').send({ pnrs: [booking] }).expect(201);
    await networkWritten();
    const [a, b] = passengerIds.map((id) => `PASSENGER:${id}`);
    const { rows } = await stack.db.query('SELECT declaration_date::text AS d, parties FROM party_declaration WHERE declaration_id = $1', [`PNR-${booking.bookingReference}`]);
    expect(rows).toEqual([{ d: ARRIVAL, parties: [a, b].sort() }]);
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${doc(1)}|YOON|HAEUN`));
    expect(await linkRow(a, b)).toEqual({ declarations: 1, first: ARRIVAL, last: ARRIVAL });
    const view = (await analyst.get(`/api/parties/${a}`).query({ asOf: day(1) }).expect(200)).body;
    expect(view.party).toEqual({ key: a, role: 'PASSENGER', id: passengerIds[0] });
    expect(view.counterparties).toBe(1);
    expect(view.neighbourhood.edges).toEqual([{ source: a < b ? a : b, target: a < b ? b : a, weight: 1 }]);
  });

  it('makes a passenger seized on arrival a seized party from the day after the result', async () => {
    // The seed drug-courier pattern (CEN-DRG-101): booked two days before, cash, alone, three days' stay.
    const courier = traveller(3, 'PARK', 'JUNHO', '31C');
    const courierBooking: PnrRecord = {
      bookingReference: `R${tag.slice(0, 5)}`, bookingDate: day(-5), formOfPayment: 'CASH',
      passengers: [{ surname: 'PARK', givenNames: 'JUNHO', travelDocumentNumber: doc(3) }],
      itinerary: [{ flightNumber: flight, from: 'NRT', fromCountry: 'JP', to: 'ICN', toCountry: 'KR', departureDate: ARRIVAL }],
      lengthOfStayDays: 3, bags: 1,
    };
    const paxId = (await svc.post('/api/passengers/apis').send({ passengers: [courier] }).expect(201)).body.results[0].passengerId as string;
    const rescreened = (await svc.post('/api/passengers/pnr').send({ pnrs: [courierBooking] }).expect(201)).body.rescreened;
    expect(rescreened).toMatchObject([{ passengerId: paxId, outcome: 'SELECTED', firedCriteria: ['CEN-DRG-101'], caseId: `inspection-case-${paxId}` }]);
    // Travelling alone: no booking document.
    await networkWritten();
    expect((await stack.db.query('SELECT 1 FROM party_declaration WHERE declaration_id = $1', [`PNR-${courierBooking.bookingReference}`])).rows).toEqual([]);
    const supervisor = await loginAs(stack, 'supervisor-40');
    await recordInspectionResult(stack, `inspection-case-${paxId}`, { assigner: supervisor, officer, officerId: 'officer-40-01' }, { outcome: 'SEIZURE', verdicts: [{ criterionId: 'CEN-DRG-101', appropriate: true }] });
    const key = `PASSENGER:${paxId}`;
    const later = (await analyst.get(`/api/parties/${key}`).query({ asOf: day(1) }).expect(200)).body;
    expect(later).toMatchObject({ party: { key, role: 'PASSENGER', id: paxId }, seen: true, seizures: 1, hopsToNearestSeizure: 0 });
    const today = (await analyst.get(`/api/parties/${key}`).query({ asOf: day(0) }).expect(200)).body;
    expect(today).toMatchObject({ seizures: 0, score: 0 });
  });

  it('counts nothing twice when the manifest, the APIS list or the PNR is sent again', async () => {
    const again = (await svc.post('/api/express/manifests').send(manifest).expect(200)).body;
    expect(again.summary.duplicates).toBe(2);
    await svc.post('/api/passengers/apis').send({ passengers: travellers }).expect(200);
    await svc.post('/api/passengers/pnr').send({ pnrs: [booking] }).expect(200);
    await networkWritten();
    expect(await linkRow(courierKey, consigneeKey)).toEqual({ declarations: 2, first: ARRIVAL, last: ARRIVAL });
    expect(await linkRow(otherShipperKey, consigneeKey)).toEqual({ declarations: 1, first: ARRIVAL, last: ARRIVAL });
    const [a, b] = passengerIds.map((id) => `PASSENGER:${id}`);
    expect(await linkRow(a, b)).toEqual({ declarations: 1, first: ARRIVAL, last: ARRIVAL });
  });

  it('accepts the new roles in a party key and refuses a passenger key that is not an opaque id', async () => {
    await analyst.get(`/api/parties/SHIPPER:NOBODY${tag}`).expect(404);
    for (const bad of [`PASSENGER:${doc(1)}`, 'PASSENGER:PAX-abc', 'CONSIGNEE:KIM MINJI']) {
      const res = await analyst.get(`/api/parties/${encodeURIComponent(bad)}`).expect(400);
      expect(res.body.message).toMatch(/or PASSENGER:PAX-<16 upper-case hex digits>/);
    }
  });
});
