import { CRITERION_FACTS, CRITERION_OPERATORS, CriterionValidationError, validateCriterion } from './criterion';
import { mockCriterion } from './testing/declaration.mock';

function problemsOf(input: unknown): string[] {
  try {
    validateCriterion(input);
  } catch (e) {
    expect(e).toBeInstanceOf(CriterionValidationError);
    return (e as CriterionValidationError).problems;
  }
  throw new Error('expected a validation error');
}

function withConditions(conditions: unknown): unknown {
  return { ...mockCriterion(), conditions };
}

describe('validateCriterion', () => {
  it('accepts a valid criterion and exports fact/operator lists', () => {
    const c = mockCriterion();
    expect(validateCriterion(c)).toBe(c);
    expect(CRITERION_FACTS).toContain('unitPriceKrwPerKg');
    expect(CRITERION_OPERATORS).toHaveLength(10);
  });

  it('bounds text, keywords and condition values, so a criterion cannot be a megabyte of garbage', () => {
    expect(problemsOf({ ...mockCriterion(), reason: 'r'.repeat(4001) })).toEqual(['reason: at most 4000 characters, got 4001']);
    expect(problemsOf({ ...mockCriterion(), keywords: Array.from({ length: 51 }, (_, i) => `k${i}`) })).toEqual(['keywords: at most 50 keywords, got 51']);
    expect(problemsOf({ ...mockCriterion(), keywords: ['a', 'b', 'c'.repeat(101)] })).toEqual(['keywords: each keyword at most 100 characters']);
    expect(problemsOf(withConditions({ all: [{ fact: 'importerId', operator: 'in', value: Array.from({ length: 1001 }, (_, i) => `I${i}`) }] }))).toEqual([
      'conditions.all[0].value: "in" on "importerId" needs at most 1000 values, got 1001',
    ]);
    expect(problemsOf(withConditions({ all: [{ fact: 'importerId', operator: 'equal', value: 'I'.repeat(201) }] }))).toEqual([
      'conditions.all[0].value: "equal" on "importerId" needs values of at most 200 characters',
    ]);
    expect(problemsOf(withConditions({ all: [{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['g'.repeat(201)] }] }))).toEqual([
      'conditions.all[0].value: "containsAnyKeyword" on "goodsDescription" needs keywords of at most 200 characters',
    ]);
  });

  it('names every problem with its path in one message', () => {
    const input = withConditions({ all: [{ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['93'] }, { fact: 'goodsDescription', operator: 'regex', value: 'gun' }] });
    (input as Record<string, unknown>).lane = 'BLUE';
    try {
      validateCriterion(input, 'rules/central/x.json');
      fail('should throw');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('rules/central/x.json');
      expect(msg).toContain('conditions.all[1].operator: unknown operator "regex"');
      expect(msg).toContain('lane:');
    }
  });

  it('checks header fields', () => {
    expect(problemsOf({ ...mockCriterion(), id: 'bad', version: 0 })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^id:/), expect.stringMatching(/^version:/)]),
    );
    expect(problemsOf({ ...mockCriterion(), scope: 'LOCAL', id: 'LOC-40-001', officeId: null })).toEqual([expect.stringMatching(/^officeId: required/)]);
    expect(problemsOf({ ...mockCriterion(), officeId: '40' })).toEqual([expect.stringMatching(/^officeId: must be null/)]);
    expect(problemsOf({ ...mockCriterion(), scope: 'LOCAL', id: 'LOC-30-001', officeId: '40' })).toEqual([expect.stringMatching(/does not match officeId/)]);
    expect(problemsOf({ ...mockCriterion(), riskArea: 'PIRACY' })).toEqual([expect.stringMatching(/^riskArea/)]);
    expect(problemsOf({ ...mockCriterion(), keywords: ['a', 'b'] })).toEqual([expect.stringMatching(/^keywords: needs at least 3/)]);
    expect(problemsOf({ ...mockCriterion(), reason: ' ', pointsOfInterest: undefined })).toHaveLength(2);
    expect(problemsOf({ ...mockCriterion(), validFrom: '2020-02-30' })).toEqual([expect.stringMatching(/^validFrom/)]);
    expect(problemsOf({ ...mockCriterion(), validFrom: '2021-01-02', validTo: '2021-01-01' })).toEqual([expect.stringMatching(/^validTo: .* before/)]);
    expect(problemsOf({ ...mockCriterion(), status: 'LIVE' })).toEqual([expect.stringMatching(/^status/)]);
    expect(problemsOf({ ...mockCriterion(), extra: 1 })).toEqual(['extra: unknown field']);
    expect(problemsOf(null)).toEqual(['(root): must be an object']);
  });

  it('rejects unknown facts and operators', () => {
    expect(problemsOf(withConditions({ all: [{ fact: 'fraud', operator: 'equal', value: 1 }] }))).toEqual(['conditions.all[0].fact: unknown fact "fraud"']);
    expect(problemsOf(withConditions({ any: [{ fact: 'hsCode', operator: 'regex', value: '93' }] }))).toEqual(['conditions.any[0].operator: unknown operator "regex"']);
  });

  it('rejects wrong value types for the operator', () => {
    const leaf = (fact: string, operator: string, value: unknown) => problemsOf(withConditions({ all: [{ fact, operator, value }] }));
    expect(leaf('originCountry', 'in', [])).toEqual([expect.stringMatching(/^conditions.all\[0\].value: "in" on "originCountry" needs a non-empty array/)]);
    expect(leaf('originCountry', 'in', 'CN')).toEqual([expect.stringMatching(/non-empty array/)]);
    expect(leaf('originCountry', 'notIn', ['CN', 3])).toEqual([expect.stringMatching(/string/)]);
    expect(leaf('taxRate', 'greaterThan', '27')).toEqual([expect.stringMatching(/finite number/)]);
    expect(leaf('taxRate', 'lessThan', Infinity)).toEqual([expect.stringMatching(/finite number/)]);
    expect(leaf('hsCode', 'hsStartsWithAny', ['9'])).toEqual([expect.stringMatching(/2-6 digit/)]);
    expect(leaf('hsCode', 'hsStartsWithAny', '93')).toEqual([expect.stringMatching(/2-6 digit/)]);
    expect(leaf('goodsDescription', 'containsAnyKeyword', [])).toEqual([expect.stringMatching(/keywords/)]);
    expect(leaf('originCountry', 'greaterThan', 3)).toEqual([expect.stringMatching(/does not apply to string fact/)]);
    expect(leaf('originCountry', 'hsStartsWithAny', ['93'])).toEqual([expect.stringMatching(/applies only to hsCode/)]);
    expect(leaf('taxRate', 'equal', 'eight')).toEqual([expect.stringMatching(/finite number/)]);
    expect(() => validateCriterion(withConditions({ all: [{ fact: 'courierId', operator: 'notEqual', value: null }] }))).not.toThrow();
    expect(problemsOf(withConditions({ all: [{ fact: 'hsCode', operator: 'equal' }] }))).toEqual(['conditions.all[0].value: missing']);
  });

  it('rejects malformed trees, too deep nesting and too many leaves', () => {
    expect(problemsOf(withConditions({ fact: 'hsCode', operator: 'equal', value: '930200' }))).toEqual([expect.stringMatching(/^conditions: must be an object with all, any or not/)]);
    expect(problemsOf(withConditions({ all: [] }))).toEqual(['conditions.all: must be a non-empty array']);
    expect(problemsOf(withConditions({ all: [{ fact: 'hsCode', operator: 'equal', value: '1' }], any: [] }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/exactly one of all\/any\/not/)]),
    );
    const leaf = { fact: 'taxRate', operator: 'greaterThan', value: 1 };
    const depth5 = { all: [{ any: [{ not: { all: [{ any: [leaf] }] } }] }] };
    expect(() => validateCriterion(withConditions(depth5))).not.toThrow();
    const depth6 = { all: [{ any: [{ not: { all: [{ any: [{ all: [leaf] }] }] } }] }] };
    expect(problemsOf(withConditions(depth6))).toEqual([expect.stringMatching(/^conditions.all\[0\].any\[0\].not.all\[0\].any\[0\]: nesting too deep/)]);
    expect(() => validateCriterion(withConditions({ any: Array(50).fill(leaf) }))).not.toThrow();
    expect(problemsOf(withConditions({ any: Array(51).fill(leaf) }))).toEqual([expect.stringMatching(/too many leaf conditions \(51 > 50\)/)]);
  });
});
