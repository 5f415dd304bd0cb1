import { META_FACTS, META_OPERATORS, META_RISK_AREAS } from './criteria-meta.mock';
import {
  AREA_CODES, CRITERION_ID_PATTERN, HS_FACTS, LIST_OPERATORS, MIN_KEYWORDS, addDays, isoDay, nextId, operatorsFor, parseValue, splitList,
} from './criterion-rules';

/** The API's rule (libs/selectivity `OPERATOR_SPECS[op].factTypes`), restated to check the builder's copy against it. */
const API_FACT_TYPES: Record<string, readonly string[]> = {
  equal: ['string', 'number'],
  notEqual: ['string', 'number'],
  in: ['string', 'number'],
  notIn: ['string', 'number'],
  hsStartsWithAny: ['string'],
  containsAnyKeyword: ['string'],
  greaterThan: ['number'],
  greaterThanInclusive: ['number'],
  lessThan: ['number'],
  lessThanInclusive: ['number'],
};

describe('operatorsFor', () => {
  it('offers the comparisons and lists for a number fact, never the string operators', () => {
    expect(operatorsFor('taxRate', META_FACTS['taxRate'], META_OPERATORS)).toEqual([
      'equal', 'notEqual', 'in', 'notIn', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive',
    ]);
  });

  it('offers hsStartsWithAny on HS facts only', () => {
    for (const fact of ['hsCode', 'hsHeading', 'hsChapter']) {
      expect(operatorsFor(fact, META_FACTS[fact], META_OPERATORS)).toEqual(['equal', 'notEqual', 'in', 'notIn', 'hsStartsWithAny', 'containsAnyKeyword']);
    }
    expect(operatorsFor('originCountry', META_FACTS['originCountry'], META_OPERATORS)).toEqual(['equal', 'notEqual', 'in', 'notIn', 'containsAnyKeyword']);
    expect(operatorsFor('goodsDescription', META_FACTS['goodsDescription'], META_OPERATORS)).not.toContain('hsStartsWithAny');
    expect(HS_FACTS).toEqual(['hsCode', 'hsHeading', 'hsChapter']);
  });

  it('agrees with the API on every fact and operator (fact type, HS-only prefix match)', () => {
    for (const [fact, spec] of Object.entries(META_FACTS)) {
      const api = META_OPERATORS.filter((op) => API_FACT_TYPES[op].includes(spec.type) && (op !== 'hsStartsWithAny' || HS_FACTS.includes(fact)));
      expect({ fact, ops: operatorsFor(fact, spec, META_OPERATORS) }).toEqual({ fact, ops: api });
    }
  });

  it('keeps the order the API lists and leaves out operators the API does not offer', () => {
    const reversed = [...META_OPERATORS].reverse();
    expect(operatorsFor('netMassKg', META_FACTS['netMassKg'], reversed)).toEqual([
      'lessThanInclusive', 'lessThan', 'greaterThanInclusive', 'greaterThan', 'notIn', 'in', 'notEqual', 'equal',
    ]);
    expect(operatorsFor('hsCode', META_FACTS['hsCode'], ['equal', 'regex', 'hsStartsWithAny'])).toEqual(['equal', 'hsStartsWithAny']);
  });

  it('offers nothing for a field the API does not know', () => {
    expect(operatorsFor('colour', undefined, META_OPERATORS)).toEqual([]);
  });
});

describe('splitList', () => {
  it('splits on commas, trims and drops blanks', () => {
    expect(splitList(' CN, VN ,,  KR , ')).toEqual(['CN', 'VN', 'KR']);
    expect(splitList('air gun,pistol')).toEqual(['air gun', 'pistol']);
  });

  it('gives an empty list for blank text', () => {
    expect(splitList('')).toEqual([]);
    expect(splitList(' , ,')).toEqual([]);
  });
});

