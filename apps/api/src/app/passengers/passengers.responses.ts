import type { ApisPassenger, PnrRecord } from '@customs/domain';
import type { Lane } from '@customs/domain';
import type { PassengerOutcome } from '@customs/decision';

export type { PassengerOutcome };

/** Which documents a passenger screening saw: the APIS record alone, or with the PNR booking. */
export type PassengerScreeningStage = 'APIS' | 'APIS_PNR';

/** A companion link as shown: the booking shared with a watched person, and why they are watched. */
export interface CompanionLinkView {
  bookingReference: string;
  /** Why the other traveller is watched, in words (an earlier seizure or an open risk case). */
  watchedReason: string;
  /** The seizure's inspection case id or the risk case id. */
  sourceId: string;
  /** What makes the other traveller watched (for the UI's own words): a seizure on arrival, or an open risk case. */
  watchedKind: 'SEIZURE' | 'OPEN_RISK_CASE';
  /** Day of the seizure, `YYYY-MM-DD`; null for a risk case. */
  watchedSince: string | null;
  /** The risk case's risk area; null for a seizure or when unknown. */
  watchedRiskArea: string | null;
}

/** What one passenger screening answered. */
export interface PassengerScreeningOutcome {
  /**
   * Opaque passenger id `PAX-<16 hex>` (a hash of the APIS record id, which embeds the travel
   * document number): safe to show to every role, used in case ids and URLs.
   */
  passengerId: string;
  stage: PassengerScreeningStage;
  outcome: PassengerOutcome;
  lane: Lane;
  /** Why, one line per fired criterion, companion link, or earlier selection kept. */
  reasons: string[];
  /** Ids of the passenger criteria that fired. */
  firedCriteria: string[];
  companionLinks: CompanionLinkView[];
  /** The arrival-hall inspection case of a selected passenger; null when cleared. */
  caseId: string | null;
  /** The decision this one supersedes (the APIS-only screening of the same passenger), or null. */
  supersedes: string | null;
  /** Id of this decision. */
  decisionId: string;
  /** True when nothing new was screened (the same record was sent before). */
  duplicate: boolean;
}

/** `POST /api/passengers/apis`: one outcome per passenger in input order, and the counts. */
export interface PassengerListScreening {
  results: PassengerScreeningOutcome[];
  summary: { received: number; cleared: number; selected: number; duplicates: number; casesStarted: number };
}

/** `POST /api/passengers/pnr`: the bookings stored, and the passengers screened again with them. */
export interface PnrIntake {
  received: number;
  /** Bookings stored now (the rest were re-sends). */
  stored: number;
  duplicates: number;
  /** The screenings the new bookings caused (passengers already on an APIS list), each linked to the earlier one. */
  rescreened: PassengerScreeningOutcome[];
}

/** The booking facts of a selected passenger, as the arrival hall needs them (no names). */
export interface BookingSummary {
  bookingReference: string;
  /** `YYYY-MM-DD`. */
  bookingDate: string;
  /** Days from booking to the first departure. */
  bookingDaysBeforeDeparture: number;
  formOfPayment: string;
  /** Other travellers on the booking (0: alone). */
  companions: number;
  /** Days of stay booked; null for one-way. */
  lengthOfStayDays: number | null;
  bags: number;
  /** Airports of the itinerary in travel order, e.g. `["BKK", "ICN", "BKK"]`. */
  route: string[];
}

/**
 * One selected passenger in the arrival-hall queue of the airport office. Names, the travel
 * document number and the date of birth are masked (initials, last three characters, year)
 * unless the reader has the passenger-desk role (`masked` of the queue says which).
 */
export interface PassengerQueueItem {
  passengerId: string;
  caseId: string;
  /** QUEUED, ASSIGNED, RESULT_RECORDED, ... as the inspection case holds it. */
  caseStatus: string;
  lane: Lane;
  flightNumber: string;
  /** `YYYY-MM-DD`. */
  flightDate: string;
  departureAirport: string;
  arrivalAirport: string;
  seat: string | null;
  surname: string;
  givenNames: string;
  nationality: string;
  sex: 'M' | 'F' | 'X';
  /** `YYYY-MM-DD`, or `YYYY-**-**` masked. */
  dateOfBirth: string;
  /** e.g. `30-39`. */
  ageBand: string;
  travelDocument: { type: 'P' | 'I' | 'O'; number: string; issuingCountry: string };
  /** APIS alone, or APIS with the PNR. */
  stage: PassengerScreeningStage;
  reasons: string[];
  firedCriteria: string[];
  companionLinks: CompanionLinkView[];
  /** Null before the PNR arrives, or when none matched. */
  booking: BookingSummary | null;
  /** ISO date-time of the latest screening. */
  decidedAt: string;
}

/** `GET /api/passengers/queue`: an airport office's arrival-hall queue, riskiest and earliest flight first. */
export interface PassengerQueue {
  officeId: string;
  /** False only for the passenger desk. */
  masked: boolean;
  /** Open cases (not yet closed) in the queue. */
  total: number;
  items: PassengerQueueItem[];
}

/** One screening of a passenger, as recorded. */
export interface PassengerDecisionView {
  decisionId: string;
  stage: PassengerScreeningStage;
  outcome: PassengerOutcome;
  lane: Lane;
  reasons: string[];
  firedCriteria: string[];
  companionLinks: CompanionLinkView[];
  supersedes: string | null;
  /** Fingerprint of the criteria set in force; null when none was. */
  criteriaSet: string | null;
  /** ISO date-time. */
  decidedAt: string;
}

/** `GET /api/passengers/:passengerId`: the records (masked unless passenger desk), every screening, the case. */
export interface PassengerDetail {
  passengerId: string;
  masked: boolean;
  apis: ApisPassenger;
  /** The matched booking; null before it arrives. Depersonalised after the retention period. */
  pnr: PnrRecord | null;
  /** True when the PNR is past its retention and was depersonalised. */
  pnrDepersonalised: boolean;
  /** Oldest first. */
  decisions: PassengerDecisionView[];
  caseId: string | null;
}
