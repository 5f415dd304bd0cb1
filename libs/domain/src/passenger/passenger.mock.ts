import type { ApisPassenger } from './apis';
import type { PnrRecord } from './pnr';

/** A valid APIS record (fresh object each call). */
export function sampleApisPassenger(): ApisPassenger {
  return {
    passengerRecordId: 'TG0658-2026-12-01-THAB1234567',
    flightNumber: 'TG0658',
    flightDate: '2026-12-01',
    arrivalAirport: 'ICN',
    departureAirport: 'BKK',
    surname: 'SRISUK',
    givenNames: 'NATTAPONG',
    nationality: 'TH',
    dateOfBirth: '1994-03-17',
    sex: 'M',
    travelDocument: { type: 'P', number: 'AB1234567', issuingCountry: 'TH', expiry: '2030-05-01' },
    seat: '34C',
    arrivalOfficeId: '40',
  };
}

/** A valid PNR of one traveller with a transit and a return (fresh object each call). */
export function samplePnrRecord(): PnrRecord {
  return {
    bookingReference: 'X7K2QP',
    bookingDate: '2026-11-29',
    formOfPayment: 'CASH',
    passengers: [{ surname: 'SRISUK', givenNames: 'NATTAPONG', travelDocumentNumber: 'AB1234567' }],
    itinerary: [
      { flightNumber: 'VN0611', from: 'SGN', fromCountry: 'VN', to: 'BKK', toCountry: 'TH', departureDate: '2026-11-30' },
      { flightNumber: 'TG0658', from: 'BKK', fromCountry: 'TH', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-01' },
      { flightNumber: 'TG0659', from: 'ICN', fromCountry: 'KR', to: 'BKK', toCountry: 'TH', departureDate: '2026-12-03' },
    ],
    lengthOfStayDays: 2,
    bags: 1,
  };
}
