import type { ApisPassenger, PnrRecord } from '@customs/domain';
import { bookingDocuments, bookingParties, normaliseShipperName, parsePartyKey, PartyNetwork, shipperPartyId, waybillParties } from './index';

/** An APIS record on KE0652 of 2026-12-01 (only the fields the matching reads matter). */
function apis(documentNumber: string, flightNumber = 'KE0652', flightDate = '2026-12-01'): ApisPassenger {
  return {
    passengerRecordId: `${flightNumber}-${flightDate}-KR${documentNumber}`, flightNumber, flightDate, arrivalAirport: 'ICN', departureAirport: 'BKK',
    surname: 'KIM', givenNames: 'MINJI', nationality: 'KR', dateOfBirth: '1990-01-01', sex: 'F',
    travelDocument: { type: 'P', number: documentNumber, issuingCountry: 'KR', expiry: '2030-01-01' }, seat: '1A', arrivalOfficeId: '40',
  };
}

/** A booking of these document numbers on KE0652 of 2026-12-01. */
function pnr(bookingReference: string, documentNumbers: Array<string | null>): PnrRecord {
  return {
    bookingReference, bookingDate: '2026-11-20', formOfPayment: 'CARD',
    passengers: documentNumbers.map((travelDocumentNumber) => ({ surname: 'KIM', givenNames: 'MINJI', travelDocumentNumber })),
    itinerary: [{ flightNumber: 'KE0652', from: 'BKK', fromCountry: 'TH', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-01' }],
    lengthOfStayDays: 5, bags: 2,
  };
}

describe('express waybill parties', () => {
  it('keys a shipper by its normalised name and country, without free text in the key', () => {
    expect(normaliseShipperName(' Shenzhen  Trading Co., Ltd. ')).toBe('SHENZHEN TRADING CO LTD');
    const id = shipperPartyId('Shenzhen Trading Co., Ltd.', 'cn');
    expect(id).toMatch(/^CN[0-9A-F]{16}$/);
    expect(shipperPartyId('SHENZHEN TRADING CO LTD', 'CN')).toBe(id);
    expect(shipperPartyId('ＳＨＥＮＺＨＥＮ Trading Co Ltd', 'CN')).toBe(id); // full-width letters (NFKC)
    expect(shipperPartyId('Shenzhen Trading Co., Ltd.', 'HK')).not.toBe(id.replace(/^CN/, 'HK'));
    expect(shipperPartyId('Shenzhen Trading Co., Ltd.', 'HK')).not.toBe(id);
  });

  it('names the courier (the declarations\' courier node), the shipper and the consignee, every key well formed', () => {
    const parties = waybillParties({ courierId: 'EXKR01', shipperName: 'Acme', shipperCountry: 'US', consigneeId: 'P123456789012' });
    expect(parties).toEqual(['COURIER:EXKR01', `SHIPPER:${shipperPartyId('Acme', 'US')}`, 'CONSIGNEE:P123456789012']);
    for (const key of parties) expect(parsePartyKey(key)).not.toBeNull();
  });
});

describe('booking documents', () => {
  const travellers = [
    { passengerId: 'PAX-000000000000000A', record: apis('M1') },
    { passengerId: 'PAX-000000000000000B', record: apis('M2') },
    { passengerId: 'PAX-000000000000000C', record: apis('M3', 'OZ0370') },
  ];

  it('links the travellers of a booking with known APIS records by opaque id, dated their flight; a booking of one is left out', () => {
    const documents = bookingDocuments([pnr('BKAB12', ['M1', 'M2', 'M9', null]), pnr('SOLO01', ['M3']), pnr('BKAB12', ['M1', 'M2'])], travellers);
    expect(documents).toEqual([{ documentId: 'PNR-BKAB12', date: '2026-12-01', parties: ['PASSENGER:PAX-000000000000000A', 'PASSENGER:PAX-000000000000000B'] }]);
    // M3 flies OZ0370, not on the booking's itinerary: no companion even if the number matched.
    expect(bookingDocuments([pnr('BKCD34', ['M1', 'M3'])], travellers)).toEqual([]);
    expect(JSON.stringify(documents)).not.toMatch(/M1|M2|KIM|MINJI/);
    expect(bookingParties(['PAX-000000000000000B', 'PAX-000000000000000A', 'PAX-000000000000000B'])).toEqual(['PASSENGER:PAX-000000000000000A', 'PASSENGER:PAX-000000000000000B']);
  });

  it('adds to the network like a declaration: companions linked once however often the booking is added', () => {
    const network = new PartyNetwork();
    const [booking] = bookingDocuments([pnr('BKAB12', ['M1', 'M2'])], travellers);
    expect(network.addDocument(booking)).toBe(true);
    expect(network.addDocument({ ...booking })).toBe(false);
    const graph = network.graphAsOf('2026-12-02');
    expect(graph.getEdgeAttribute(graph.edge('PASSENGER:PAX-000000000000000A', 'PASSENGER:PAX-000000000000000B'), 'weight')).toBe(1);
    expect(graph.getNodeAttributes('PASSENGER:PAX-000000000000000A')).toEqual({ role: 'PASSENGER', id: 'PAX-000000000000000A' });
    expect(() => network.addDocument({ ...booking, date: '2026-12-02' })).toThrow(/PNR-BKAB12 was added before/);
  });
});
