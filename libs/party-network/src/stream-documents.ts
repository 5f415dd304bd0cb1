import { createHash } from 'node:crypto';
import { pnrsOfPassengers, type ApisPassenger, type PnrRecord } from '@customs/domain';
import { PARTY_DOCUMENT_PREFIXES, partyKey, type PartyDocument } from './party-network';

/*
 * The parties of the express and passenger streams (issue 17): an express waybill's courier,
 * shipper and consignee; the companions of a booking. Pure; the API writes them with
 * `PartyNetworkRepository.recordDocuments`.
 */

/**
 * A shipper's name as compared: Unicode NFKC, upper case, every run of characters other than
 * letters and digits made one space, trimmed (`"Shenzhen  Trading Co., Ltd."` and
 * `"SHENZHEN TRADING CO LTD"` are one shipper).
 */
export function normaliseShipperName(name: string): string {
  return name.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The party id of an express shipper (who has no id on the waybill): its country (ISO alpha-2,
 * upper case) and the first 16 hex digits (upper case) of the SHA-256 of `<normalised name>|<country>`,
 * e.g. `CN3F2A...`: 18 letters or digits, stable across manifests, no free text in the key.
 */
export function shipperPartyId(shipperName: string, shipperCountry: string): string {
  const country = shipperCountry.toUpperCase();
  return `${country}${createHash('sha256').update(`${normaliseShipperName(shipperName)}|${country}`).digest('hex').slice(0, 16).toUpperCase()}`;
}

/**
 * The parties of an express waybill, as node keys: its courier (the same `COURIER` node as on
 * import declarations), its shipper ({@link shipperPartyId}) and its consignee (clearance code or
 * business number).
 */
export function waybillParties(waybill: { courierId: string; shipperName: string; shipperCountry: string; consigneeId: string }): string[] {
  return [partyKey('COURIER', waybill.courierId), partyKey('SHIPPER', shipperPartyId(waybill.shipperName, waybill.shipperCountry)), partyKey('CONSIGNEE', waybill.consigneeId)];
}

/** The parties of a booking: one `PASSENGER` key per opaque passenger id, distinct, in key order. */
export function bookingParties(passengerIds: readonly string[]): string[] {
  return [...new Set(passengerIds.map((id) => partyKey('PASSENGER', id)))].sort();
}

/**
 * The booking documents of the party network: for every PNR with at least two travellers whose
 * APIS records are known (matched as screening matches them: document number, and flight and date
 * on the itinerary), one document `PNR-<booking reference>` whose parties are those travellers'
 * opaque passenger ids ({@link bookingParties}), dated the earliest of their flight dates. A
 * booking with one known traveller links nobody and is left out. Names and document numbers are
 * read to match, never kept.
 * @param travellers stored APIS records with their opaque passenger ids (`PAX-<16 hex>`).
 * @returns the documents in booking-reference order.
 */
export function bookingDocuments(pnrs: readonly PnrRecord[], travellers: ReadonlyArray<{ passengerId: string; record: ApisPassenger }>): PartyDocument[] {
  const out: PartyDocument[] = [];
  const unique = new Map(pnrs.map((p) => [p.bookingReference, p]));
  for (const [reference, pnr] of [...unique].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const matched = pnrsOfPassengers(travellers.map((t) => t.record), [pnr]);
    const on = travellers.filter((t) => matched.has(t.record.passengerRecordId));
    const parties = bookingParties(on.map((t) => t.passengerId));
    if (parties.length < 2) continue;
    const date = on.map((t) => t.record.flightDate).sort()[0];
    out.push({ documentId: `${PARTY_DOCUMENT_PREFIXES.BOOKING}${reference}`, date, parties });
  }
  return out;
}
