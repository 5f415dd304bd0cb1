import { MAX_PNR_PASSENGERS, MAX_PNR_SEGMENTS, validatePnrRecord } from './pnr';
import { samplePnrRecord } from './passenger.mock';

function errorsOf(input: unknown): string[] {
  const result = validatePnrRecord(input);
  return result.ok ? [] : result.errors;
}

function errorsWith(changes: Record<string, unknown>): string[] {
  const input: Record<string, unknown> = samplePnrRecord() as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) delete input[field];
    else input[field] = value;
  }
  return errorsOf(input);
}

/** The sample with segment `i` changed. */
function withSegment(i: number, changes: Record<string, unknown>): unknown {
  const pnr = samplePnrRecord();
  return { ...pnr, itinerary: pnr.itinerary.map((s, j) => (j === i ? { ...s, ...changes } : s)) };
}

describe('validatePnrRecord', () => {
  it('accepts a valid record and returns a fresh copy', () => {
    const input = samplePnrRecord();
    const result = validatePnrRecord(input);
    expect(result).toEqual({ ok: true, value: input });
    if (result.ok) {
      expect(result.value.itinerary).not.toBe(input.itinerary);
      expect(result.value.passengers[0]).not.toBe(input.passengers[0]);
    }
  });

  it.each([
    [{ lengthOfStayDays: null }], [{ lengthOfStayDays: 0 }], [{ bags: 0 }], [{ formOfPayment: 'MILES' }],
    [{ passengers: [{ surname: 'LEE', givenNames: '', travelDocumentNumber: null }] }],
    [{ bookingDate: '2026-11-30' }],
  ])('accepts %p', (changes) => expect(errorsWith(changes)).toEqual([]));

  it('reports every missing field and unknown properties', () => {
    expect(errorsOf({})).toHaveLength(7);
    expect(errorsWith({ bags: undefined })).toEqual(['bags is required']);
    expect(errorsWith({ lengthOfStayDays: undefined })).toEqual(['lengthOfStayDays is required (null when not known)']);
    expect(errorsWith({ fare: 100 })).toEqual(['property fare should not exist']);
    expect(errorsOf(withSegment(1, { cabin: 'Y' }))).toEqual(['property itinerary[1].cabin should not exist']);
  });

  it.each([
    [{ bookingReference: 'X7K2Q' }, 'bookingReference must be a record locator (6 capital letters or digits): X7K2Q'],
    [{ bookingDate: '2026-13-01' }, 'bookingDate must be a real calendar date: 2026-13-01'],
    [{ formOfPayment: 'cash' }, 'formOfPayment must be one of CASH, CARD, INVOICE, MILES, OTHER: cash'],
    [{ passengers: [] }, 'passengers must not be empty'],
    [{ itinerary: [] }, 'itinerary must not be empty'],
    [{ passengers: [{ surname: 'LEE', givenNames: 'A', travelDocumentNumber: 'm123' }] }, 'passengers[0].travelDocumentNumber must be 1-20 capital letters or digits: m123 (or null)'],
    [{ passengers: [{ surname: 'LEE', givenNames: 'A' }] }, 'passengers[0].travelDocumentNumber is required (null when not known)'],
    [{ lengthOfStayDays: -1 }, 'lengthOfStayDays must be between 0 and 3650 days: -1 (or null)'],
    [{ lengthOfStayDays: 2.5 }, 'lengthOfStayDays must be an integer (days): 2.5 (or null)'],
    [{ bags: -1 }, 'bags must be between 0 and 99 bags: -1'],
    [{ bags: NaN }, 'bags must be a finite number (bags): NaN'],
    [{ bags: '1' }, 'bags must be a number (bags), got the string "1"'],
    [{ bookingDate: '2026-12-01' }, 'bookingDate must not be after the first departure 2026-11-30: 2026-12-01'],
  ])('rejects %p', (changes, message) => expect(errorsWith(changes)).toEqual([message]));

  it.each([
    [0, { fromCountry: 'VNM' }, 'itinerary[0].fromCountry must be an ISO 3166-1 alpha-2 country code: VNM'],
    [1, { to: 'BKK' }, 'itinerary[1].to must differ from from: BKK'],
    [1, { departureDate: '2026-11-29' }, "itinerary[1].departureDate must not be before the previous segment's 2026-11-30: 2026-11-29"],
    [2, { flightNumber: '' }, 'itinerary[2].flightNumber must be a flight number (airline designator, 1-4 digits, optional suffix letter): ""'],
  ])('rejects segment %i changed to %p', (i, changes, message) => expect(errorsOf(withSegment(i, changes))).toEqual([message]));

  it('rejects oversized passenger and segment lists', () => {
    const pnr = samplePnrRecord();
    expect(errorsWith({ passengers: Array(MAX_PNR_PASSENGERS + 1).fill(pnr.passengers[0]) }))
      .toEqual([`passengers must have at most ${MAX_PNR_PASSENGERS} elements, got ${MAX_PNR_PASSENGERS + 1}`]);
    expect(errorsWith({ itinerary: Array(MAX_PNR_SEGMENTS + 1).fill(pnr.itinerary[0]) }))
      .toEqual([`itinerary must have at most ${MAX_PNR_SEGMENTS} elements, got ${MAX_PNR_SEGMENTS + 1}`]);
  });
});
