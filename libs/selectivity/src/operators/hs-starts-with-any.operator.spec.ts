import { hsStartsWith, hsStartsWithAnyFactValidator, validateHsPrefixes } from './hs-starts-with-any.operator';

describe('hsStartsWithAny', () => {
  it('matches any prefix', () => {
    expect(hsStartsWith('930200', ['9302', '9303'])).toBe(true);
    expect(hsStartsWith('930320', ['9302', '93'])).toBe(true);
    expect(hsStartsWith('851712', ['9302', '9303'])).toBe(false);
    expect(hsStartsWith('851712', 'not an array')).toBe(false);
  });
  it('validates facts and values', () => {
    expect(hsStartsWithAnyFactValidator('930200')).toBe(true);
    expect(hsStartsWithAnyFactValidator(930200)).toBe(false);
    expect(hsStartsWithAnyFactValidator(null)).toBe(false);
    expect(validateHsPrefixes(['93', '930200'])).toBeNull();
    expect(validateHsPrefixes([])).toMatch(/non-empty/);
    expect(validateHsPrefixes(['9'])).toMatch(/2-6 digit/);
    expect(validateHsPrefixes(['9302001'])).toMatch(/2-6 digit/);
    expect(validateHsPrefixes([9302])).toMatch(/2-6 digit/);
    expect(validateHsPrefixes('9302')).toMatch(/non-empty array/);
  });
});
