import { containsAnyKeyword, containsAnyKeywordFactValidator, findKeyword, validateKeywords } from './contains-any-keyword.operator';

describe('containsAnyKeyword', () => {
  it('matches whole words case-insensitively: GUN selects a glue gun but not gunpowder (the GLUE GUN case)', () => {
    expect(containsAnyKeyword('Glue gun, electric', ['GUN'])).toBe(true);
    expect(containsAnyKeyword('Propellent powders; gunpowder', ['GUN'])).toBe(false);
    expect(containsAnyKeyword('Gunpowder', ['gun'])).toBe(false);
    expect(containsAnyKeyword('Shotgun cartridges', ['gun'])).toBe(false);
  });
  it('supports multi-word keywords and collapses whitespace', () => {
    expect(findKeyword('Weapons; military weapons, other than revolvers, pistols', ['rifle', 'military  weapons'])).toBe('military  weapons');
    expect(containsAnyKeyword('Tobacco; unmanufactured', ['cigars', 'tobacco'])).toBe(true);
  });
  it('treats keywords literally, never as regular expressions', () => {
    expect(containsAnyKeyword('Pistols and revolvers', ['pist.ls'])).toBe(false);
    expect(containsAnyKeyword('Parts (n.e.c.) of machines', ['(n.e.c.)'])).toBe(true);
    expect(containsAnyKeyword('anything', ['.*'])).toBe(false);
    expect(() => containsAnyKeyword('a [b', ['['])).not.toThrow();
  });
  it('fails on non-string facts and bad values', () => {
    expect(containsAnyKeywordFactValidator(undefined)).toBe(false);
    expect(containsAnyKeywordFactValidator(12)).toBe(false);
    expect(containsAnyKeyword('gun', 'gun')).toBe(false);
    expect(validateKeywords(['a'])).toBeNull();
    expect(validateKeywords([])).toMatch(/non-empty/);
    expect(validateKeywords(['ok', ' '])).toMatch(/non-blank/);
  });
});
