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

function isWordUnit(unit: string): boolean {
  const code = unit.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return WORD_CHAR.test(unit);
}

/**
 * The word tokens of `text` as {@link findKeyword} sees them: maximal runs of word
 * characters (letter, digit, underscore) in the normalised (lower-cased) text, each
 * UTF-16 unit judged on its own exactly like the operator's boundary test.
 *
 * Index invariant (what the selectivity fast path relies on): when `findKeyword(text, [k])`
 * matches, every token of `k` is also a token of `text`, because a match is bounded by
 * non-word units on both sides and inside the keyword a token is bounded by the keyword's
 * own non-word units.
 */
export function keywordTokens(text: string): string[] {
  const s = normalise(text);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const word = i < s.length && isWordUnit(s[i]);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
  }
  return out;
}

/** True when `text` contains any of `keywords` as a whole word; see {@link findKeyword}. */
export function containsAnyKeyword(text: string, keywords: unknown): boolean {
  return findKeyword(text, keywords) !== null;
}

/** Most keywords one `containsAnyKeyword` condition may list. */
export const MAX_OPERATOR_KEYWORDS = 1000;
/** Longest keyword or phrase of a `containsAnyKeyword` condition, characters. */
export const MAX_OPERATOR_KEYWORD_LENGTH = 200;

/**
 * Checks a condition value for this operator.
 * @returns an error message, or `null` when the value is a non-empty array of at most
 *   {@link MAX_OPERATOR_KEYWORDS} non-blank strings of at most {@link MAX_OPERATOR_KEYWORD_LENGTH} characters.
 */
export function validateKeywords(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'needs a non-empty array of keywords';
  if (value.length > MAX_OPERATOR_KEYWORDS) return `needs at most ${MAX_OPERATOR_KEYWORDS} keywords, got ${value.length}`;
  if (value.some((k) => typeof k !== 'string' || k.trim() === '')) return 'needs non-blank keyword strings';
  if (value.some((k) => (k as string).length > MAX_OPERATOR_KEYWORD_LENGTH)) return `needs keywords of at most ${MAX_OPERATOR_KEYWORD_LENGTH} characters`;
  return null;
}


/** The json-rules-engine operator: `{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['pistol'] }`. */
export function containsAnyKeywordOperator(): Operator {
  return new Operator<string, unknown>(CONTAINS_ANY_KEYWORD, containsAnyKeyword, containsAnyKeywordFactValidator);
}
