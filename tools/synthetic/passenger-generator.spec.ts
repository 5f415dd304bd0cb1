import { type ApisPassenger, type PnrRecord, validateApisPassenger, validatePnrRecord } from '@customs/domain';
import { generatePassengers, plantedPerFlight } from './passenger-generator';
import { ageOn, daysBetween } from './random';

const OPTIONS = { flights: 5, passengersPerFlight: 150, date: '2026-12-01' };

describe('generatePassengers', () => {
  const generated = generatePassengers(7, OPTIONS);
  const byId = new Map(generated.apis.map((p) => [p.passengerRecordId, p]));
  const bookingsOf = (p: ApisPassenger): PnrRecord[] => generated.pnrs.filter((b) => b.passengers.some((x) => x.travelDocumentNumber === p.travelDocument.number));
  const plantedAs = (pattern: string): ApisPassenger[] =>
    generated.planted.filter((x) => x.pattern === pattern).map((x) => byId.get(x.passengerRecordId) as ApisPassenger);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generatePassengers(7, OPTIONS))).toBe(JSON.stringify(generated));
    expect(JSON.stringify(generatePassengers(8, OPTIONS).apis)).not.toBe(JSON.stringify(generated.apis));
  });

  it('produces APIS records and PNRs the domain validators accept', () => {
    for (const p of generated.apis) expect(validateApisPassenger(p)).toEqual({ ok: true, value: p });
    for (const b of generated.pnrs) expect(validatePnrRecord(b)).toEqual({ ok: true, value: b });
    const big = generatePassengers(3, { flights: 20, passengersPerFlight: 30, date: '2028-02-29' });
    expect([...big.apis.map(validateApisPassenger), ...big.pnrs.map(validatePnrRecord)].every((v) => v.ok)).toBe(true);
  });

  it('fills every flight exactly, with unique record ids, each passenger named by a booking arriving on the flight', () => {
    expect(generated.apis).toHaveLength(OPTIONS.flights * OPTIONS.passengersPerFlight);
    expect(new Set(generated.apis.map((p) => p.passengerRecordId)).size).toBe(generated.apis.length);
    const flights = new Set(generated.apis.map((p) => p.flightNumber));
    expect(flights.size).toBe(OPTIONS.flights);
    for (const p of generated.apis) {
      const bookings = bookingsOf(p);
      expect(bookings.length).toBeGreaterThanOrEqual(1);
      expect(bookings.some((b) => b.itinerary.some((s) => s.flightNumber === p.flightNumber && s.to === 'ICN' && s.departureDate === p.flightDate))).toBe(true);
    }
  });

  it('plants couriers and companion links in the stated share on every flight', () => {
    const perFlight = plantedPerFlight(OPTIONS.passengersPerFlight);
    expect(perFlight).toEqual({ 'drug-courier': 3, 'companion-link': 2 });
    expect(plantedAs('drug-courier')).toHaveLength(OPTIONS.flights * perFlight['drug-courier']);
    expect(plantedAs('companion-link')).toHaveLength(OPTIONS.flights * perFlight['companion-link']);
    expect(plantedPerFlight(10)).toEqual({ 'drug-courier': 0, 'companion-link': 0 });
  });

  it('drug couriers: booked 1-4 days ahead, aged 20-35 or 50-65, from a source region via a transit, alone, cash, 1-4 days, 0-1 bag', () => {
    for (const courier of plantedAs('drug-courier')) {
      const own = bookingsOf(courier).find((b) => b.passengers.length === 1) as PnrRecord;
      expect(own).toBeDefined();
      const lead = daysBetween(own.bookingDate, own.itinerary[0].departureDate);
      expect(lead).toBeGreaterThanOrEqual(1);
      expect(lead).toBeLessThanOrEqual(4);
      const age = ageOn(courier.dateOfBirth, courier.flightDate);
      expect((age >= 20 && age <= 35) || (age >= 50 && age <= 65)).toBe(true);
      expect(['TH', 'VN', 'PH', 'MX', 'CA', 'NL']).toContain(own.itinerary[0].fromCountry);
      expect(own.itinerary[0].to).toBe(courier.departureAirport); // the transit
      expect(own.formOfPayment).toBe('CASH');
      expect(own.lengthOfStayDays).toBeGreaterThanOrEqual(1);
      expect(own.lengthOfStayDays).toBeLessThanOrEqual(4);
      expect(own.bags).toBeLessThanOrEqual(1);
    }
  });

  it('companion links: a second booking names a courier by the same document, with the companion on the same flight', () => {
    const couriers = plantedAs('drug-courier');
    for (const companion of plantedAs('companion-link')) {
      const [shared] = bookingsOf(companion);
      expect(shared.passengers).toHaveLength(2);
      const courier = couriers.find((c) => shared.passengers.some((x) => x.travelDocumentNumber === c.travelDocument.number)) as ApisPassenger;
      expect(courier).toBeDefined();
      expect(courier.flightNumber).toBe(companion.flightNumber);
      expect(bookingsOf(courier)).toHaveLength(2);
    }
  });

  it('ordinary bookings: weeks ahead, never cash, stays of 3-20 days (null for residents coming home)', () => {
    const plantedDocs = new Set([...plantedAs('drug-courier'), ...plantedAs('companion-link')].map((p) => p.travelDocument.number));
    const ordinary = generated.pnrs.filter((b) => !b.passengers.some((x) => plantedDocs.has(x.travelDocumentNumber as string)));
    expect(ordinary.length).toBeGreaterThan(0);
    for (const b of ordinary) {
      expect(daysBetween(b.bookingDate, b.itinerary[0].departureDate)).toBeGreaterThanOrEqual(14);
      expect(b.formOfPayment).not.toBe('CASH');
      if (b.lengthOfStayDays === null) expect(b.itinerary[0].from).toBe('ICN');
      else {
        expect(b.lengthOfStayDays).toBeGreaterThanOrEqual(3);
        expect(b.lengthOfStayDays).toBeLessThanOrEqual(20);
      }
    }
    expect(ordinary.some((b) => b.passengers.length >= 3)).toBe(true); // families and groups
  });

  it('refuses bad options', () => {
    expect(() => generatePassengers(1, { ...OPTIONS, flights: 0 })).toThrow(RangeError);
    expect(() => generatePassengers(1, { ...OPTIONS, passengersPerFlight: 601 })).toThrow(RangeError);
    expect(() => generatePassengers(1, { ...OPTIONS, date: '01/12/2026' })).toThrow(RangeError);
  });
});
