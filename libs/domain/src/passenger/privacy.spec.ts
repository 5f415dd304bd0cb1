import { sampleApisPassenger, samplePnrRecord } from './passenger.mock';
import { depersonalisePnr, maskApisPassenger, maskDocumentNumber, maskName, maskPnrRecord, pnrDepersonaliseOn } from './privacy';

describe('passenger privacy', () => {
  it('masks names to initials and document numbers to their last three characters', () => {
    expect(maskName('KIM')).toBe('K***');
    expect(maskName('')).toBe('');
    expect(maskDocumentNumber('M37090214')).toBe('***214');
    expect(maskDocumentNumber('AB')).toBe('***');
  });

  it('shows a masked APIS record without the name, the document or the birth date anywhere in it', () => {
    const p = sampleApisPassenger();
    const masked = maskApisPassenger(p);
    const text = JSON.stringify(masked);
    for (const secret of [p.surname, p.givenNames, p.travelDocument.number, p.dateOfBirth]) expect(text).not.toContain(secret);
    expect(masked).toMatchObject({ nationality: p.nationality, sex: p.sex, flightNumber: p.flightNumber, seat: p.seat });
    expect(masked.dateOfBirth).toBe(`${p.dateOfBirth.slice(0, 4)}-**-**`);
  });

  it('masks every traveller of a PNR and keeps the booking facts', () => {
    const pnr = samplePnrRecord();
    const masked = maskPnrRecord(pnr);
    for (const t of pnr.passengers) expect(JSON.stringify(masked)).not.toContain(t.surname);
    expect(masked).toMatchObject({ bookingReference: pnr.bookingReference, bookingDate: pnr.bookingDate, itinerary: pnr.itinerary, formOfPayment: pnr.formOfPayment });
  });

  it('depersonalises a PNR for good after the retention, six months by default', () => {
    expect(pnrDepersonaliseOn('2026-06-05')).toBe('2026-12-05');
    expect(pnrDepersonaliseOn('2026-08-31')).toBe('2027-02-28');
    expect(pnrDepersonaliseOn('2027-08-31')).toBe('2028-02-29');
    expect(pnrDepersonaliseOn('2026-01-15', 1)).toBe('2026-02-15');
    expect(() => pnrDepersonaliseOn('2026-01-15', 0)).toThrow(RangeError);
    const pnr = samplePnrRecord();
    const gone = depersonalisePnr(pnr);
    expect(gone.passengers).toHaveLength(pnr.passengers.length);
    expect(gone.passengers.every((t) => t.surname === '***' && t.givenNames === '***' && t.travelDocumentNumber === null)).toBe(true);
    expect(gone.itinerary).toEqual(pnr.itinerary);
  });
});
