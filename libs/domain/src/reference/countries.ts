import { isISO31661Alpha2 } from 'class-validator';

/**
 * Country codes that are not ISO 3166-1 alpha-2 but that customs declarations legitimately
 * carry, accepted explicitly.
 *
 * - `ZZ`: "unknown or unspecified country". ISO 3166 reserves ZZ as a user-assigned code and
 *   customs administrations (WCO data model, KCS) use it when the country of origin or of
 *   departure is not known. Found in the KCS data: 29 departures and 24 origins of 45,519
 *   rows (train + valid); every other country code there passes `isISO31661Alpha2`.
 */
export const NON_ISO_CUSTOMS_COUNTRY_CODES: readonly string[] = ['ZZ'];

const NON_ISO = new Set(NON_ISO_CUSTOMS_COUNTRY_CODES);
const UPPER2 = /^[A-Z]{2}$/;

/**
 * Whether `code` is an upper-case ISO 3166-1 alpha-2 country code (class-validator's
 * `isISO31661Alpha2`) or one of {@link NON_ISO_CUSTOMS_COUNTRY_CODES}. Lower case is
 * rejected: declarations carry codes as published (`CN`, not `cn`).
 */
export function isCustomsCountryCode(code: unknown): code is string {
  return typeof code === 'string' && UPPER2.test(code) && (isISO31661Alpha2(code) || NON_ISO.has(code));
}
