import {
  checkFields, countryCode, type DocumentValidation, type FieldCheck, flightNumber, iataAirport, isoDate, matching,
  nullable, officeCode, oneOf, pick, show, stringTypeProblem,
} from '../field-checks';

/** Travel document types of an APIS record: P passport, I identity card, O other. */
export const TRAVEL_DOCUMENT_TYPES = ['P', 'I', 'O'] as const;
/** Sex as on the travel document (ICAO 9303): M, F, or X unspecified. */
export const SEXES = ['M', 'F', 'X'] as const;
/** Oldest age a passenger may have on the flight date, in years. */
export const MAX_PASSENGER_AGE_YEARS = 130;

/** The travel document a passenger travels on, as in the APIS record. */
export interface TravelDocument {
  /** P passport, I identity card, O other. */
  type: (typeof TRAVEL_DOCUMENT_TYPES)[number];
  /** Document number: 1-20 capital letters or digits. */
  number: string;
  /** Issuing country (or organisation), ISO 3166-1 alpha-2. */
  issuingCountry: string;
  /** Expiry date, `YYYY-MM-DD` (after the date of birth; an expired document is data, not an error). */
  expiry: string;
}

/**
 * One passenger of an arriving flight as sent by the airline in the Advance Passenger
 * Information (APIS) list, before arrival: the identity from the travel document and the flight.
 */
export interface ApisPassenger {
  /** Stable id of the record: {@link passengerRecordIdOf} of flight, flight date and document. */
  passengerRecordId: string;
  /** Flight number, e.g. `"KE0652"`. */
  flightNumber: string;
  /** Scheduled date of the flight's departure, `YYYY-MM-DD`. */
  flightDate: string;
  /** IATA code of the arrival airport, e.g. `"ICN"`. */
  arrivalAirport: string;
  /** IATA code of the departure airport (different from the arrival airport). */
  departureAirport: string;
  /** Surname as on the document (1-100 characters: letters, spaces, hyphens, apostrophes, periods). */
  surname: string;
  /** Given names as on the document (0-100 characters, same alphabet; empty for a mononym). */
  givenNames: string;
  /** Nationality, ISO 3166-1 alpha-2. */
  nationality: string;
  /** Date of birth, `YYYY-MM-DD`, not after the flight date and at most 130 years before it. */
  dateOfBirth: string;
  /** M, F or X. */
  sex: (typeof SEXES)[number];
  /** The travel document. */
  travelDocument: TravelDocument;
  /** Seat, e.g. `"34C"`, or `null` when not yet assigned. */
  seat: string | null;
  /** Customs office of the arrival airport (shape of `CODE_FORMATS.officeId`, e.g. `"40"` Incheon Airport). */
  arrivalOfficeId: string;
}

/**
 * The stable id of an APIS record: `<flightNumber>-<flightDate>-<issuingCountry><number>`,
 * e.g. `"KE0652-2026-12-01-KRM12345678"`. The same passenger on the same flight keeps the
 * same id across resent lists.
 */
export function passengerRecordIdOf(flight: string, flightDate: string, document: Pick<TravelDocument, 'issuingCountry' | 'number'>): string {
  return `${flight}-${flightDate}-${document.issuingCountry}${document.number}`;
}

