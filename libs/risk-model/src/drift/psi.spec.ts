import { binReference, populationStabilityIndex, psiAgainst, psiOfShares, PSI_EPSILON, quantileSorted, referenceFromQuantiles } from './psi';
import { prng as rng } from '@customs/domain/testing';

const uniform = (n: number, seed: number, shift = 0) => {
  const r = rng(seed);
  return Array.from({ length: n }, () => r() + shift);
};

describe('populationStabilityIndex', () => {
  it('is 0 for identical distributions (scores and categories)', () => {
    const x = uniform(1000, 1);
    expect(populationStabilityIndex(x, x)).toBe(0);
    expect(populationStabilityIndex([1, 1, 2, 3, 3, 3], [3, 2, 3, 1, 3, 1], 'categories')).toBeCloseTo(0, 12);
  });

  it('is small for two samples of the same distribution and grows with the shift', () => {
    const ref = uniform(5000, 1);
    const same = populationStabilityIndex(ref, uniform(5000, 2));
    const small = populationStabilityIndex(ref, uniform(5000, 3, 0.05));
    const big = populationStabilityIndex(ref, uniform(5000, 4, 0.3));
    expect(same).toBeLessThan(0.01);
    expect(small).toBeGreaterThan(same);
    expect(big).toBeGreaterThan(small);
    expect(big).toBeGreaterThan(0.25);
  });

  it('is symmetric in the share vectors and roughly so in the samples', () => {
    const a = [0.1, 0.2, 0.3, 0.4];
    const b = [0.25, 0.25, 0.25, 0.25];
    expect(psiOfShares(a, b)).toBeCloseTo(psiOfShares(b, a), 12);
    const x = uniform(4000, 5);
    const y = uniform(4000, 6, 0.1);
    const xy = populationStabilityIndex(x, y);
    const yx = populationStabilityIndex(y, x);
    expect(Math.abs(xy - yx) / Math.max(xy, yx)).toBeLessThan(0.3);
  });

  it('matches the formula on a hand-computed case', () => {
    // reference shares 0.5 / 0.5 on categories 0, 1; current 0.8 / 0.2
    const expected = (0.8 - 0.5) * Math.log(0.8 / 0.5) + (0.2 - 0.5) * Math.log(0.2 / 0.5);
    expect(populationStabilityIndex([0, 1, 0, 1], [0, 0, 0, 0, 1], 'categories')).toBeCloseTo(expected, 12);
  });

  it('floors empty bins at epsilon: an unseen category counts, finitely', () => {
    const psi = populationStabilityIndex([0, 0, 1, 1], [0, 0, 1, 7], 'categories');
    const expected = (0.5 - 0.5) * 0 + (0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.25 - PSI_EPSILON) * Math.log(0.25 / PSI_EPSILON);
    expect(psi).toBeCloseTo(expected, 12);
    expect(Number.isFinite(psi)).toBe(true);
  });

  it('throws a RangeError for empty or non-finite inputs', () => {
    expect(() => populationStabilityIndex([], [1])).toThrow(RangeError);
    expect(() => populationStabilityIndex([1], [])).toThrow(/current distribution is empty/);
    expect(() => populationStabilityIndex([1, NaN], [1])).toThrow(RangeError);
  });
});

describe('binning', () => {
  it('bins by reference deciles, merging tied edges', () => {
    const ref = binReference(Array.from({ length: 101 }, (_, i) => i));
    expect(ref.kind === 'numeric' && ref.edges).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const mostlyZero = binReference([...new Array(80).fill(0), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(mostlyZero.kind === 'numeric' && mostlyZero.edges[0]).toBe(0);
    expect(mostlyZero.shares[0]).toBeCloseTo(0.8, 12);
    expect(mostlyZero.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('quantileSorted interpolates like numpy', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });

  it('builds a score reference from recorded top-share quantiles', () => {
    const ref = referenceFromQuantiles([
      { topShare: 0.1, score: 0.8 },
      { topShare: 0.5, score: 0.3 },
    ]);
    expect(ref.kind === 'numeric' && ref.edges).toEqual([0.3, 0.8]);
    expect(ref.shares.map((s) => +s.toFixed(12))).toEqual([0.5, 0.4, 0.1]);
    // a sample matching those shares has PSI 0
    const sample = [...new Array(50).fill(0.1), ...new Array(40).fill(0.5), ...new Array(10).fill(0.9)];
    expect(psiAgainst(ref, sample)).toBeCloseTo(0, 12);
    expect(() => referenceFromQuantiles([])).toThrow(RangeError);
  });
});
