import type { FactSpec } from '../core/api.types';

/**
 * The builder's copy of the selectivity lib's operator rules (libs/selectivity,
 * `OPERATOR_SPECS` and `validateCriterion`): which operators apply to which fact type and
 * what their compare value must look like. The API checks again and names any problem the
 * form missed (`errors: ["conditions.all[0].value: ..."]`), shown next to the same field.
 */

/** Operators taking a list of values (entered comma-separated). */
export const LIST_OPERATORS: readonly string[] = ['in', 'notIn', 'hsStartsWithAny', 'containsAnyKeyword'];
/** Operators for string facts; `hsStartsWithAny` only on {@link HS_FACTS}. */
const STRING_OPERATORS: readonly string[] = ['equal', 'notEqual', 'in', 'notIn', 'hsStartsWithAny', 'containsAnyKeyword'];
/** Operators for number facts. */
const NUMBER_OPERATORS: readonly string[] = [
  'equal', 'notEqual', 'in', 'notIn', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive',
];
/** Facts `hsStartsWithAny` may be applied to. */
export const HS_FACTS: readonly string[] = ['hsCode', 'hsHeading', 'hsChapter'];
/** Minimum number of search keywords on a criterion (libs/selectivity `MIN_KEYWORDS`). */
export const MIN_KEYWORDS = 3;
/** Criterion id format: `CEN-<AREA>-NNN` or `LOC-<office>-NNN`. */
export const CRITERION_ID_PATTERN = /^(CEN-[A-Z]{2,5}-\d{3}|LOC-[0-9A-Z]{1,6}-\d{3})$/;

/** Id prefix of central criteria per risk area, as the seed set in `rules/central` uses them. */
export const AREA_CODES: Record<string, string> = {
  TAX_EVASION: 'TAX',
  UNFAIR_TRADE: 'UFT',
  ENVIRONMENT: 'ENV',
  NATIONAL_SECURITY: 'SEC',
  PUBLIC_HEALTH: 'HLT',
  ILLEGAL_FOREIGN_EXCHANGE: 'FX',
  SMUGGLING_DRUGS: 'DRG',
  SMUGGLING_WEAPONS: 'WPN',
  SMUGGLING_OTHER: 'SMG',
  ORIGIN_FRAUD: 'ORG',
  UNDERVALUATION: 'UVL',
};

/** The operators that apply to `fact`, in the API's order (`known` = meta.operators). */
export function operatorsFor(fact: string, spec: FactSpec | undefined, known: readonly string[]): string[] {
  if (!spec) return [];
  const allowed = spec.type === 'number' ? NUMBER_OPERATORS : STRING_OPERATORS.filter((o) => o !== 'hsStartsWithAny' || HS_FACTS.includes(fact));
  return known.filter((o) => allowed.includes(o));
}

/** Splits a comma-separated list, trimming and dropping blanks. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A compare value parsed from the form, or the i18n key of what is wrong with it. */
export type ParsedValue = { ok: true; value: unknown } | { ok: false; error: string };

/** Parses the value text of one condition for its fact type and operator. */
export function parseValue(text: string, operator: string, spec: FactSpec | undefined): ParsedValue {
  const number = spec?.type === 'number';
  const one = (s: string): ParsedValue => {
    if (!number) return { ok: true, value: s };
    const n = Number(s);
    return s !== '' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, error: 'builder.error.number' };
  };
  if (LIST_OPERATORS.includes(operator)) {
    const items = splitList(text);
    if (items.length === 0) return { ok: false, error: 'builder.error.list' };
    if (operator === 'hsStartsWithAny' && items.some((p) => !/^\d{2,6}$/.test(p))) return { ok: false, error: 'builder.error.hsPrefix' };
    const values: unknown[] = [];
    for (const item of items) {
      const parsed = one(item);
      if (!parsed.ok) return parsed;
      values.push(parsed.value);
    }
    return { ok: true, value: values };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'builder.error.value' };
  return one(trimmed);
}

/** `YYYY-MM-DD` of a date in UTC (the API judges validity on ISO dates). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `day` plus `n` days, as `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

/**
 * The next free id for a prefix (`LOC-40-`, `CEN-UVL-`): one above the highest number in use,
 * so a new criterion never silently becomes a new version of an existing one.
 */
export function nextId(prefix: string, existing: readonly string[]): string {
  const used = new Set(existing.filter((id) => id.startsWith(prefix)).map((id) => Number(id.slice(prefix.length))).filter(Number.isFinite));
  let next = (used.size ? Math.max(...used) : 0) + 1;
  // Past 999, the lowest free number instead.
  if (next > 999) for (next = 1; next < 999 && used.has(next); next++);
  return `${prefix}${String(next).padStart(3, '0')}`;
}
