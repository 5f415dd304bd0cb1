import type { ApisPassenger } from './apis';
import type { PnrRecord } from './pnr';

/**
 * Privacy by design for passenger data (issue 15): only the passenger desk sees names and
 * travel documents; everyone else sees them masked; PNR data are depersonalised after a
 * retention period. Source of the default period and of what depersonalising means: the EU PNR
 * Directive (EU) 2016/681, art. 12 — after six months the data elements that could identify the
 * passenger (names, other names on the booking, contact and payment details beyond the form,
 * frequent flyer data) are masked out; the rest stays for analysis.
 */

/** Default PNR retention before depersonalisation, months (EU PNR Directive, art. 12(2)). */
export const DEFAULT_PNR_RETENTION_MONTHS = 6;

/** The mask shown in place of a name or a document number. */
export const MASKED = '***';

/** `KIM` -> `K***`: the initial, enough to tell two passengers of a flight apart on a screen, never the name. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  return trimmed.length === 0 ? '' : `${trimmed[0]}${MASKED}`;
}

/** `M37090214` -> `***214`: the last three characters of a travel document number, as airlines print them. */
export function maskDocumentNumber(number: string): string {
  return number.length <= 3 ? MASKED : `${MASKED}${number.slice(-3)}`;
}

/**
 * An APIS record as a reader without the passenger-desk role sees it: surname and given names
 * reduced to their initials, the travel document number to its last three characters, the date
 * of birth to its year. Nationality, sex, flight and seat stay (the facts criteria use).
 * `passengerRecordId` embeds the document number, so it is masked the same way.
 */
export function maskApisPassenger(p: ApisPassenger): ApisPassenger {
  return {
    ...p,
    passengerRecordId: `${p.flightNumber}-${p.flightDate}-${MASKED}${p.travelDocument.number.slice(-3)}`,
    surname: maskName(p.surname),
    givenNames: maskName(p.givenNames),
    dateOfBirth: `${p.dateOfBirth.slice(0, 4)}-**-**`,
    travelDocument: { ...p.travelDocument, number: maskDocumentNumber(p.travelDocument.number) },
  };
}

/** A PNR as a reader without the passenger-desk role sees it: travellers' names and document numbers masked. */
export function maskPnrRecord(pnr: PnrRecord): PnrRecord {
  return {
    ...pnr,
    passengers: pnr.passengers.map((t) => ({
      surname: maskName(t.surname),
      givenNames: maskName(t.givenNames),
      travelDocumentNumber: t.travelDocumentNumber === null ? null : maskDocumentNumber(t.travelDocumentNumber),
    })),
  };
}

/**
 * The day a PNR received on `receivedOn` (`YYYY-MM-DD`) is to be depersonalised: `months` later,
 * on the same day of the month or the month's last day when it has fewer days (31 Aug + 6 months
 * = 28/29 Feb).
 * @throws RangeError when `months` is not an integer from 1 to 120.
 */
export function pnrDepersonaliseOn(receivedOn: string, months = DEFAULT_PNR_RETENTION_MONTHS): string {
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new RangeError(`PNR retention must be 1-120 whole months, got ${months}`);
  const [y, m, d] = receivedOn.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * A PNR depersonalised for keeping past its retention: every traveller's name and document
 * number replaced by the mask for good (not recoverable from the result), everything else
 * (booking reference, dates, payment form, itinerary, stay, bags) kept for analysis and for the
 * companion links of cases decided before.
 */
export function depersonalisePnr(pnr: PnrRecord): PnrRecord {
  return {
    ...pnr,
    passengers: pnr.passengers.map(() => ({ surname: MASKED, givenNames: MASKED, travelDocumentNumber: null })),
  };
}
