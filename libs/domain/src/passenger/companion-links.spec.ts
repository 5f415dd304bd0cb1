import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApisPassenger } from './apis';
import { companionLinks } from './companion-links';
import type { PnrRecord } from './pnr';

const sample = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../e2e/fixtures/passenger-sample.json'), 'utf8')) as {
  apis: ApisPassenger[];
  pnrs: PnrRecord[];
  planted: Array<{ passengerRecordId: string; pattern: string }>;
};

describe('companionLinks', () => {
  const byId = new Map(sample.apis.map((a) => [a.passengerRecordId, a]));
  const couriers = sample.planted.filter((p) => p.pattern === 'drug-courier').map((p) => byId.get(p.passengerRecordId)!);
  const companions = sample.planted.filter((p) => p.pattern === 'companion-link').map((p) => byId.get(p.passengerRecordId)!);

  it('links the planted companions to the couriers once the couriers are watched, and nobody else', () => {
    const watched = couriers.map((c) => ({ travelDocumentNumber: c.travelDocument.number, reason: 'seizure of methamphetamine', sourceId: `IC-${c.passengerRecordId}` }));
    const links = companionLinks(sample.pnrs, watched);
    expect(companions.length).toBeGreaterThan(0);
    expect([...links.keys()].sort()).toEqual(companions.map((c) => c.travelDocument.number).sort());
    const one = links.get(companions[0].travelDocument.number)![0];
    expect(couriers.map((c) => c.travelDocument.number)).toContain(one.watched.travelDocumentNumber);
    const booking = sample.pnrs.find((p) => p.bookingReference === one.bookingReference)!;
    expect(booking.passengers.map((t) => t.travelDocumentNumber)).toEqual(expect.arrayContaining([one.travelDocumentNumber, one.watched.travelDocumentNumber]));
  });

  it('links nobody when nobody is watched, and never a watched person to themselves', () => {
    expect(companionLinks(sample.pnrs, []).size).toBe(0);
    const solo: PnrRecord = { ...sample.pnrs[0], passengers: [{ surname: 'LEE', givenNames: 'A', travelDocumentNumber: 'X1' }] };
    expect(companionLinks([solo], [{ travelDocumentNumber: 'X1', reason: 'r', sourceId: 's' }]).size).toBe(0);
  });
});
