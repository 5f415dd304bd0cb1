import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApisPassenger } from './apis';
import type { PnrRecord } from './pnr';
import { pnrsOfPassengers } from './pnr-matching';

const sample = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../e2e/fixtures/passenger-sample.json'), 'utf8')) as { apis: ApisPassenger[]; pnrs: PnrRecord[] };

describe('pnrsOfPassengers', () => {
  it('finds the booking of every passenger of the synthetic sample by document and flight', () => {
    const matched = pnrsOfPassengers(sample.apis, sample.pnrs);
    expect(matched.size).toBe(sample.apis.length);
    for (const p of sample.apis) {
      const { pnr } = matched.get(p.passengerRecordId)!;
      expect(pnr.passengers.map((t) => t.travelDocumentNumber)).toContain(p.travelDocument.number);
      expect(pnr.itinerary.some((s) => s.flightNumber === p.flightNumber && s.departureDate === p.flightDate)).toBe(true);
    }
  });

  it('prefers the booking made last and names the others; ignores bookings of other flights', () => {
    const p = sample.apis[0];
    const { pnr } = pnrsOfPassengers([p], sample.pnrs).get(p.passengerRecordId)!;
    const later = { ...pnr, bookingReference: 'ZZZ999', bookingDate: pnr.bookingDate };
    const otherFlight = { ...pnr, bookingReference: 'OTH111', itinerary: pnr.itinerary.map((s) => ({ ...s, flightNumber: 'XX0001' })) };
    const got = pnrsOfPassengers([p], [pnr, later, otherFlight]).get(p.passengerRecordId)!;
    expect(got.pnr.bookingReference).toBe('ZZZ999');
    expect(got.otherBookings).toEqual([pnr.bookingReference]);
    expect(pnrsOfPassengers([p], [otherFlight]).size).toBe(0);
  });
});
