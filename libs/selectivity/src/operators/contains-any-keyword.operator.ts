import { Operator } from 'json-rules-engine';

/** Operator name as written in criterion conditions. */
export const CONTAINS_ANY_KEYWORD = 'containsAnyKeyword';

/** Fact validator: the fact must be a string (a goods description); anything else fails the condition. */
export function containsAnyKeywordFactValidator(factValue: unknown): factValue is string {
  return typeof factValue === 'string';
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The first keyword found in `text` as a whole word (or whole phrase), case-insensitive;
 * `null` when none. Keywords are matched literally (never as regular expressions); a
 * match must not be preceded or followed by a letter, digit or underscore, so `gun`
 * matches "Glue gun" and "guns, pistols" is NOT matched by `gun` ("guns" is another word)
 * and "Gunpowder" is not matched either. Runs of whitespace compare equal.
 */
export function findKeyword(text: string, keywords: unknown): string | null {
  if (!Array.isArray(keywords)) return null;
  const haystack = normalise(text);
  for (const keyword of keywords) {
    if (typeof keyword !== 'string') continue;
    const needle = normalise(keyword);
    if (needle.length === 0) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      const before = at === 0 ? '' : haystack[at - 1];
      const after = haystack.charAt(at + needle.length);
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return keyword;
    }
  }
  return null;
}

/** True when `text` contains any of `keywords` as a whole word; see {@link findKeyword}. */
export function containsAnyKeyword(text: string, keywords: unknown): boolean {
  return findKeyword(text, keywords) !== null;
}

/**
 * Checks a condition value for this operator.
 * @returns an error message, or `null` when the value is a non-empty array of non-blank strings.
 */
export function validateKeywords(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty array of keywords';
  if (value.some((k) => typeof k !== 'string' || k.trim() === '')) return 'needs non-blank keyword strings';
  return null;
}

/** The json-rules-engine operator: `{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['pistol'] }`. */
export function containsAnyKeywordOperator(): Operator {
  return new Operator<string, unknown>(CONTAINS_ANY_KEYWORD, containsAnyKeyword, containsAnyKeywordFactValidator);
}
