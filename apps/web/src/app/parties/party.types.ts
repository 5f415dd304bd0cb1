/**
 * Shapes of the party network API (`GET /api/parties/:partyKey`) as the party page reads them:
 * aliases of the generated contract (`@customs/api-contract`).
 */
import type { Schema } from '@customs/api-contract';

/** A party as of a date: score, neighbourhood, seized neighbours, reasons. */
export type PartyView = Schema<'PartyView'>;
/** A drawn party. */
export type PartyNode = Schema<'PartyNode'>;
/** A drawn edge: shared declarations before the date. */
export type PartyEdge = Schema<'PartyEdge'>;
/** A seized party within 2 hops. */
export type SeizedNeighbourView = Schema<'SeizedNeighbourView'>;
/** One reason of the score: a code the page translates, its parameters, the English text. */
export type PartyReason = Schema<'PartyReason'>;
/** DECLARANT, IMPORTER, SELLER, COURIER (declarations and express waybills), SHIPPER, CONSIGNEE (express waybills) or PASSENGER (bookings). */
export type PartyRole = Schema<'PartyRole'>;
