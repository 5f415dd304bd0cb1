import type { PnrRecord } from './pnr';

/** A person whose bookings make their companions worth a look: from an earlier seizure or an open risk case. */
export interface WatchedPerson {
  /** Their travel document number. */
  travelDocumentNumber: string;
  /** Why they are watched, in words for the officer, e.g. `seizure 2026-11-02, case IC-...`. */
  reason: string;
  /** The seizure's or risk case's id, for a link. */
  sourceId: string;
  /** What makes them watched, for a translated text: a seizure on arrival, or an open risk case naming them. */
  kind?: 'SEIZURE' | 'OPEN_RISK_CASE';
  /** Day of the seizure (`YYYY-MM-DD`), when `kind` is SEIZURE. */
  since?: string;
  /** The risk case's risk area, when `kind` is OPEN_RISK_CASE. */
  riskArea?: string;
}

/** A passenger linked to a watched person by a shared booking. */
export interface CompanionLink {
  /** The linked passenger's travel document number. */
  travelDocumentNumber: string;
  /** The booking they share with the watched person. */
  bookingReference: string;
  /** The watched person and why. */
  watched: WatchedPerson;
}

/**
 * The companion links of a set of bookings (pure): every traveller who shares a booking with a
 * watched person (one hop: the traveller is on a PNR that also names the watched person's travel
 * document), with the booking and the watched person. A watched person is not linked to
 * themselves; a traveller without a document number on the booking cannot be linked (nothing to
 * match the APIS record on). Several links of one traveller are all returned, in booking order.
 * @returns the links by the linked traveller's document number.
 */
export function companionLinks(pnrs: readonly PnrRecord[], watched: readonly WatchedPerson[]): Map<string, CompanionLink[]> {
  const byDocument = new Map(watched.map((w) => [w.travelDocumentNumber, w]));
  const links = new Map<string, CompanionLink[]>();
  for (const pnr of pnrs) {
    const watchedOnBooking = pnr.passengers.map((t) => (t.travelDocumentNumber ? byDocument.get(t.travelDocumentNumber) : undefined)).filter((w): w is WatchedPerson => !!w);
    if (watchedOnBooking.length === 0) continue;
    for (const t of pnr.passengers) {
      if (!t.travelDocumentNumber) continue;
      for (const w of watchedOnBooking) {
        if (w.travelDocumentNumber === t.travelDocumentNumber) continue;
        const list = links.get(t.travelDocumentNumber) ?? [];
        list.push({ travelDocumentNumber: t.travelDocumentNumber, bookingReference: pnr.bookingReference, watched: w });
        links.set(t.travelDocumentNumber, list);
      }
    }
  }
  return links;
}
