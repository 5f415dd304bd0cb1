import { UnsupportedCriterionError } from './criteria-dnf';
import { testCriterion } from './test-criteria';
import { REGO_QUERY, toRego } from './to-rego';

describe('toRego', () => {
  it('writes one partial-set rule body per criterion, the LOCAL office first and the validity window last', () => {
    const { module, criteria, rules } = toRego([
      testCriterion('LOC-40-001', { all: [{ fact: 'importerId', operator: 'equal', value: 'IMP0001' }, { fact: 'taxRate', operator: 'greaterThanInclusive', value: 8 }] }, '40'),
    ]);
    expect(REGO_QUERY).toBe('data.bench.fired');
    expect([criteria, rules]).toEqual([1, 1]);
    expect(module).toContain('package bench\n');
    expect(module).toContain(
      'fired contains "LOC-40-001@v1" if {\n\tinput.officeId == "40"\n\tinput.importerId == "IMP0001"\n\tinput.taxRate >= 8\n\tinput.date >= "2021-01-01"\n\tinput.date <= "2021-12-31"\n}\n',
    );
  });

  it('expands in-lists and keywords into one body per value, keywords lower-cased as word-set memberships', () => {
    const { module, rules } = toRego([
      testCriterion('CEN-WPN-001', {
        all: [
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['930200'] },
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['Pistol', 'revolver'] },
          { fact: 'originCountry', operator: 'in', value: ['US', 'CN'] },
        ],
      }),
    ]);
    expect(rules).toBe(4);
    expect(module).toContain('\tinput.hsCode == "930200"\n\tinput.originCountry == "US"\n\t"pistol" in input.words\n');
    expect(module).toContain('\tinput.hsCode == "930200"\n\tinput.originCountry == "CN"\n\t"revolver" in input.words\n');
  });

  it('uses startswith for HS prefixes that are not a chapter, heading or subheading', () => {
    const { module } = toRego([testCriterion('CEN-WPN-002', { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['930', '93'] })]);
    expect(module).toContain('\tinput.hsChapter == "93"\n');
    expect(module).toContain('\tstartswith(input.hsCode, "930")\n');
  });

  it('guards comparisons on the nullable unit price (null < 5 holds in Rego) and negates through helpers', () => {
    const { module } = toRego([
      testCriterion('CEN-UND-001', { all: [{ fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: 5 }, { not: { fact: 'unitPriceKrwPerKg', operator: 'greaterThan', value: 1 } }] }),
    ]);
    expect(module).toContain('\tis_number(input.unitPriceKrwPerKg)\n\tinput.unitPriceKrwPerKg < 5\n\tnot cmp_gt(input.unitPriceKrwPerKg, 1)\n');
    expect(module).toContain('cmp_gt(x, v) if {\n\tis_number(x)\n\tx > v\n}\n');
  });

  it('writes notEqual, notIn and negated keywords as not-expressions, any as several bodies', () => {
    const { module, rules } = toRego([
      testCriterion('CEN-ORG-001', {
        any: [
          { fact: 'sellerId', operator: 'notEqual', value: null },
          { all: [{ fact: 'originCountry', operator: 'notIn', value: ['KR', 'JP'] }, { not: { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['steel'] } }] },
        ],
      }),
    ]);
    expect(rules).toBe(2);
    expect(module).toContain('\tnot input.sellerId == null\n');
    expect(module).toContain('\tnot input.originCountry == "KR"\n\tnot input.originCountry == "JP"\n\tnot "steel" in input.words\n');
  });

  it('leaves out criteria our engine ignores and refuses phrases', () => {
    expect(toRego([testCriterion('CEN-WPN-003', { fact: 'importerId', operator: 'equal', value: 'X' }, null, { status: 'RETIRED' })]).rules).toBe(0);
    expect(() => toRego([testCriterion('CEN-WPN-004', { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['fire arms'] })])).toThrow(UnsupportedCriterionError);
  });
});
