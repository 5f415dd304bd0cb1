import { isCustomsCountryCode } from './reference/countries';
import { CODE_FORMATS } from './reference/data-quality';

/**
 * Field checks shared by the validators of the express manifest and of the passenger
 * documents (APIS, PNR). Each check takes an untrusted value and returns `null` when it is
 * valid, else the reason without the field name (`"must be ..."`); the validators prefix the
 * field path, so every message reads `waybills[3].grossWeightKg must be ...`.
 * Same conventions as `declaration.dto.ts`: nothing is coerced (`"12"` is not a number).
 */
export type FieldCheck = (value: unknown) => string | null;

/** Result of a document validator: the validated copy, or every problem found (each naming its field path). */
export type DocumentValidation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Earliest date any of these documents may carry (ISO `YYYY-MM-DD`, inclusive). */
export const MIN_DOCUMENT_DATE = '1900-01-01';
/** Latest date any of these documents may carry (ISO `YYYY-MM-DD`, inclusive). */
export const MAX_DOCUMENT_DATE = '2100-12-31';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_UTC_DATETIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?Z$/;

/** Short printable form of a rejected value for error messages (never the whole of a long string). */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length > 40) return JSON.stringify(value.slice(0, 40) + '...');
    return /^[\x21-\x7e]+$/.test(value) ? value : JSON.stringify(value); // quote "", spaces, non-ASCII
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** `null` when `value` is a string; else the reason (required / wrong type). */
export function stringTypeProblem(value: unknown): string | null {
  if (value === undefined) return 'is required';
  if (typeof value !== 'string') return `must be a string, got ${show(value)}`;
  return null;
}

/** A string matching `pattern`; `what` completes "must be ..." in the message. */
export function matching(pattern: RegExp, what: string): FieldCheck {
  return (v) => stringTypeProblem(v) ?? (pattern.test(v as string) ? null : `must be ${what}: ${show(v)}`);
}

/**
 * Free text of 1..`max` characters, not blank, without control characters (a CR, LF or NUL in
 * a name or address is a transmission fault, not data).
 */
export function text(max: number): FieldCheck {
  return (v) => {
    const typeProblem = stringTypeProblem(v);
    if (typeProblem !== null) return typeProblem;
    const s = v as string;
    if (s.trim() === '') return 'must not be blank';
    if (s.length > max) return `must be at most ${max} characters, got ${s.length}`;
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(s)) return `must not contain control characters: ${show(s)}`;
    return null;
  };
}

/** One of the given literal values. */
export function oneOf(values: readonly string[]): FieldCheck {
  return (v) => stringTypeProblem(v) ?? (values.includes(v as string) ? null : `must be one of ${values.join(', ')}: ${show(v)}`);
}

/** `null`, or a value passing `check`; never absent. */
export function nullable(check: FieldCheck): FieldCheck {
  return (v) => {
    if (v === null) return null;
    if (v === undefined) return 'is required (null when not known)';
    const reason = check(v);
    return reason === null ? null : `${reason} (or null)`;
  };
}

