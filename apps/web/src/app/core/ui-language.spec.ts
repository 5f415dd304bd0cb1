import { LANGUAGES, initialLanguage, isLanguage } from './ui-language';

describe('isLanguage', () => {
  it('knows English and Korean only, by their exact codes', () => {
    expect(LANGUAGES).toEqual(['en', 'ko']);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('ko')).toBe(true);
    expect(isLanguage('KO')).toBe(false);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(null)).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});

describe('initialLanguage', () => {
  it('keeps the choice stored in this browser over the browser language', () => {
    expect(initialLanguage('en', 'ko-KR')).toBe('en');
    expect(initialLanguage('ko', 'en-US')).toBe('ko');
  });

  it('follows a Korean browser when nothing usable is stored', () => {
    expect(initialLanguage(null, 'ko-KR')).toBe('ko');
    expect(initialLanguage('klingon', 'KO')).toBe('ko');
    expect(initialLanguage(null, 'ko')).toBe('ko');
  });

  it('falls back to English for any other or no browser language', () => {
    expect(initialLanguage(null, 'en-GB')).toBe('en');
    expect(initialLanguage(null, 'ja-JP')).toBe('en');
    expect(initialLanguage(null, undefined)).toBe('en');
    expect(initialLanguage(null, '')).toBe('en');
  });
});
