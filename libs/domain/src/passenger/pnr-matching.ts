import type { ApisPassenger } from './apis';
import type { PnrRecord } from './pnr';

/**
 * The PNR of each APIS passenger (pure): the booking whose travellers include the passenger's
 * travel document number and whose itinerary includes the passenger's flight on its date. When
 * several bookings match (a passenger booked twice: a pattern of its own), the one booked last
 * wins, and `otherBookings` names the rest. Passengers without a matching PNR are absent (the PNR
 * has not arrived, or names no document).
 * @returns by `passengerRecordId`: the PNR and the references of other matching bookings.
 */
export function pnrsOfPassengers(apis: readonly ApisPassenger[], pnrs: readonly PnrRecord[]): Map<string, { pnr: PnrRecord; otherBookings: string[] }> {
  const byDocument = new Map<string, PnrRecord[]>();
  for (const pnr of pnrs) {
    for (const t of pnr.passengers) {
      if (!t.travelDocumentNumber) continue;
      const list = byDocument.get(t.travelDocumentNumber) ?? [];
      list.push(pnr);
      byDocument.set(t.travelDocumentNumber, list);
    }
  }
  const out = new Map<string, { pnr: PnrRecord; otherBookings: string[] }>();
  for (const p of apis) {
    const matching = (byDocument.get(p.travelDocument.number) ?? []).filter((pnr) =>
      pnr.itinerary.some((s) => s.flightNumber === p.flightNumber && s.departureDate === p.flightDate),
    );
    if (matching.length === 0) continue;
    const sorted = [...matching].sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : a.bookingReference.localeCompare(b.bookingReference)));
    const pnr = sorted[sorted.length - 1];
    out.set(p.passengerRecordId, { pnr, otherBookings: sorted.slice(0, -1).map((x) => x.bookingReference) });
  }
  return out;
}
