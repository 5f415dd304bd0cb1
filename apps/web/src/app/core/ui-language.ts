/** UI languages; texts live in `public/i18n/<lang>.json`. */
export const LANGUAGES = ['en', 'ko'] as const;
/** A UI language code. */
export type UiLanguage = (typeof LANGUAGES)[number];

/** True when `value` is one of {@link LANGUAGES}. */
export function isLanguage(value: string | null | undefined): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language to start in: the choice stored in this browser when it is a known one, else
 * Korean when the browser's language is Korean (`ko`, `ko-KR`, any case), else English.
 * @param stored the value kept in localStorage, or null.
 * @param browserLanguage `navigator.language` (may be missing in odd browsers).
 */
export function initialLanguage(stored: string | null, browserLanguage: string | undefined): UiLanguage {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
