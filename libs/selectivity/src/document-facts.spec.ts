import * as fs from 'node:fs';
import * as path from 'node:path';
import { ageOn, pnrsOfPassengers, type ApisPassenger, type ExpressManifest, type PnrRecord } from '@customs/domain';
import { addressKey, passengerFacts, waybillFacts } from './document-facts';
import { SelectivityEngine } from './selectivity-engine';
import { drugCourierCriterion, splitShipmentCriterion } from './testing/document-criteria.mock';

const FIXTURES = path.resolve(__dirname, '../../../e2e/fixtures');
const express = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'express-manifest-sample.json'), 'utf8')) as { manifest: ExpressManifest; planted: Array<{ waybillNumber: string; pattern: string }> };
const passengers = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'passenger-sample.json'), 'utf8')) as {
  apis: ApisPassenger[];
  pnrs: PnrRecord[];
  planted: Array<{ passengerRecordId: string; pattern: string }>;
};

const splitShipment = splitShipmentCriterion;
const courier = drugCourierCriterion;

describe('document facts', () => {
  it("derive a waybill's split-shipment facts from its manifest", () => {
    const facts = waybillFacts(express.manifest);
    expect(facts).toHaveLength(express.manifest.waybills.length);
    const planted = express.planted.filter((p) => p.pattern === 'split-shipment').map((p) => p.waybillNumber);
    const one = facts.find((f) => f.waybillNumber === planted[0])!;
    expect(one.consigneeKind).toBe('PERSONAL');
    expect(one.consigneeWaybillsInManifest).toBeGreaterThanOrEqual(3);
    const siblings = facts.filter((f) => f.consigneeId === one.consigneeId);
    expect(one.consigneeWaybillsInManifest).toBe(siblings.length);
    expect(one.consigneeValueInManifestUsd).toBeCloseTo(siblings.reduce((a, f) => a + (f.declaredValueUsd as number), 0), 1);
    expect(one.arrivalDate).toBe(express.manifest.arrivalAt.slice(0, 10));
    expect(addressKey('Apt 111-503, 221, Gyeongin-ro')).toBe(addressKey('#111-503 221, GYEONGIN-RO, Songpa-gu'));
  });

  it('let a split-shipment criterion select the planted split shipments of the synthetic manifest', () => {
    const engine = SelectivityEngine.compile([splitShipment]);
    const selected = new Set(
      waybillFacts(express.manifest)
        .filter((f) => engine.evaluateFacts('EXPRESS_MANIFEST', f, f.arrivalDate as string, f.logisticsCentreId as string).fired.length > 0)
        .map((f) => f.waybillNumber),
    );
    const planted = express.planted.filter((p) => p.pattern === 'split-shipment').map((p) => p.waybillNumber);
    expect(planted.every((w) => selected.has(w))).toBe(true);
    // few ordinary parcels besides them (precision at least 0.8)
    expect(planted.length / selected.size).toBeGreaterThanOrEqual(0.8);
  });

  it('give a passenger the PNR facts only once the PNR is there, and count transits and companions', () => {
    const apis = passengers.apis[0];
    const pnr = passengers.pnrs.find((p) => p.passengers.some((x) => x.travelDocumentNumber === apis.travelDocument.number))!;
    const before = passengerFacts(apis, null);
    expect(before).toMatchObject({ pnrReceived: 'NO', bookingDaysBeforeDeparture: null, companions: null });
    const after = passengerFacts(apis, pnr);
    expect(after.pnrReceived).toBe('YES');
    expect(after.companions).toBe(pnr.passengers.length - 1);
    // a round trip from Korea: the return journey began abroad, not at the outbound departure
    const arriving = pnr.itinerary.findIndex((s) => s.flightNumber === apis.flightNumber);
    expect(after.originCountry).toBe(pnr.itinerary[arriving].fromCountry);
    expect(after.ageYears).toBe(ageOn(apis.dateOfBirth, apis.flightDate));
  });

  it('let the drug-courier criterion select the planted couriers once their PNR arrives, and none on APIS alone', () => {
    const engine = SelectivityEngine.compile([courier]);
    const matched = pnrsOfPassengers(passengers.apis, passengers.pnrs);
    const pnrOf = (a: ApisPassenger) => matched.get(a.passengerRecordId)?.pnr ?? null;
    const fires = (a: ApisPassenger, pnr: PnrRecord | null) => engine.evaluateFacts('PASSENGER', passengerFacts(a, pnr), a.flightDate, a.arrivalOfficeId).fired.length > 0;
    expect(passengers.apis.filter((a) => fires(a, null))).toEqual([]);
    const selected = passengers.apis.filter((a) => fires(a, pnrOf(a))).map((a) => a.passengerRecordId);
    const planted = passengers.planted.filter((p) => p.pattern === 'drug-courier').map((p) => p.passengerRecordId);
    expect(planted.length).toBeGreaterThan(0);
    expect(planted.every((id) => selected.includes(id))).toBe(true);
    expect(planted.length / selected.length).toBeGreaterThanOrEqual(0.8);
  });

  it('follow connections of at most a day back from the arriving flight for origin and transits', () => {
    const apis = passengers.apis[0];
    const seg = (flightNumber: string, from: string, fromCountry: string, to: string, toCountry: string, departureDate: string) => ({ flightNumber, from, fromCountry, to, toCountry, departureDate });
    const pnr: PnrRecord = {
      bookingReference: 'ABC123', bookingDate: '2026-11-18', formOfPayment: 'CASH', lengthOfStayDays: 3, bags: 1,
      passengers: [{ surname: 'X', givenNames: 'Y', travelDocumentNumber: apis.travelDocument.number }],
      itinerary: [
        seg('KE0651', 'ICN', 'KR', 'BKK', 'TH', '2026-11-20'),
        seg('VN0612', 'BKK', 'TH', 'SGN', 'VN', '2026-11-30'),
        seg(apis.flightNumber, 'SGN', 'VN', 'ICN', 'KR', apis.flightDate),
      ],
    };
    // BKK -> SGN on 30 Nov connects (1 day) to the 1 Dec flight; the 20 Nov outbound does not
    expect(passengerFacts(apis, pnr)).toMatchObject({ originCountry: 'TH', transitCountries: 'VN', transitCount: 1, bookingDaysBeforeDeparture: 2 });
  });

  it('compute age in completed years', () => {
    expect(ageOn('2000-12-07', '2026-12-06')).toBe(25);
    expect(ageOn('2000-12-06', '2026-12-06')).toBe(26);
  });
});
