import { validateCriterion, CriterionValidationError } from './criterion';
import { SelectivityEngine } from './selectivity-engine';
import { ageBand, documentOf, FACT_SPECS_BY_DOCUMENT } from './target-documents';
import { mockCriterion, mockDeclaration } from './testing/declaration.mock';
import { drugCourierCriterion, splitShipmentCriterion } from './testing/document-criteria.mock';

const splitShipment = splitShipmentCriterion;
const courier = drugCourierCriterion;
const anyImport = mockCriterion({ id: 'CEN-TAX-009', lane: 'YELLOW', conditions: { all: [{ fact: 'taxRate', operator: 'greaterThanInclusive', value: 0 }] } });

const waybill = {
  waybillNumber: 'EX1000000001', manifestId: 'M1', voyage: 'KE0852', transportMode: 'AIR', arrivalDate: '2026-12-06', logisticsCentreId: '40',
  courierId: 'DHL', shipperName: 'Shop', shipperCountry: 'CN', consigneeName: 'Kim', consigneeId: 'P123456789012', consigneeKind: 'PERSONAL',
  consigneeAddress: 'Seoul', goodsDescription: 't-shirt', quantity: 1, grossWeightKg: 0.4, declaredValueUsd: 140, valuePerKgUsd: 350, originCountry: 'CN',
  consigneeWaybillsInManifest: 4, consigneeValueInManifestUsd: 560, addressWaybillsInManifest: 4, addressValueInManifestUsd: 560,
};
const passengerBeforePnr = {
  passengerRecordId: 'P1', flightNumber: 'TG656', flightDate: '2026-12-06', arrivalOfficeId: '40', departureAirport: 'BKK', nationality: 'TH', sex: 'F',
  ageYears: 27, ageBand: '25-34', documentType: 'P', documentIssuingCountry: 'TH', pnrReceived: 'NO', originCountry: null, transitCountries: null,
  transitCount: null, bookingDaysBeforeDeparture: null, formOfPayment: null, companions: null, lengthOfStayDays: null, bags: null,
};
const passengerWithPnr = { ...passengerBeforePnr, pnrReceived: 'YES', originCountry: 'TH', transitCountries: '', transitCount: 0, bookingDaysBeforeDeparture: 2, formOfPayment: 'CASH', companions: 0, lengthOfStayDays: 3, bags: 1 };

describe('target documents', () => {
  it('reads a criterion without targetDocument as an import-declaration criterion', () => {
    expect(documentOf(anyImport)).toBe('IMPORT_DECLARATION');
    expect(documentOf(splitShipment)).toBe('EXPRESS_MANIFEST');
  });

  it("checks conditions against the target document's own facts", () => {
    expect(() => validateCriterion(splitShipment)).not.toThrow();
    expect(() => validateCriterion(courier)).not.toThrow();
    // taxRate is a declaration fact, not a waybill's
    const wrong = { ...splitShipment, conditions: { all: [{ fact: 'taxRate', operator: 'greaterThan', value: 1 }] } };
    expect(() => validateCriterion(wrong)).toThrow(/conditions.all\[0\].fact: unknown fact "taxRate"/);
    // a number fact with a string operator is refused for the new documents as for declarations
    const badOp = { ...courier, conditions: { all: [{ fact: 'companions', operator: 'containsAnyKeyword', value: ['a'] }] } };
    expect(() => validateCriterion(badOp)).toThrow(CriterionValidationError);
    expect(() => validateCriterion({ ...anyImport, targetDocument: 'CONTAINER' })).toThrow(/targetDocument: must be one of IMPORT_DECLARATION, EXPRESS_MANIFEST, PASSENGER/);
  });

  it('screens each document only with its own criteria', () => {
    const engine = SelectivityEngine.compile([splitShipment, courier, anyImport]);
    expect(engine.evaluateNow(mockDeclaration()).fired.map((f) => f.id)).toEqual(['CEN-TAX-009']);
    const onWaybill = engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2026-12-06', '40');
    expect(onWaybill.fired.map((f) => f.id)).toEqual(['CEN-EXP-001']);
    expect(onWaybill.lane).toBe('YELLOW');
    expect(engine.evaluateFacts('EXPRESS_MANIFEST', { ...waybill, addressWaybillsInManifest: 1, addressValueInManifestUsd: 140 }, '2026-12-06', '40').fired).toEqual([]);
  });

  it('fires a PNR criterion only once the PNR has arrived', () => {
    const engine = SelectivityEngine.compile([courier]);
    expect(engine.evaluateFacts('PASSENGER', passengerBeforePnr, '2026-12-06', '40').fired).toEqual([]);
    const withPnr = engine.evaluateFacts('PASSENGER', passengerWithPnr, '2026-12-06', '40');
    expect(withPnr.lane).toBe('RED');
    expect(withPnr.fired[0].conditions.map((c) => [c.fact, c.actual, c.result])).toEqual([
      ['bookingDaysBeforeDeparture', 2, true],
      ['companions', 0, true],
      ['lengthOfStayDays', 3, true],
      ['formOfPayment', 'CASH', true],
    ]);
  });

  it('keeps the validity window and office of local criteria for every document', () => {
    const local = { ...splitShipment, id: 'LOC-20-001', scope: 'LOCAL' as const, officeId: '20' };
    const engine = SelectivityEngine.compile([local]);
    expect(engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2026-12-06', '40').fired).toEqual([]);
    expect(engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2026-12-06', '20').fired).toHaveLength(1);
    expect(engine.evaluateFacts('EXPRESS_MANIFEST', waybill, '2100-01-01', '20').fired).toEqual([]);
  });

  it('bands ages as passenger criteria name them', () => {
    expect([0, 17, 18, 24, 25, 34, 35, 44, 55, 64, 65, 90].map(ageBand)).toEqual(['0-17', '0-17', '18-24', '18-24', '25-34', '25-34', '35-44', '35-44', '55-64', '55-64', '65+', '65+']);
    expect(() => ageBand(-1)).toThrow(RangeError);
  });

  it('describes every fact of every document with a type and a description', () => {
    for (const specs of Object.values(FACT_SPECS_BY_DOCUMENT)) {
      for (const spec of Object.values(specs)) {
        expect(['string', 'number']).toContain(spec.type);
        expect(spec.description.length).toBeGreaterThan(3);
      }
    }
  });
});
