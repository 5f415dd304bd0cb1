import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  CODE_FORMATS, FORMS_OF_PAYMENT, MAX_LENGTH_OF_STAY_DAYS, MAX_PNR_BAGS, MAX_PNR_PASSENGERS, MAX_PNR_SEGMENTS, SEXES, TRAVEL_DOCUMENT_TYPES,
} from '@customs/domain';

const DATE: SchemaObject = { type: 'string', format: 'date', description: 'YYYY-MM-DD', example: '2026-12-01' };
const COUNTRY: SchemaObject = { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2', example: 'KR' };
const AIRPORT: SchemaObject = { type: 'string', pattern: '^[A-Z]{3}$', description: 'IATA airport code', example: 'ICN' };
const FLIGHT: SchemaObject = { type: 'string', pattern: '^(?:[A-Z0-9]{2}|[A-Z]{3})[0-9]{1,4}[A-Z]?$', description: 'Flight number', example: 'KE0652' };
const NAME = (allowEmpty: boolean): SchemaObject => ({
  type: 'string', maxLength: 100, ...(allowEmpty ? {} : { minLength: 1 }), pattern: allowEmpty ? "^(?:[\\p{L}][\\p{L}' .-]*)?$" : "^[\\p{L}][\\p{L}' .-]*$",
  description: 'As on the travel document: letters (any script), spaces, hyphens, apostrophes, periods', example: 'KIM',
});
const DOCUMENT_NUMBER: SchemaObject = { type: 'string', pattern: '^[A-Z0-9]{1,20}$', example: 'M12345678' };

/**
 * OpenAPI schema of one APIS passenger (`validateApisPassenger`, `@customs/domain`): the field
 * shapes. Rules across fields (date of birth not after the flight, at most 130 years before it;
 * the document expiring after birth; departure and arrival airports differ; `passengerRecordId`
 * = `<flightNumber>-<flightDate>-<issuingCountry><number>`) are checked on receipt (400 naming them).
 */
export const APIS_PASSENGER_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['passengerRecordId', 'flightNumber', 'flightDate', 'arrivalAirport', 'departureAirport', 'surname', 'givenNames', 'nationality', 'dateOfBirth', 'sex', 'travelDocument', 'seat', 'arrivalOfficeId'],
  properties: {
    passengerRecordId: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$', description: '<flightNumber>-<flightDate>-<issuingCountry><document number>', example: 'KE0652-2026-12-01-KRM12345678' },
    flightNumber: FLIGHT,
    flightDate: DATE,
    arrivalAirport: AIRPORT,
    departureAirport: { ...AIRPORT, example: 'BKK' },
    surname: NAME(false),
    givenNames: NAME(true),
    nationality: COUNTRY,
    dateOfBirth: { ...DATE, example: '1990-05-17' },
    sex: { type: 'string', enum: [...SEXES] },
    travelDocument: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'number', 'issuingCountry', 'expiry'],
      properties: { type: { type: 'string', enum: [...TRAVEL_DOCUMENT_TYPES] }, number: DOCUMENT_NUMBER, issuingCountry: COUNTRY, expiry: { ...DATE, example: '2031-01-01' } },
    },
    seat: { type: 'string', nullable: true, pattern: '^[0-9]{1,3}[A-K]$', example: '34C' },
    arrivalOfficeId: { type: 'string', pattern: CODE_FORMATS.officeId.pattern.source, description: `Customs office of the arrival airport: ${CODE_FORMATS.officeId.what}`, example: '40' },
  },
};

/**
 * OpenAPI schema of a PNR booking (`validatePnrRecord`). Checked on receipt besides: segments in
 * date order, each from and to different airports, the booking date not after the first departure.
 */
export const PNR_RECORD_SCHEMA: SchemaObject = {
  type: 'object',
  additionalProperties: false,
  required: ['bookingReference', 'bookingDate', 'formOfPayment', 'passengers', 'itinerary', 'lengthOfStayDays', 'bags'],
  properties: {
    bookingReference: { type: 'string', pattern: '^[A-Z0-9]{6}$', example: 'X7K2QZ' },
    bookingDate: { ...DATE, example: '2026-11-28' },
    formOfPayment: { type: 'string', enum: [...FORMS_OF_PAYMENT] },
    passengers: {
      type: 'array', minItems: 1, maxItems: MAX_PNR_PASSENGERS,
      items: {
        type: 'object', additionalProperties: false, required: ['surname', 'givenNames', 'travelDocumentNumber'],
        properties: { surname: NAME(false), givenNames: NAME(true), travelDocumentNumber: { ...DOCUMENT_NUMBER, nullable: true } },
      },
    },
    itinerary: {
      type: 'array', minItems: 1, maxItems: MAX_PNR_SEGMENTS,
      items: {
        type: 'object', additionalProperties: false, required: ['flightNumber', 'from', 'fromCountry', 'to', 'toCountry', 'departureDate'],
        properties: { flightNumber: FLIGHT, from: AIRPORT, fromCountry: COUNTRY, to: AIRPORT, toCountry: COUNTRY, departureDate: DATE },
      },
    },
    lengthOfStayDays: { type: 'integer', nullable: true, minimum: 0, maximum: MAX_LENGTH_OF_STAY_DAYS, description: 'Days of stay booked; null for one-way' },
    bags: { type: 'integer', minimum: 0, maximum: MAX_PNR_BAGS },
  },
};
