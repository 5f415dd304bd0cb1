import { sampleDeclaration } from '@customs/domain/testing';
import { DECLARATION_FIELDS, validateDeclaration } from '@customs/domain';
import { DECLARATION_DATE_PATTERN, DECLARATION_SCHEMA } from './declaration.schema';

describe('DECLARATION_SCHEMA', () => {
  it('states the date rule of validateDeclaration: the same verdict for every day from 1989 to 2101 and for impossible ones', () => {
    const pattern = new RegExp(DECLARATION_DATE_PATTERN);
    const disagree: string[] = [];
    for (let y = 1989; y <= 2101; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 0; d <= 32; d++) {
          const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (pattern.test(date) !== validateDeclaration(sampleDeclaration({ date })).ok) disagree.push(date);
        }
      }
    }
    expect(disagree).toEqual([]);
  });

  it('lists every field validateDeclaration checks, and requires those it requires', () => {
    const properties = Object.keys(DECLARATION_SCHEMA.properties ?? {}).sort();
    expect(properties).toEqual([...DECLARATION_FIELDS].sort());
    for (const field of DECLARATION_SCHEMA.required ?? []) {
      const { [field]: _omitted, ...rest } = sampleDeclaration() as unknown as Record<string, unknown>;
      expect(validateDeclaration(rest).ok).toBe(false);
    }
  });
});

describe('DECLARATION_SCHEMA code fields', () => {
  it('states the shape validateDeclaration checks, and admits well-formed codes not in the lists (FUS6, 101)', () => {
    const props = DECLARATION_SCHEMA.properties as Record<string, { pattern?: string; enum?: unknown }>;
    for (const [field, value, ok] of [
      ['taxType', 'FUS6', true], ['officeId', '101', true], ['hsCode', '999999', true], ['originCountry', 'XX', true],
      ['taxType', 'fus6', false], ['officeId', '0101', false], ['hsCode', '00000A', false], ['originCountry', 'BEL', false],
    ] as const) {
      expect(props[field].enum).toBeUndefined();
      expect([field, value, new RegExp(props[field].pattern!).test(value)]).toEqual([field, value, ok]);
      expect([field, value, validateDeclaration(sampleDeclaration({ [field]: value })).ok]).toEqual([field, value, ok]);
    }
  });
});
