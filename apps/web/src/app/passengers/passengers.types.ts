/**
 * Shapes of the passenger API (`/api/passengers/...`) as the arrival-hall page reads them:
 * aliases of the generated contract (`@customs/api-contract`).
 */
import type { Schema } from '@customs/api-contract';

/** Which documents a passenger screening saw: the APIS record alone, or with the PNR booking. */
export type PassengerScreeningStage = Schema<'PassengerScreeningStage'>;
/** CLEARED, or SELECTED for the arrival-hall inspection. */
export type PassengerOutcome = Schema<'PassengerOutcome'>;
/** A companion link as shown: the booking shared with a watched person, and why they are watched. */
export type CompanionLinkView = Schema<'CompanionLinkView'>;
/** The booking facts of a selected passenger (no names). */
export type BookingSummary = Schema<'BookingSummary'>;
/** One selected passenger of the queue (masked unless the reader is the passenger desk). */
export type PassengerQueueItem = Schema<'PassengerQueueItem'>;
/** `GET /api/passengers/queue`. */
export type PassengerQueue = Schema<'PassengerQueue'>;
/** One screening of a passenger, as recorded. */
export type PassengerDecisionView = Schema<'PassengerDecisionView'>;
/** An APIS record. */
export type ApisPassenger = Schema<'ApisPassenger'>;
/** The travel document of an APIS record. */
export type TravelDocument = ApisPassenger['travelDocument'];
/** P passport, I identity card, O other. */
export type TravelDocumentType = TravelDocument['type'];
/** M, F or X. */
export type PassengerSex = ApisPassenger['sex'];
/** A PNR booking. */
export type PnrRecord = Schema<'PnrRecord'>;
/** A traveller named in a PNR. */
export type PnrPassenger = Schema<'PnrPassenger'>;
/** One flight segment of a PNR. */
export type PnrSegment = Schema<'PnrSegment'>;
/** Form of payment of a booking. */
export type FormOfPayment = PnrRecord['formOfPayment'];
/** `GET /api/passengers/:passengerId`. */
export type PassengerDetail = Schema<'PassengerDetail'>;
