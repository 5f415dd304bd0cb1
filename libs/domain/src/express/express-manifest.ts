import {
  arrayProblem, checkFields, countryCode, type DocumentValidation, type FieldCheck, isoUtcDateTime, matching,
  numberBetween, officeCode, oneOf, pick, show, stringTypeProblem, text,
} from '../field-checks';

/**
 * One house air waybill of an express cargo manifest: a parcel a courier brings in for one
 * consignee, X-rayed at the express logistics centre before list clearance.
 */
export interface ExpressWaybill {
  /** House waybill number: 8-20 ASCII letters or digits, unique within its manifest. */
  waybillNumber: string;
  /** Express courier id (1-20 letters or digits), as in `Declaration.courierId`. */
  courierId: string;
  /** Shipper (seller or sender) name, free text (1-200 characters). */
  shipperName: string;
  /** Shipper's country, ISO 3166-1 alpha-2. */
  shipperCountry: string;
  /** Consignee name, free text (1-200 characters). */
  consigneeName: string;
  /**
   * Consignee id: a Korean personal customs clearance code (`P` + 12 digits) for an
   * individual, or a 10-digit business registration number for a company.
   */
  consigneeId: string;
  /** Consignee delivery address, free text (1-400 characters). */
  consigneeAddress: string;
  /** Goods description as declared by the shipper (1-2000 characters). */
  goodsDescription: string;
  /** Number of pieces (integer, 1..1,000,000). */
  quantity: number;
  /** Gross weight in kilograms (> 0, <= 70,000). */
  grossWeightKg: number;
  /** Declared value in US dollars (0..10,000,000). */
  declaredValueUsd: number;
  /** Country of origin of the goods, ISO 3166-1 alpha-2. */
  originCountry: string;
}

/** An express cargo manifest: the house waybills of one flight or vessel voyage for one logistics centre. */
export interface ExpressManifest {
  /** Manifest id (1-35 letters, digits or hyphens). */
  manifestId: string;
  /** How the consignment arrives. */
  transportMode: 'AIR' | 'SEA';
  /** Flight number (AIR, e.g. `"KE0852"`) or vessel voyage number (SEA, 1-17 letters, digits or hyphens). */
  voyage: string;
  /** Arrival, ISO 8601 UTC date-time, e.g. `"2026-12-01T06:30:00Z"`. */
  arrivalAt: string;
  /** Customs office code of the express logistics centre (shape of `CODE_FORMATS.officeId`, e.g. `"40"`). */
  logisticsCentreId: string;
  /** The house waybills: 1..MAX_WAYBILLS_PER_MANIFEST, waybill numbers unique. */
  waybills: ExpressWaybill[];
}

/** Transport modes of an express manifest. */
export const EXPRESS_TRANSPORT_MODES = ['AIR', 'SEA'] as const;
/** Most waybills one manifest may carry (a full freighter load of express parcels is a few thousand). */
export const MAX_WAYBILLS_PER_MANIFEST = 20_000;
/** Upper bound of a waybill's gross weight, in kg (a B747 freighter's full payload is about 110 t; one house waybill never exceeds 70 t). */
export const MAX_WAYBILL_WEIGHT_KG = 70_000;
/** Upper bound of a waybill's declared value, in USD. */
export const MAX_WAYBILL_VALUE_USD = 10_000_000;
/** Upper bound of a waybill's piece count. */
export const MAX_WAYBILL_QUANTITY = 1_000_000;
/** Most problems one manifest validation reports; beyond it a last line counts the rest. */
export const MAX_REPORTED_PROBLEMS = 200;

/** Korean personal customs clearance code (개인통관고유부호): `P` and 12 digits. */
export const PERSONAL_CLEARANCE_CODE = /^P[0-9]{12}$/;
/** Korean business registration number: 10 digits. */
export const BUSINESS_REGISTRATION_NUMBER = /^[0-9]{10}$/;

