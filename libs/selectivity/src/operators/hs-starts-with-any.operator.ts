import { Operator } from 'json-rules-engine';

/** Operator name as written in criterion conditions. */
export const HS_STARTS_WITH_ANY = 'hsStartsWithAny';

/** Fact validator: the fact must be a string (an HS code); anything else fails the condition. */
export function hsStartsWithAnyFactValidator(factValue: unknown): factValue is string {
  return typeof factValue === 'string';
}

/**
 * True when the HS code `factValue` starts with any of `prefixes` (chapter, heading or
 * subheading prefixes of 2 to 6 digits). A non-array `prefixes` gives false.
 * @example hsStartsWith('930200', ['9302', '9303']) === true
 */
export function hsStartsWith(factValue: string, prefixes: unknown): boolean {
  if (!Array.isArray(prefixes)) return false;
  return prefixes.some((p) => typeof p === 'string' && p.length > 0 && factValue.startsWith(p));
}

/**
 * Checks a condition value for this operator.
 * @returns an error message, or `null` when the value is a non-empty array of 2-6 digit strings.
 */
export function validateHsPrefixes(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty array of 2-6 digit HS prefixes';
  const bad = value.filter((p) => typeof p !== 'string' || !/^\d{2,6}$/.test(p));
  if (bad.length > 0) return `needs 2-6 digit HS prefix strings, got ${bad.map((b) => JSON.stringify(b)).join(', ')}`;
  return null;
}

/** The json-rules-engine operator: `{ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'] }`. */
export function hsStartsWithAnyOperator(): Operator {
  return new Operator<string, unknown>(HS_STARTS_WITH_ANY, hsStartsWith, hsStartsWithAnyFactValidator);
}
