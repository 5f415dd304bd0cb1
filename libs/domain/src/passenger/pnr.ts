import {
  arrayProblem, checkFields, countryCode, type DocumentValidation, type FieldCheck, flightNumber, iataAirport, isoDate,
  matching, nullable, numberBetween, oneOf, pick,
} from '../field-checks';
import { personName, travelDocumentNumber } from './apis';

/** Forms of payment of a booking, as reduced from the PNR's FOP element. */
export const FORMS_OF_PAYMENT = ['CASH', 'CARD', 'INVOICE', 'MILES', 'OTHER'] as const;
/** Most passenger names in one PNR (group bookings go up to 99). */
export const MAX_PNR_PASSENGERS = 99;
/** Most flight segments in one PNR itinerary. */
export const MAX_PNR_SEGMENTS = 16;
/** Upper bound of the length of stay, in days (ten years). */
export const MAX_LENGTH_OF_STAY_DAYS = 3650;
/** Upper bound of the checked bags of a booking. */
export const MAX_PNR_BAGS = 99;

/** A traveller named in a PNR. */
export interface PnrPassenger {
  /** Surname (1-100 characters). */
  surname: string;
  /** Given names (0-100 characters). */
  givenNames: string;
  /** Travel document number (1-20 capital letters or digits), `null` when the booking carries none. */
  travelDocumentNumber: string | null;
}

/** One flight segment of a PNR itinerary. */
export interface PnrSegment {
  /** Flight number, e.g. `"TG0658"`. */
  flightNumber: string;
  /** IATA code of the departure airport. */
  from: string;
  /** Country of the departure airport, ISO 3166-1 alpha-2. */
  fromCountry: string;
  /** IATA code of the arrival airport (different from `from`). */
  to: string;
  /** Country of the arrival airport, ISO 3166-1 alpha-2. */
  toCountry: string;
  /** Departure date, `YYYY-MM-DD`; the segments are in travel order (dates never decrease). */
  departureDate: string;
}

/**
 * A Passenger Name Record: the airline booking behind one or more APIS passengers, as
 * received by the passenger-information unit.
 */
export interface PnrRecord {
  /** Record locator: 6 capital letters or digits. */
  bookingReference: string;
  /** Date the booking was made, `YYYY-MM-DD`, not after the first departure. */
  bookingDate: string;
  /** Form of payment. */
  formOfPayment: (typeof FORMS_OF_PAYMENT)[number];
  /** The travellers: 1..MAX_PNR_PASSENGERS. */
  passengers: PnrPassenger[];
  /** The flight segments in travel order: 1..MAX_PNR_SEGMENTS. */
  itinerary: PnrSegment[];
  /** Days between arrival and the booked return (integer 0..3650), `null` for a one-way booking. */
  lengthOfStayDays: number | null;
  /** Checked bags of the booking (integer 0..99). */
  bags: number;
}

const PASSENGER_RULES: Readonly<Record<keyof PnrPassenger, FieldCheck>> = {
  surname: personName(100),
  givenNames: personName(100, true),
  travelDocumentNumber: nullable(travelDocumentNumber),
};

const SEGMENT_RULES: Readonly<Record<keyof PnrSegment, FieldCheck>> = {
  flightNumber,
  from: iataAirport,
  fromCountry: countryCode,
  to: iataAirport,
  toCountry: countryCode,
  departureDate: isoDate,
};

const PNR_RULES: Readonly<Record<keyof PnrRecord, FieldCheck>> = {
  bookingReference: matching(/^[A-Z0-9]{6}$/, 'a record locator (6 capital letters or digits)'),
  bookingDate: isoDate,
  formOfPayment: oneOf(FORMS_OF_PAYMENT),
  passengers: (v) => arrayProblem(v, 1, MAX_PNR_PASSENGERS),
  itinerary: (v) => arrayProblem(v, 1, MAX_PNR_SEGMENTS),
  lengthOfStayDays: nullable(numberBetween(0, MAX_LENGTH_OF_STAY_DAYS, 'days', { integer: true })),
  bags: numberBetween(0, MAX_PNR_BAGS, 'bags', { integer: true }),
};

/**
 * Validates an untrusted plain object (e.g. parsed JSON) as a {@link PnrRecord}.
 *
 * Rejects non-objects, unknown properties (also in passengers and segments), missing or
 * wrongly typed fields, malformed codes, impossible dates, empty or oversized passenger and
 * segment lists, negative, fractional or absurd bag and stay counts, a segment from and to the
 * same airport, segments out of date order, and a booking date after the first departure.
 *
 * @returns `{ ok: true, value }` (a fresh copy) or `{ ok: false, errors }` with one message per
 *   problem, each starting with the field path (`itinerary[1].toCountry must be ...`). Never throws.
 */
export function validatePnrRecord(input: unknown): DocumentValidation<PnrRecord> {
  const errors: string[] = [];
  if (!checkFields(input, 'PNR', '', PNR_RULES, errors)) return { ok: false, errors };
  const passengers: PnrPassenger[] = [];
  const itinerary: PnrSegment[] = [];
  if (Array.isArray(input['passengers']) && input['passengers'].length <= MAX_PNR_PASSENGERS) {
    input['passengers'].forEach((p: unknown, i: number) => {
      if (checkFields(p, 'passenger', `passengers[${i}].`, PASSENGER_RULES, errors)) passengers.push(pick<PnrPassenger>(p, PASSENGER_RULES));
    });
  }
  if (Array.isArray(input['itinerary']) && input['itinerary'].length <= MAX_PNR_SEGMENTS) {
    input['itinerary'].forEach((s: unknown, i: number) => {
      if (checkFields(s, 'segment', `itinerary[${i}].`, SEGMENT_RULES, errors)) itinerary.push(pick<PnrSegment>(s, SEGMENT_RULES));
    });
  }
  // Cross-field checks only make sense on well-formed fields.
  if (errors.length > 0) return { ok: false, errors };
  itinerary.forEach((s, i) => {
    if (s.from === s.to) errors.push(`itinerary[${i}].to must differ from from: ${s.to}`);
    if (i > 0 && s.departureDate < itinerary[i - 1].departureDate) {
      errors.push(`itinerary[${i}].departureDate must not be before the previous segment's ${itinerary[i - 1].departureDate}: ${s.departureDate}`);
    }
  });
  const bookingDate = input['bookingDate'] as string;
  if (bookingDate > itinerary[0].departureDate) errors.push(`bookingDate must not be after the first departure ${itinerary[0].departureDate}: ${bookingDate}`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...pick<PnrRecord>(input, PNR_RULES), passengers, itinerary } };
}
