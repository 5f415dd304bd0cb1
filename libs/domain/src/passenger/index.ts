export {
  type ApisPassenger, MAX_PASSENGER_AGE_YEARS, passengerRecordIdOf, SEXES, type TravelDocument, TRAVEL_DOCUMENT_TYPES,
  validateApisPassenger,
} from './apis';
export * from './pnr';
export * from './privacy';
export * from './companion-links';
export * from './pnr-matching';
