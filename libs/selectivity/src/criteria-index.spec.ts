import type { ConditionNode } from './criterion';
import { anchorOf, CriteriaIndex } from './criteria-index';
import { declarationFacts } from './facts';
import type { ScreenedFacts } from './selectivity-engine';
import { mockCriterion, mockDeclaration } from './testing/declaration.mock';

/** A criterion with these conditions and an id that sorts in creation order. */
const crit = (n: number, conditions: ConditionNode) => mockCriterion({ id: `CEN-IDX-${String(n).padStart(3, '0')}`, conditions: conditions as never });

describe('anchorOf: numeric bounds', () => {
  it('reads a ceiling from lessThan(Inclusive) and a floor from greaterThan(Inclusive)', () => {
    expect(anchorOf({ fact: 'netMassKg', operator: 'lessThan', value: 10 })).toEqual([{ kind: 'upTo', fact: 'netMassKg', value: 10 }]);
    expect(anchorOf({ fact: 'netMassKg', operator: 'lessThanInclusive', value: 10 })).toEqual([{ kind: 'upTo', fact: 'netMassKg', value: 10 }]);
    expect(anchorOf({ fact: 'taxRate', operator: 'greaterThan', value: 8 })).toEqual([{ kind: 'from', fact: 'taxRate', value: 8 }]);
    expect(anchorOf({ fact: 'taxRate', operator: 'greaterThanInclusive', value: 8 })).toEqual([{ kind: 'from', fact: 'taxRate', value: 8 }]);
  });

  it('prefers any equality, prefix or word to a bound under an all, and unions bounds under an any', () => {
    expect(anchorOf({ all: [{ fact: 'taxRate', operator: 'greaterThan', value: 8 }, { fact: 'originCountry', operator: 'equal', value: 'CN' }] })).toEqual([
      { kind: 'eq', fact: 'originCountry', value: 'CN' },
    ]);
    expect(anchorOf({ any: [{ fact: 'taxRate', operator: 'greaterThan', value: 8 }, { fact: 'importerId', operator: 'equal', value: 'X' }] })).toEqual([
      { kind: 'from', fact: 'taxRate', value: 8 },
      { kind: 'eq', fact: 'importerId', value: 'X' },
    ]);
    expect(anchorOf({ not: { fact: 'taxRate', operator: 'greaterThan', value: 8 } })).toBeNull();
  });
});

describe('CriteriaIndex: numeric bounds', () => {
  // A bulk-undervaluation band (numbers only) and single bounds, exclusive and inclusive, on the same values.
  const band = crit(1, { all: [{ fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: 5 }, { fact: 'netMassKg', operator: 'greaterThan', value: 20_000 }] });
  const below = crit(2, { all: [{ fact: 'netMassKg', operator: 'lessThan', value: 100 }] });
  const belowIncl = crit(3, { all: [{ fact: 'netMassKg', operator: 'lessThanInclusive', value: 100 }] });
  const above = crit(4, { all: [{ fact: 'netMassKg', operator: 'greaterThan', value: 100 }] });
  const aboveIncl = crit(5, { all: [{ fact: 'netMassKg', operator: 'greaterThanInclusive', value: 100 }] });
  const index = new CriteriaIndex([band, below, belowIncl, above, aboveIncl]);
  const ids = (facts: Record<string, unknown>) => index.candidates(facts as unknown as ScreenedFacts).map((c) => c.id);
  const facts = (over: Parameters<typeof mockDeclaration>[0]) => declarationFacts(mockDeclaration(over)) as unknown as Record<string, unknown>;

  it('indexes every numbers-only criterion (none is a candidate of every declaration)', () => {
    expect(index.alwaysCandidates).toBe(0);
  });

  it('returns the ceilings at or above the value and the floors at or below it, both sides of a bound', () => {
    expect(ids(facts({ netMassKg: 50, itemPriceKrw: 5_000_000 }))).toEqual(['CEN-IDX-002', 'CEN-IDX-003']);
    expect(ids(facts({ netMassKg: 100, itemPriceKrw: 5_000_000 }))).toEqual(['CEN-IDX-002', 'CEN-IDX-003', 'CEN-IDX-004', 'CEN-IDX-005']);
    expect(ids(facts({ netMassKg: 100.5, itemPriceKrw: 5_000_000 }))).toEqual(['CEN-IDX-004', 'CEN-IDX-005']);
    // The band is anchored on one of its bounds: 30,000 kg at 2 KRW/kg reaches it.
    expect(ids(facts({ netMassKg: 30_000, itemPriceKrw: 60_000 }))).toContain('CEN-IDX-001');
  });

  it('returns no bound for a value json-rules-engine reads as not a number, and every bound for a numeric string', () => {
    expect(ids({ netMassKg: null, unitPriceKrwPerKg: null })).toEqual([]);
    expect(ids({ netMassKg: Number.NaN })).toEqual([]);
    expect(ids({})).toEqual([]);
    expect(ids({ netMassKg: '50' })).toEqual(['CEN-IDX-002', 'CEN-IDX-003', 'CEN-IDX-004', 'CEN-IDX-005']);
    expect(ids({ netMassKg: Number.POSITIVE_INFINITY })).toEqual(['CEN-IDX-004', 'CEN-IDX-005']);
  });
});