/** Whether `y-mo-d` is a real calendar date. */
function isCalendarDate(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A real calendar date `YYYY-MM-DD` between MIN_ and MAX_DOCUMENT_DATE. */
export const isoDate: FieldCheck = (v) => {
  const typeProblem = stringTypeProblem(v);
  if (typeProblem !== null) return typeProblem;
  const s = v as string;
  const m = ISO_DATE.exec(s);
  if (m === null) return `must be an ISO date YYYY-MM-DD: ${show(s)}`;
  if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return `must be a real calendar date: ${s}`;
  if (s < MIN_DOCUMENT_DATE || s > MAX_DOCUMENT_DATE) return `must be between ${MIN_DOCUMENT_DATE} and ${MAX_DOCUMENT_DATE}: ${s}`;
  return null;
};

/**
 * An ISO 8601 UTC date-time `YYYY-MM-DDTHH:MM[:SS[.fraction]]Z` of a real calendar date
 * between MIN_ and MAX_DOCUMENT_DATE. Offsets other than `Z` are refused: the documents carry
 * UTC so that comparisons are plain string comparisons.
 */
export const isoUtcDateTime: FieldCheck = (v) => {
  const typeProblem = stringTypeProblem(v);
  if (typeProblem !== null) return typeProblem;
  const s = v as string;
  const m = ISO_UTC_DATETIME.exec(s);
  if (m === null) return `must be an ISO 8601 UTC date-time YYYY-MM-DDTHH:MM:SSZ: ${show(s)}`;
  const dateProblem = isoDate(m[1]);
  return dateProblem === null ? null : dateProblem.replace(/: .*$/, `: ${s}`);
};

/** An upper-case ISO 3166-1 alpha-2 country code, or `ZZ` (the check of `reference/countries.ts`). */
export const countryCode: FieldCheck = (v) =>
  stringTypeProblem(v) ?? (isCustomsCountryCode(v) ? null : `must be an ISO 3166-1 alpha-2 country code: ${show(v)}`);

/** The shape of a KCS customs office code (`CODE_FORMATS.officeId`: 2-3 digits, no leading zero, e.g. `"40"`). */
export const officeCode: FieldCheck = matching(CODE_FORMATS.officeId.pattern, CODE_FORMATS.officeId.what);

/** A three-letter IATA airport code, e.g. `"ICN"`. */
export const iataAirport: FieldCheck = matching(/^[A-Z]{3}$/, 'a three-letter IATA airport code');

/**
 * A flight number: an IATA (2 characters) or ICAO (3 letters) airline designator, 1-4 digits and
 * an optional operational suffix letter, e.g. `"KE0852"`, `"7C1102"`, `"AAR731"`.
 */
export const flightNumber: FieldCheck = matching(/^(?:[A-Z0-9]{2}|[A-Z]{3})[0-9]{1,4}[A-Z]?$/, 'a flight number (airline designator, 1-4 digits, optional suffix letter)');

/**
 * A finite number (no NaN, no Infinity, no numeric string) in `[min, max]`, or in `(min, max]`
 * when `minExclusive`; an integer when `integer`.
 */
export function numberBetween(min: number, max: number, unit: string, opts: { integer?: boolean; minExclusive?: boolean } = {}): FieldCheck {
  return (v) => {
    if (v === undefined) return 'is required';
    if (typeof v !== 'number') return `must be a number (${unit}), got ${typeof v === 'string' ? 'the string ' + JSON.stringify(v) : show(v)}`;
    if (!Number.isFinite(v)) return `must be a finite number (${unit}): ${v}`;
    if (opts.integer && !Number.isInteger(v)) return `must be an integer (${unit}): ${v}`;
    const aboveMin = opts.minExclusive ? v > min : v >= min;
    if (!aboveMin || v > max) return `must be ${opts.minExclusive ? 'greater than' : 'between'} ${min} ${opts.minExclusive ? 'and at most' : 'and'} ${max} ${unit}: ${v}`;
    return null;
  };
}

/**
 * Checks the own properties of `input` against `rules`, pushing `<path><field> <reason>` into
 * (`path` is the prefix of the fields, `""` or e.g. `"waybills[3]."`)
 * `errors` for every bad or missing field and `property <path><key> should not exist` for
 * every unknown one. Inherited properties never count as present.
 * @returns whether `input` was a plain object at all (when not, one error names `what`).
 */
export function checkFields(input: unknown, what: string, path: string, rules: Readonly<Record<string, FieldCheck>>, errors: string[]): input is Record<string, unknown> {
  const self = path === '' ? what : path.replace(/\.$/, '');
  if (input === undefined && path !== '') {
    errors.push(`${self} is required`);
    return false;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push(`${self} must be an object, got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}`);
    return false;
  }
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) {
    errors.push(`${self} must be a plain object`);
    return false;
  }
  const source = input as Record<string, unknown>;
  const hasOwn = Object.prototype.hasOwnProperty;
  for (const key of Object.keys(source)) if (!hasOwn.call(rules, key)) errors.push(`property ${path}${show(key)} should not exist`);
  for (const field of Object.keys(rules)) {
    const reason = rules[field](hasOwn.call(source, field) ? source[field] : undefined);
    if (reason !== null) errors.push(`${path}${field} ${reason}`);
  }
  return true;
}

/** A copy of `source` holding only the keys of `rules`, in their order. */
export function pick<T>(source: Record<string, unknown>, rules: Readonly<Record<string, FieldCheck>>): T {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(rules)) out[field] = source[field];
  return out as T;
}

/**
 * An array of `min`..`max` elements (the elements are checked by the caller).
 * @returns the reason, or `null`.
 */
export function arrayProblem(v: unknown, min: number, max: number): string | null {
  if (v === undefined) return 'is required';
  if (!Array.isArray(v)) return `must be an array, got ${show(v)}`;
  if (v.length < min) return min === 1 ? 'must not be empty' : `must have at least ${min} elements, got ${v.length}`;
  if (v.length > max) return `must have at most ${max} elements, got ${v.length}`;
  return null;
}
