import { testCriterion } from './test-criteria';
import { toDrl } from './to-drl';

describe('toDrl', () => {
  it('writes one rule per alternative on the typed fact class, the LOCAL office first, adding the key to the global set', () => {
    const { drl, criteria, rules } = toDrl([
      testCriterion('LOC-40-001', { all: [{ fact: 'importerId', operator: 'equal', value: 'IMP0001' }, { fact: 'taxRate', operator: 'greaterThanInclusive', value: 8 }] }, '40'),
    ]);
    expect([criteria, rules]).toEqual([1, 1]);
    expect(drl).toContain('package bench.peers.rules;\n\nimport bench.peers.DeclFacts;\n\nglobal java.util.Set fired;\n');
    expect(drl).toContain(
      'rule "LOC-40-001@v1 #1"\nwhen\n    DeclFacts( officeId == "40", importerId == "IMP0001", taxRate >= 8, date >= "2021-01-01", date <= "2021-12-31" )\nthen\n    fired.add("LOC-40-001@v1");\nend\n',
    );
  });

  it('expands lists into rules with == literals (hashed by Drools), keywords as word-set contains', () => {
    const { drl, rules } = toDrl([
      testCriterion('CEN-WPN-001', {
        all: [
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302'] },
          { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['Pistol', 'revolver'] },
        ],
      }),
    ]);
    expect(rules).toBe(2);
    expect(drl).toContain('rule "CEN-WPN-001@v1 #1"\nwhen\n    DeclFacts( hsHeading == "9302", words contains "pistol", date');
    expect(drl).toContain('rule "CEN-WPN-001@v1 #2"\nwhen\n    DeclFacts( hsHeading == "9302", words contains "revolver", date');
  });

  it('tests other HS prefixes with String.startsWith, guards the nullable facts, complements negated comparisons', () => {
    const { drl } = toDrl([
      testCriterion('CEN-UND-001', {
        all: [
          { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['930'] },
          { fact: 'sellerId', operator: 'notEqual', value: 'S1' },
          { not: { fact: 'sellerId', operator: 'hsStartsWithAny', value: ['12'] } },
          { fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: 5 },
          { not: { fact: 'unitPriceKrwPerKg', operator: 'greaterThan', value: 1 } },
          { not: { fact: 'taxRate', operator: 'lessThan', value: 3 } },
          { fact: 'originCountry', operator: 'notIn', value: ['KR', 'JP'] },
        ],
      }),
    ]);
    expect(drl).toContain(
      'DeclFacts( hsCode.startsWith("930"), unitPriceKrwPerKg != null, unitPriceKrwPerKg < 5, sellerId != "S1", ( sellerId == null || !sellerId.startsWith("12") ), ' +
        '( unitPriceKrwPerKg == null || unitPriceKrwPerKg <= 1 ), taxRate >= 3, originCountry != "KR", originCountry != "JP", date >= "2021-01-01", date <= "2021-12-31" )',
    );
  });

  it('escapes string literals', () => {
    const { drl } = toDrl([testCriterion('CEN-ORG-001', { fact: 'importerId', operator: 'equal', value: 'A"B\\C' })]);
    expect(drl).toContain('importerId == "A\\"B\\\\C"');
  });
});