const WAYBILL_RULES: Readonly<Record<keyof ExpressWaybill, FieldCheck>> = {
  waybillNumber: matching(/^[A-Za-z0-9]{8,20}$/, '8-20 letters or digits'),
  courierId: matching(/^[A-Za-z0-9]{1,20}$/, '1-20 letters or digits'),
  shipperName: text(200),
  shipperCountry: countryCode,
  consigneeName: text(200),
  consigneeId: (v) => stringTypeProblem(v) ?? (PERSONAL_CLEARANCE_CODE.test(v as string) || BUSINESS_REGISTRATION_NUMBER.test(v as string) ? null
    : `must be a personal customs clearance code (P and 12 digits) or a business registration number (10 digits): ${show(v)}`),
  consigneeAddress: text(400),
  goodsDescription: text(2000),
  quantity: numberBetween(1, MAX_WAYBILL_QUANTITY, 'pieces', { integer: true }),
  grossWeightKg: numberBetween(0, MAX_WAYBILL_WEIGHT_KG, 'kg', { minExclusive: true }),
  declaredValueUsd: numberBetween(0, MAX_WAYBILL_VALUE_USD, 'USD'),
  originCountry: countryCode,
};

const FLIGHT = /^(?:[A-Z0-9]{2}|[A-Z]{3})[0-9]{1,4}[A-Z]?$/;
const VESSEL_VOYAGE = /^[A-Z0-9][A-Z0-9-]{0,16}$/;

const MANIFEST_RULES: Readonly<Record<keyof ExpressManifest, FieldCheck>> = {
  manifestId: matching(/^[A-Za-z0-9-]{1,35}$/, '1-35 letters, digits or hyphens'),
  transportMode: oneOf(EXPRESS_TRANSPORT_MODES),
  voyage: matching(VESSEL_VOYAGE, 'a flight or voyage number (1-17 capital letters, digits or hyphens)'),
  arrivalAt: isoUtcDateTime,
  logisticsCentreId: officeCode,
  waybills: (v) => arrayProblem(v, 1, MAX_WAYBILLS_PER_MANIFEST),
};

/**
 * Validates an untrusted plain object (e.g. parsed JSON) as an {@link ExpressManifest}.
 *
 * Rejects non-objects, unknown properties, missing or wrongly typed fields (nothing is coerced),
 * malformed codes (countries must pass `isCustomsCountryCode`; the centre must have the shape of
 * an office code), absurd numbers (NaN, Infinity, weight <= 0 or > 70,000 kg, value < 0 or
 * > 10,000,000 USD, a non-integer or zero quantity), impossible date-times, an AIR voyage that
 * is not a flight number, an empty list or more than 20,000 waybills, and a waybill number that
 * appears twice (compared case-insensitively).
 *
 * @returns `{ ok: true, value }` with a fresh copy holding only the manifest fields, or
 *   `{ ok: false, errors }`: one message per problem, each starting with the field path
 *   (`waybills[12].grossWeightKg must be ...`), at most MAX_REPORTED_PROBLEMS of them plus a
 *   last line counting the rest. Never throws.
 */
export function validateExpressManifest(input: unknown): DocumentValidation<ExpressManifest> {
  const errors: string[] = [];
  if (!checkFields(input, 'manifest', '', MANIFEST_RULES, errors)) return { ok: false, errors };
  if (input['transportMode'] === 'AIR' && typeof input['voyage'] === 'string' && VESSEL_VOYAGE.test(input['voyage']) && !FLIGHT.test(input['voyage'])) {
    errors.push(`voyage must be a flight number when transportMode is AIR: ${input['voyage']}`);
  }
  const waybills: ExpressWaybill[] = [];
  if (Array.isArray(input['waybills']) && input['waybills'].length <= MAX_WAYBILLS_PER_MANIFEST) {
    const firstIndex = new Map<string, number>();
    input['waybills'].forEach((w: unknown, i: number) => {
      const path = `waybills[${i}].`;
      if (!checkFields(w, 'waybill', path, WAYBILL_RULES, errors)) return;
      waybills.push(pick<ExpressWaybill>(w, WAYBILL_RULES));
      if (typeof w['waybillNumber'] !== 'string') return;
      const key = w['waybillNumber'].toUpperCase();
      const first = firstIndex.get(key);
      if (first === undefined) firstIndex.set(key, i);
      else errors.push(`${path}waybillNumber duplicates waybills[${first}]: ${w['waybillNumber']}`);
    });
  }
  if (errors.length > 0) {
    if (errors.length <= MAX_REPORTED_PROBLEMS) return { ok: false, errors };
    return { ok: false, errors: [...errors.slice(0, MAX_REPORTED_PROBLEMS), `... and ${errors.length - MAX_REPORTED_PROBLEMS} more problems`] };
  }
  return { ok: true, value: { ...pick<Omit<ExpressManifest, 'waybills'>>(input, MANIFEST_RULES), waybills } };
}