describe('parseValue', () => {
  const number = META_FACTS['taxRate'];
  const text = META_FACTS['originCountry'];

  it('parses one number for a number fact', () => {
    expect(parseValue('27', 'greaterThanInclusive', number)).toEqual({ ok: true, value: 27 });
    expect(parseValue(' 0.5 ', 'lessThan', number)).toEqual({ ok: true, value: 0.5 });
    expect(parseValue('-3', 'equal', number)).toEqual({ ok: true, value: -3 });
    expect(parseValue('1e3', 'equal', number)).toEqual({ ok: true, value: 1000 });
  });

  it('refuses text and infinities for a number fact, and a blank value for any fact', () => {
    expect(parseValue('27%', 'equal', number)).toEqual({ ok: false, error: 'builder.error.number' });
    expect(parseValue('Infinity', 'greaterThan', number)).toEqual({ ok: false, error: 'builder.error.number' });
    expect(parseValue('   ', 'equal', number)).toEqual({ ok: false, error: 'builder.error.value' });
    expect(parseValue('', 'equal', text)).toEqual({ ok: false, error: 'builder.error.value' });
  });

  it('keeps a string value as trimmed text, digits included', () => {
    expect(parseValue(' CN ', 'equal', text)).toEqual({ ok: true, value: 'CN' });
    expect(parseValue('40', 'notEqual', META_FACTS['officeId'])).toEqual({ ok: true, value: '40' });
  });

  it('treats a field without a spec as text', () => {
    expect(parseValue('12', 'equal', undefined)).toEqual({ ok: true, value: '12' });
  });

  it('reads a comma-separated list for in / notIn, typed by the fact', () => {
    expect(parseValue('CN, VN', 'in', text)).toEqual({ ok: true, value: ['CN', 'VN'] });
    expect(parseValue('8, 13.5', 'notIn', number)).toEqual({ ok: true, value: [8, 13.5] });
    expect(parseValue('8, x', 'in', number)).toEqual({ ok: false, error: 'builder.error.number' });
    expect(parseValue(' , ', 'in', text)).toEqual({ ok: false, error: 'builder.error.list' });
  });

  it('takes HS prefixes of 2 to 6 digits as strings (leading zeros kept)', () => {
    expect(parseValue('9302, 93, 030211', 'hsStartsWithAny', META_FACTS['hsCode'])).toEqual({ ok: true, value: ['9302', '93', '030211'] });
    for (const bad of ['9', '1234567', '93a', '93.02']) {
      expect(parseValue(bad, 'hsStartsWithAny', META_FACTS['hsCode'])).toEqual({ ok: false, error: 'builder.error.hsPrefix' });
    }
    expect(parseValue('', 'hsStartsWithAny', META_FACTS['hsCode'])).toEqual({ ok: false, error: 'builder.error.list' });
  });

  it('keeps keyword phrases whole', () => {
    expect(parseValue('pistol, air gun ', 'containsAnyKeyword', META_FACTS['goodsDescription'])).toEqual({ ok: true, value: ['pistol', 'air gun'] });
  });

  it('knows exactly the four list operators', () => {
    expect([...LIST_OPERATORS].sort()).toEqual(['containsAnyKeyword', 'hsStartsWithAny', 'in', 'notIn']);
  });
});

describe('CRITERION_ID_PATTERN', () => {
  it('accepts central ids with a 2-5 letter area and local ids with a 1-6 character office, 3 digits each', () => {
    for (const id of ['CEN-DRG-001', 'CEN-FX-123', 'CEN-ABCDE-999', 'LOC-40-003', 'LOC-1-001', 'LOC-AB12CD-010']) {
      expect({ id, ok: CRITERION_ID_PATTERN.test(id) }).toEqual({ id, ok: true });
    }
  });

  it('refuses lower case, wrong lengths, other prefixes and surrounding text', () => {
    for (const id of [
      'cen-drg-001', 'CEN-D-001', 'CEN-ABCDEF-001', 'CEN-DR1-001', 'CEN-DRG-01', 'CEN-DRG-0001', 'LOC-1234567-001', 'LOC--001',
      'LOC-4-0-001', 'RSK-DRG-001', ' LOC-40-003', 'LOC-40-003 ', 'LOC-40-003x',
    ]) {
      expect({ id, ok: CRITERION_ID_PATTERN.test(id) }).toEqual({ id, ok: false });
    }
  });
});

describe('MIN_KEYWORDS and AREA_CODES', () => {
  it('asks for three keywords, as libs/selectivity MIN_KEYWORDS', () => {
    expect(MIN_KEYWORDS).toBe(3);
  });

  it('has a distinct id code for every risk area of the API, each valid in a central id', () => {
    expect(Object.keys(AREA_CODES).sort()).toEqual([...META_RISK_AREAS].sort());
    const codes = Object.values(AREA_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(CRITERION_ID_PATTERN.test(`CEN-${code}-001`)).toBe(true);
    expect(AREA_CODES['UNDERVALUATION']).toBe('UVL');
    expect(AREA_CODES['SMUGGLING_DRUGS']).toBe('DRG');
  });
});

describe('isoDay and addDays', () => {
  it('writes the UTC calendar day', () => {
    expect(isoDay(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toBe('2026-12-31');
    expect(isoDay(new Date(Date.UTC(2027, 0, 1, 0, 0, 0)))).toBe('2027-01-01');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-03-01', 14)).toBe('2026-03-15');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });
});

describe('nextId', () => {
  it('starts at 001 for a prefix not in use', () => {
    expect(nextId('LOC-40-', [])).toBe('LOC-40-001');
    expect(nextId('CEN-UVL-', ['LOC-40-001', 'CEN-DRG-004'])).toBe('CEN-UVL-001');
  });

  it('takes one above the highest number of that prefix, never filling gaps', () => {
    expect(nextId('LOC-40-', ['LOC-40-001', 'LOC-40-003', 'LOC-400-007', 'LOC-4-009', 'CEN-UVL-002'])).toBe('LOC-40-004');
    expect(nextId('CEN-FX-', ['CEN-FX-010', 'CEN-FX-002'])).toBe('CEN-FX-011');
  });

  it('ignores ids of the prefix that do not end in a number', () => {
    expect(nextId('LOC-40-', ['LOC-40-ABC', 'LOC-40-002'])).toBe('LOC-40-003');
  });

  it('takes the lowest free number once 999 is in use', () => {
    expect(nextId('LOC-40-', ['LOC-40-001', 'LOC-40-002', 'LOC-40-999'])).toBe('LOC-40-003');
  });
});
