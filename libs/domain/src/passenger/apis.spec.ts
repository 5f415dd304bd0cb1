import { passengerRecordIdOf, validateApisPassenger } from './apis';
import { sampleApisPassenger } from './passenger.mock';

function errorsOf(input: unknown): string[] {
  const result = validateApisPassenger(input);
  return result.ok ? [] : result.errors;
}

/** The errors of the sample with some fields replaced (`undefined` deletes a field). */
function errorsWith(changes: Record<string, unknown>): string[] {
  const input: Record<string, unknown> = sampleApisPassenger() as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) delete input[field];
    else input[field] = value;
  }
  return errorsOf(input);
}

/** The sample with a new document, its record id kept consistent. */
function withDocument(changes: Record<string, unknown>): Record<string, unknown> {
  const p = sampleApisPassenger();
  const travelDocument = { ...p.travelDocument, ...changes };
  return { ...p, travelDocument, passengerRecordId: passengerRecordIdOf(p.flightNumber, p.flightDate, travelDocument as typeof p.travelDocument) };
}

describe('validateApisPassenger', () => {
  it('accepts a valid record and returns a fresh copy', () => {
    const input = sampleApisPassenger();
    const result = validateApisPassenger(input);
    expect(result).toEqual({ ok: true, value: input });
    if (result.ok) expect(result.value.travelDocument).not.toBe(input.travelDocument);
  });

  it('derives the stable record id from flight, date and document', () => {
    expect(passengerRecordIdOf('TG0658', '2026-12-01', { issuingCountry: 'TH', number: 'AB1234567' })).toBe('TG0658-2026-12-01-THAB1234567');
  });

  it.each([
    [{ seat: null }], [{ givenNames: '' }], [{ surname: "O'NEILL-SMITH" }], [{ surname: '김' }], [{ sex: 'X' }],
  ])('accepts %p', (changes) => expect(errorsWith(changes)).toEqual([]));

  it('rejects non-objects', () => {
    expect(errorsOf(null)).toEqual(['APIS passenger must be an object, got null']);
    expect(errorsOf([])).toEqual(['APIS passenger must be an object, got an array']);
  });

  it('reports every missing field and unknown properties, also inside the document', () => {
    expect(errorsOf({})).toHaveLength(13);
    expect(errorsWith({ surname: undefined })).toEqual(['surname is required']);
    expect(errorsWith({ seat: undefined })).toEqual(['seat is required (null when not known)']);
    expect(errorsWith({ risk: 3 })).toEqual(['property risk should not exist']);
    expect(errorsOf({ ...sampleApisPassenger(), travelDocument: { ...sampleApisPassenger().travelDocument, mrz: 'x' } }))
      .toEqual(['property travelDocument.mrz should not exist']);
    expect(errorsWith({ travelDocument: 'AB1234567' })).toEqual(['travelDocument must be an object, got string']);
    expect(errorsWith({ travelDocument: undefined })).toEqual(['travelDocument is required']);
  });

  it.each([
    [{ flightNumber: 'TG 658' }, 'flightNumber must be a flight number'],
    [{ flightDate: '2026-11-31' }, 'flightDate must be a real calendar date: 2026-11-31'],
    [{ arrivalAirport: 'icn' }, 'arrivalAirport must be a three-letter IATA airport code: icn'],
    [{ nationality: 'THA' }, 'nationality must be an ISO 3166-1 alpha-2 country code: THA'],
    [{ dateOfBirth: '17/03/1994' }, 'dateOfBirth must be an ISO date YYYY-MM-DD'],
    [{ sex: 'U' }, 'sex must be one of M, F, X: U'],
    [{ surname: 'SMITH3' }, 'surname must be letters, spaces, hyphens, apostrophes or periods'],
    [{ surname: '' }, 'surname must not be empty'],
    [{ seat: '34' }, 'seat must be a seat (row 1-999 and a letter A-K): 34 (or null)'],
    [{ arrivalOfficeId: '040' }, 'arrivalOfficeId must be a customs office code'],
    [{ passengerRecordId: 'TG0658-2026-12-01-THXX' }, 'passengerRecordId must be flight-date-document (TG0658-2026-12-01-THAB1234567): TG0658-2026-12-01-THXX'],
    [{ departureAirport: 'ICN' }, 'departureAirport must differ from arrivalAirport: ICN'],
    [{ dateOfBirth: '2026-12-02' }, 'dateOfBirth must not be after flightDate 2026-12-01: 2026-12-02'],
    [{ flightDate: '2031-01-01', passengerRecordId: 'TG0658-2031-01-01-THAB1234567', dateOfBirth: '1900-12-31' }, 'dateOfBirth must be at most 130 years before flightDate 2031-01-01: 1900-12-31'],
  ])('rejects %p', (changes, message) => {
    const errors = errorsWith(changes);
    expect(errors).toHaveLength(1);
    expect(errors[0].startsWith(message)).toBe(true);
  });

  it.each([
    [{ type: 'V' }, 'travelDocument.type must be one of P, I, O: V'],
    [{ number: 'ab123' }, 'travelDocument.number must be 1-20 capital letters or digits: ab123'],
    [{ issuingCountry: 'UK' }, 'travelDocument.issuingCountry must be an ISO 3166-1 alpha-2 country code: UK'],
    [{ expiry: '2030-02-29' }, 'travelDocument.expiry must be a real calendar date: 2030-02-29'],
    [{ expiry: '1990-01-01' }, 'travelDocument.expiry must be after dateOfBirth 1994-03-17: 1990-01-01'],
  ])('rejects the document %p', (changes, message) => {
    expect(errorsOf(withDocument(changes))).toEqual([message]);
  });

  it('accepts an expired document (a risk signal, not malformed data)', () => {
    expect(errorsOf(withDocument({ expiry: '2025-01-01' }))).toEqual([]);
  });
});
