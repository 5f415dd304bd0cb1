import type { PassengerDecisionView, PassengerDetail, PassengerQueue, PassengerQueueItem } from './passengers.types';

/**
 * A queue item as the API answers it to a masked reader (a drug-courier pattern passenger of the
 * synthetic sample, `e2e/fixtures/passenger-sample.json`), with `over` applied.
 */
export function passengerItemMock(over: Partial<PassengerQueueItem> = {}): PassengerQueueItem {
  return {
    passengerId: 'PAX-0123456789ABCDEF',
    caseId: 'inspection-case-PAX-0123456789ABCDEF',
    caseStatus: 'QUEUED',
    lane: 'RED',
    flightNumber: 'KE0018',
    flightDate: '2026-12-01',
    departureAirport: 'LAX',
    arrivalAirport: 'ICN',
    seat: '10F',
    surname: 'Y***',
    givenNames: 'J***',
    nationality: 'KR',
    sex: 'M',
    dateOfBirth: '2001-**-**',
    ageBand: '20-29',
    travelDocument: { type: 'P', number: '***112', issuingCountry: 'KR' },
    stage: 'APIS_PNR',
    reasons: ['CEN-DRG-101 v1 (RED): bookingDaysBeforeDeparture lessThanInclusive 4 (actual 1); companions equal 0 (actual 0)'],
    firedCriteria: ['CEN-DRG-101'],
    companionLinks: [],
    booking: {
      bookingReference: 'X8V74B',
      bookingDate: '2026-11-29',
      bookingDaysBeforeDeparture: 1,
      formOfPayment: 'CASH',
      companions: 0,
      lengthOfStayDays: 3,
      bags: 0,
      route: ['YYZ', 'LAX', 'ICN', 'LAX'],
    },
    decidedAt: '2026-12-01T05:10:00Z',
    ...over,
  };
}

/** A `GET /api/passengers/queue` answer. */
export function passengerQueueMock(items: PassengerQueueItem[], over: Partial<PassengerQueue> = {}): PassengerQueue {
  return { officeId: '40', masked: true, total: items.length, items, ...over };
}

/** A recorded screening, with `over` applied. */
export function passengerDecisionMock(over: Partial<PassengerDecisionView> = {}): PassengerDecisionView {
  return {
    decisionId: 'pax-decision-1',
    stage: 'APIS',
    outcome: 'CLEARED',
    lane: 'GREEN',
    reasons: [],
    firedCriteria: [],
    companionLinks: [],
    supersedes: null,
    criteriaSet: 'sha256:abc',
    decidedAt: '2026-12-01T04:40:00Z',
    ...over,
  };
}

/** A `GET /api/passengers/:id` answer as the passenger desk reads it: cleared on APIS, selected with the PNR. */
export function passengerDetailMock(over: Partial<PassengerDetail> = {}): PassengerDetail {
  const apis = passengerDecisionMock();
  const pnr = passengerDecisionMock({
    decisionId: 'pax-decision-2',
    stage: 'APIS_PNR',
    outcome: 'SELECTED',
    lane: 'RED',
    reasons: passengerItemMock().reasons,
    firedCriteria: ['CEN-DRG-101'],
    supersedes: apis.decisionId,
    decidedAt: '2026-12-01T05:10:00Z',
  });
  return {
    passengerId: 'PAX-0123456789ABCDEF',
    masked: false,
    apis: {
      passengerRecordId: 'KE0018-2026-12-01-KRM29281112',
      flightNumber: 'KE0018',
      flightDate: '2026-12-01',
      arrivalAirport: 'ICN',
      departureAirport: 'LAX',
      surname: 'YOON',
      givenNames: 'JIHOON',
      nationality: 'KR',
      dateOfBirth: '2001-05-20',
      sex: 'M',
      travelDocument: { type: 'P', number: 'M29281112', issuingCountry: 'KR', expiry: '2032-06-19' },
      seat: '10F',
      arrivalOfficeId: '40',
    },
    pnr: {
      bookingReference: 'X8V74B',
      bookingDate: '2026-11-29',
      formOfPayment: 'CASH',
      passengers: [{ surname: 'YOON', givenNames: 'JIHOON', travelDocumentNumber: 'M29281112' }],
      itinerary: [
        { flightNumber: 'AC0421', from: 'YYZ', fromCountry: 'CA', to: 'LAX', toCountry: 'US', departureDate: '2026-11-30' },
        { flightNumber: 'KE0018', from: 'LAX', fromCountry: 'US', to: 'ICN', toCountry: 'KR', departureDate: '2026-12-01' },
        { flightNumber: 'KE0019', from: 'ICN', fromCountry: 'KR', to: 'LAX', toCountry: 'US', departureDate: '2026-12-04' },
      ],
      lengthOfStayDays: 3,
      bags: 0,
    },
    pnrDepersonalised: false,
    decisions: [apis, pnr],
    caseId: 'inspection-case-PAX-0123456789ABCDEF',
    ...over,
  };
}
