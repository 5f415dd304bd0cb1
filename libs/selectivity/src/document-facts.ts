import { ageOn, daysBetween, type ApisPassenger, type ExpressManifest, type PnrRecord } from '@customs/domain';
import { ageBand } from './target-documents';

/**
 * The facts of every waybill of a manifest, in manifest order (pure), as `EXPRESS_FACT_SPECS`
 * names them: the waybill's fields, the manifest's (id, voyage, transport mode, arrival date in
 * UTC, logistics centre), and the derived ones: `consigneeKind` (PERSONAL for a personal customs
 * clearance code, `P` + 12 digits; else BUSINESS), `valuePerKgUsd` (USD/kg, 2 decimals), and per
 * consignee id, and per delivery address (`addressKey`), the number of waybills and their total
 * declared value (USD) in this manifest: the split-shipment facts (parcels split to stay under
 * the USD 150 duty-free threshold).
 */
export function waybillFacts(manifest: ExpressManifest): Array<Record<string, string | number>> {
  const tally = (key: (w: ExpressManifest['waybills'][number]) => string) => {
    const totals = new Map<string, { waybills: number; valueUsd: number }>();
    for (const w of manifest.waybills) {
      const t = totals.get(key(w)) ?? { waybills: 0, valueUsd: 0 };
      t.waybills += 1;
      t.valueUsd += w.declaredValueUsd;
      totals.set(key(w), t);
    }
    return (w: ExpressManifest['waybills'][number]) => totals.get(key(w))!;
  };
  const byConsignee = tally((w) => w.consigneeId);
  const byAddress = tally((w) => addressKey(w.consigneeAddress));
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return manifest.waybills.map((w) => {
    const t = byConsignee(w);
    const a = byAddress(w);
    return {
      ...w,
      manifestId: manifest.manifestId,
      voyage: manifest.voyage,
      transportMode: manifest.transportMode,
      arrivalDate: manifest.arrivalAt.slice(0, 10),
      logisticsCentreId: manifest.logisticsCentreId,
      consigneeKind: /^P\d{12}$/.test(w.consigneeId) ? 'PERSONAL' : 'BUSINESS',
      valuePerKgUsd: round2(w.declaredValueUsd / w.grossWeightKg),
      consigneeWaybillsInManifest: t.waybills,
      consigneeValueInManifestUsd: round2(t.valueUsd),
      addressWaybillsInManifest: a.waybills,
      addressValueInManifestUsd: round2(a.valueUsd),
    };
  });
}

/**
 * A delivery address reduced to its numbers (building, unit, street number), in order:
 * `"Apt 111-503, 221, Gyeongin-ro"`, `"#111-503 221, GYEONGIN-RO"` and `"111-dong 503-ho, 221,
 * Gyeongin-ro"` are one address. Split shipments vary the spelling of the address (and the
 * consignee's code) so that parcels do not look related; the numbers stay. An address without
 * numbers is its own lower-cased text.
 */
export function addressKey(address: string): string {
  const numbers = address.match(/\d+/g);
  return numbers ? numbers.join('-') : address.trim().toLowerCase();
}

/** Most days between two segments for the second to be a connection of the first, not a new journey after a stay. */
const MAX_CONNECTION_DAYS = 1;

/**
 * The segments of the journey that ends with the arriving flight: walking back from it while the
 * previous segment lands where the next one leaves, at most a day before (a connection). A round
 * trip's outbound half is not part of the return journey: its origin is where the return began.
 */
function inboundJourney(pnr: PnrRecord, flightNumber: string): PnrRecord['itinerary'] {
  let end = pnr.itinerary.findIndex((s) => s.flightNumber === flightNumber);
  if (end < 0) end = pnr.itinerary.length - 1;
  let start = end;
  while (start > 0) {
    const previous = pnr.itinerary[start - 1];
    const next = pnr.itinerary[start];
    if (previous.to !== next.from || daysBetween(previous.departureDate, next.departureDate) > MAX_CONNECTION_DAYS) break;
    start -= 1;
  }
  return pnr.itinerary.slice(start, end + 1);
}

/**
 * The facts of one arriving passenger (pure), as `PASSENGER_FACT_SPECS` names them: from the APIS
 * record, and from the PNR when it has arrived (else every PNR fact is `null` and `pnrReceived`
 * is `NO`). From the PNR: the origin country (where the journey ending with this flight began:
 * connections of at most a day, see `inboundJourney`), the transit countries (arrival countries
 * of that journey's earlier segments, space-separated, the origin and the destination excluded), days from booking to the first departure, companions
 * (other travellers on the booking; 0 = alone), stay and bags.
 */
export function passengerFacts(apis: ApisPassenger, pnr: PnrRecord | null): Record<string, string | number | null> {
  const age = Math.max(0, ageOn(apis.dateOfBirth, apis.flightDate));
  const base = {
    passengerRecordId: apis.passengerRecordId,
    flightNumber: apis.flightNumber,
    flightDate: apis.flightDate,
    arrivalOfficeId: apis.arrivalOfficeId,
    departureAirport: apis.departureAirport,
    nationality: apis.nationality,
    sex: apis.sex,
    ageYears: age,
    ageBand: ageBand(age),
    documentType: apis.travelDocument.type,
    documentIssuingCountry: apis.travelDocument.issuingCountry,
  };
  if (!pnr) {
    return { ...base, pnrReceived: 'NO', originCountry: null, transitCountries: null, transitCount: null, bookingDaysBeforeDeparture: null, formOfPayment: null, companions: null, lengthOfStayDays: null, bags: null };
  }
  const journey = inboundJourney(pnr, apis.flightNumber);
  const origin = journey[0].fromCountry;
  const destination = journey[journey.length - 1].toCountry;
  const transits = [...new Set(journey.slice(0, -1).map((s) => s.toCountry))].filter((c) => c !== origin && c !== destination);
  return {
    ...base,
    pnrReceived: 'YES',
    originCountry: origin,
    transitCountries: transits.join(' '),
    transitCount: transits.length,
    bookingDaysBeforeDeparture: daysBetween(pnr.bookingDate, pnr.itinerary[0].departureDate),
    formOfPayment: pnr.formOfPayment,
    companions: pnr.passengers.length - 1,
    lengthOfStayDays: pnr.lengthOfStayDays,
    bags: pnr.bags,
  };
}
