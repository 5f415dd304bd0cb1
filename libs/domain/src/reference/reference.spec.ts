import { isISO31661Alpha2 } from 'class-validator';
import { isCustomsCountryCode, isKnownKcsCode, isKnownOffice, KCS_COUNTRY_CODES, KCS_OFFICE_CODES, NON_ISO_CUSTOMS_COUNTRY_CODES } from '.';

describe('reference codes', () => {
  it('lists the offices seen in the KCS data', () => {
    expect(KCS_OFFICE_CODES).toHaveLength(42);
    expect(isKnownOffice('40')).toBe(true);
    expect(isKnownOffice('999')).toBe(false);
    expect(isKnownOffice(40)).toBe(false);
  });

  it('checks each KCS code list', () => {
    expect(isKnownKcsCode('processType', 'B')).toBe(true);
    expect(isKnownKcsCode('transportMode', '40')).toBe(true);
    expect(isKnownKcsCode('taxType', 'FCN1')).toBe(true);
    expect(isKnownKcsCode('originIndicator', 'Y')).toBe(true);
    expect(isKnownKcsCode('taxType', 'fcn1')).toBe(false);
    expect(isKnownKcsCode('importType', '')).toBe(false);
  });

  it('every country code of the KCS data is ISO 3166-1 alpha-2, except the documented ZZ', () => {
    const nonIso = KCS_COUNTRY_CODES.filter((c) => !isISO31661Alpha2(c));
    expect(nonIso).toEqual(['ZZ']);
    expect(NON_ISO_CUSTOMS_COUNTRY_CODES).toEqual(nonIso);
    for (const code of KCS_COUNTRY_CODES) expect(isCustomsCountryCode(code)).toBe(true);
  });

  it('rejects lower case, unknown and non-string country codes', () => {
    for (const code of ['cn', 'Cn', 'XX', 'CHN', '', null, 86]) expect(isCustomsCountryCode(code)).toBe(false);
  });
});