const NAME = /^[\p{L}][\p{L}' .-]*$/u;

/** A name on a travel document: 1..max letters (any script), spaces, hyphens, apostrophes, periods; starting with a letter. */
export function personName(max: number, allowEmpty = false): FieldCheck {
  return (v) => {
    const typeProblem = stringTypeProblem(v);
    if (typeProblem !== null) return typeProblem;
    const s = v as string;
    if (s === '') return allowEmpty ? null : 'must not be empty';
    if (s.length > max) return `must be at most ${max} characters, got ${s.length}`;
    return NAME.test(s) ? null : `must be letters, spaces, hyphens, apostrophes or periods: ${show(s)}`;
  };
}

/** A travel document number: 1-20 capital letters or digits. */
export const travelDocumentNumber: FieldCheck = matching(/^[A-Z0-9]{1,20}$/, '1-20 capital letters or digits');

const DOCUMENT_RULES: Readonly<Record<keyof TravelDocument, FieldCheck>> = {
  type: oneOf(TRAVEL_DOCUMENT_TYPES),
  number: travelDocumentNumber,
  issuingCountry: countryCode,
  expiry: isoDate,
};

const APIS_RULES: Readonly<Record<keyof ApisPassenger, FieldCheck>> = {
  passengerRecordId: matching(/^[A-Za-z0-9-]{1,64}$/, '1-64 letters, digits or hyphens'),
  flightNumber,
  flightDate: isoDate,
  arrivalAirport: iataAirport,
  departureAirport: iataAirport,
  surname: personName(100),
  givenNames: personName(100, true),
  nationality: countryCode,
  dateOfBirth: isoDate,
  sex: oneOf(SEXES),
  travelDocument: () => null, // checked field by field below
  seat: nullable(matching(/^[0-9]{1,3}[A-K]$/, 'a seat (row 1-999 and a letter A-K)')),
  arrivalOfficeId: officeCode,
};

/** The date `years` before the ISO date `date` (same month and day). */
function yearsBefore(date: string, years: number): string {
  return String(Number(date.slice(0, 4)) - years).padStart(4, '0') + date.slice(4);
}

/**
 * Validates an untrusted plain object (e.g. parsed JSON) as an {@link ApisPassenger}.
 *
 * Rejects non-objects, unknown properties (also inside `travelDocument`), missing or wrongly
 * typed fields, malformed codes (country codes must pass `isCustomsCountryCode`, airports three
 * capital letters, flight numbers a designator and 1-4 digits), impossible dates, a date of
 * birth after the flight date or more than MAX_PASSENGER_AGE_YEARS before it, a document
 * expiring before its holder was born, the same departure and arrival airport, and a
 * `passengerRecordId` that is not {@link passengerRecordIdOf} its own flight, date and document.
 *
 * @returns `{ ok: true, value }` (a fresh copy of the APIS fields) or `{ ok: false, errors }`
 *   with one message per problem, each starting with the field path. Never throws.
 */
export function validateApisPassenger(input: unknown): DocumentValidation<ApisPassenger> {
  const errors: string[] = [];
  if (!checkFields(input, 'APIS passenger', '', APIS_RULES, errors)) return { ok: false, errors };
  checkFields(input['travelDocument'], 'travelDocument', 'travelDocument.', DOCUMENT_RULES, errors);
  // Cross-field checks only make sense on well-formed fields.
  if (errors.length > 0) return { ok: false, errors };
  const p = input as unknown as ApisPassenger;
  if (p.arrivalAirport === p.departureAirport) errors.push(`departureAirport must differ from arrivalAirport: ${p.departureAirport}`);
  if (p.dateOfBirth > p.flightDate) errors.push(`dateOfBirth must not be after flightDate ${p.flightDate}: ${p.dateOfBirth}`);
  else if (p.dateOfBirth < yearsBefore(p.flightDate, MAX_PASSENGER_AGE_YEARS)) errors.push(`dateOfBirth must be at most ${MAX_PASSENGER_AGE_YEARS} years before flightDate ${p.flightDate}: ${p.dateOfBirth}`);
  if (p.travelDocument.expiry <= p.dateOfBirth) errors.push(`travelDocument.expiry must be after dateOfBirth ${p.dateOfBirth}: ${p.travelDocument.expiry}`);
  const expectedId = passengerRecordIdOf(p.flightNumber, p.flightDate, p.travelDocument);
  if (p.passengerRecordId !== expectedId) errors.push(`passengerRecordId must be flight-date-document (${expectedId}): ${p.passengerRecordId}`);
  if (errors.length > 0) return { ok: false, errors };
  const value = pick<ApisPassenger>(input, APIS_RULES);
  value.travelDocument = pick<TravelDocument>(input['travelDocument'] as Record<string, unknown>, DOCUMENT_RULES);
  return { ok: true, value };
}
