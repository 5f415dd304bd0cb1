import { thresholdForTopShare } from './model-thresholds';
import { capacityShares, deriveThresholds, EXPLORATION_DRAW_PROBABILITY, officeThresholds, type CapacityPolicy } from './office-policy';

/** The deciding model's recorded quantiles (libs/risk-model/model/feature-spec.json). */
const Q = [
  { topShare: 0.01, score: 0.973946 },
  { topShare: 0.02, score: 0.948073 },
  { topShare: 0.05, score: 0.832923 },
  { topShare: 0.1, score: 0.601761 },
  { topShare: 0.2, score: 0.334234 },
  { topShare: 0.3, score: 0.217308 },
  { topShare: 0.5, score: 0.0861069 },
];
const policy = (over: Partial<CapacityPolicy> = {}): CapacityPolicy => ({
  source: 'OFFICE_POLICY',
  dailyPhysicalCapacity: 20,
  dailyDocumentCapacity: 80,
  expectedDailyDeclarations: 1000,
  controlShare: 0.01,
  explorationShare: 0,
  ...over,
});

describe('capacityShares', () => {
  it('gives RED = physical / expected and YELLOW-or-worse = (physical + document) / expected', () => {
    expect(capacityShares(policy())).toEqual({ red: 0.02, yellow: 0.1 });
  });
  it.each([
    [{ dailyPhysicalCapacity: -1 }, /dailyPhysicalCapacity must be a finite number >= 0/],
    [{ dailyDocumentCapacity: Number.NaN }, /dailyDocumentCapacity must be a finite number >= 0/],
    [{ expectedDailyDeclarations: 0 }, /expectedDailyDeclarations must be a finite number > 0/],
    [{ dailyPhysicalCapacity: 1001 }, /dailyPhysicalCapacity \(1001\) exceeds the expected daily declarations \(1000\)/],
    [{ dailyDocumentCapacity: 990 }, /dailyDocumentCapacity \(990\) plus dailyPhysicalCapacity \(20\) exceeds/],
  ])('refuses %p naming the field', (over, message) => {
    expect(() => capacityShares(policy(over))).toThrow(message);
  });
});

describe('deriveThresholds', () => {
  it('derives the cut-offs as the quantiles of the capacity shares (the global default figures give the default cut-offs)', () => {
    const d = deriveThresholds(policy(), Q);
    expect(d).toMatchObject({ red: 0.948073, yellow: 0.601761, redTopShare: 0.02, yellowTopShare: 0.1, controlShare: 0.01 });
    expect(d.expectedDailySelections).toEqual({ red: 20, yellow: 80, control: 9, exploration: 0 });
    // The control sample comes on top of the model's YELLOW: the auditor is told the load exceeds the capacity.
    expect(d.notes).toEqual(['expected YELLOW load 89/day (model 80 + control 9 + exploration 0) exceeds the document capacity 80/day; criteria selections come on top']);
    expect(deriveThresholds(policy({ controlShare: 0 }), Q).notes).toEqual([]);
    const def = deriveThresholds({ source: 'GLOBAL_DEFAULT', redTopShare: 0.02, yellowTopShare: 0.1, controlShare: 0.01, explorationShare: 0 }, Q);
    expect([def.red, def.yellow]).toEqual([d.red, d.yellow]);
    expect(def.expectedDailySelections).toBeNull();
  });

  it('interpolates between recorded quantiles, and more capacity lowers the cut-offs', () => {
    const d = deriveThresholds(policy({ dailyPhysicalCapacity: 35, dailyDocumentCapacity: 115 }), Q);
    expect(d.redTopShare).toBe(0.035);
    expect(d.red).toBeCloseTo(thresholdForTopShare(Q, 0.035), 6);
    expect(d.red).toBeLessThan(0.948073);
    expect(d.yellow).toBeCloseTo(thresholdForTopShare(Q, 0.15), 5);
    expect(d.red).toBeGreaterThan(d.yellow);
  });

  it('clamps shares outside the quantile range with a note, and a capacity of 0 selects nothing', () => {
    const small = deriveThresholds(policy({ dailyPhysicalCapacity: 2, dailyDocumentCapacity: 3, expectedDailyDeclarations: 1000 }), Q);
    expect(small.requestedRedTopShare).toBe(0.002);
    expect(small.redTopShare).toBe(0.01);
    expect(small.red).toBe(0.973946);
    expect(small.notes[0]).toMatch(/RED share 0.002 is below the smallest share the model's quantiles cover \(0.01\): clamped to 0.01/);
    const big = deriveThresholds(policy({ dailyPhysicalCapacity: 100, dailyDocumentCapacity: 800 }), Q);
    expect(big.yellowTopShare).toBe(0.5);
    expect(big.notes.join(' ')).toMatch(/YELLOW share 0.9 is above the largest share .* clamped to 0.5/);
    const none = deriveThresholds(policy({ dailyPhysicalCapacity: 0, controlShare: 0 }), Q);
    expect(none.red).toBeGreaterThan(1);
    expect(none.notes).toEqual([]);
  });

  it('puts the exploration band just below YELLOW, explorationShare / p of the distribution wide', () => {
    const d = deriveThresholds(policy({ explorationShare: 0.05 }), Q);
    expect(d.exploration).toEqual({ share: 0.05, floorTopShare: 0.1 + 0.05 / EXPLORATION_DRAW_PROBABILITY, floor: expect.any(Number), drawProbability: EXPLORATION_DRAW_PROBABILITY });
    expect(d.exploration.floor).toBeCloseTo(thresholdForTopShare(Q, 0.2), 6);
    expect(d.exploration.floor).toBeLessThan(d.yellow);
    expect(d.expectedDailySelections?.exploration).toBe(50);
    // 80 model YELLOW + control + 50 exploration a day do not fit 80 document reviews: said so.
    expect(d.notes.join(' ')).toMatch(/expected YELLOW load .* exceeds the document capacity 80\/day/);
    const none = deriveThresholds(policy(), Q);
    expect(none.exploration.floor).toBe(none.yellow);
  });

  it('clamps the exploration band at the end of the quantiles, and has none when YELLOW already takes the largest share', () => {
    const d = deriveThresholds(policy({ dailyDocumentCapacity: 380, explorationShare: 0.25 }), Q);
    expect(d.exploration.floorTopShare).toBe(0.5);
    expect(d.notes.join(' ')).toMatch(/exploration band floor share .* clamped to 0.5/);
    const full = deriveThresholds(policy({ dailyDocumentCapacity: 600, explorationShare: 0.1 }), Q);
    expect(full.exploration.floor).toBe(full.yellow);
    expect(full.notes.join(' ')).toMatch(/no exploration band/);
  });

  it('refuses shares out of range, YELLOW below RED and a model without quantiles', () => {
    expect(() => deriveThresholds(policy({ controlShare: 1.5 }), Q)).toThrow(/controlShare must be between 0 and 1/);
    expect(() => deriveThresholds({ source: 'GLOBAL_DEFAULT', redTopShare: 0.2, yellowTopShare: 0.1, controlShare: 0, explorationShare: 0 }, Q)).toThrow(/YELLOW share \(0.1\) must be >= the RED share \(0.2\)/);
    expect(() => deriveThresholds(policy(), [])).toThrow(/no recorded score quantiles/);
  });
});

describe('officeThresholds', () => {
  const CQ = [
    { topShare: 0.01, score: 0.41 },
    { topShare: 0.05, score: 0.12 },
  ];
  const defaults = { redTopShare: 0.02, yellowTopShare: 0.1, controlShare: 0.01, criticalRedTopShare: 0.01, controlSeed: 'seed' };
  const version = {
    version: 3,
    dailyPhysicalCapacity: 35,
    dailyDocumentCapacity: 115,
    expectedDailyDeclarations: 1000,
    expectedDailyDeclarationsSource: 'CONFIGURED' as const,
    controlShare: 0.02,
    explorationShare: 0.05,
  };

  it('decides an office without a policy with the global shares, no exploration, and the critical cut-off', () => {
    const o = officeThresholds('40', null, { quantiles: Q, criticalQuantiles: CQ }, defaults);
    expect(o.thresholds).toMatchObject({ red: 0.948073, yellow: 0.601761, redTopShare: 0.02, yellowTopShare: 0.1, criticalRed: 0.41, criticalRedTopShare: 0.01 });
    expect(o.thresholds.exploration).toEqual({ share: 0, floor: 0.601761, floorTopShare: 0.1, drawProbability: EXPLORATION_DRAW_PROBABILITY });
    expect(o.thresholds.policy).toMatchObject({ officeId: '40', source: 'GLOBAL_DEFAULT', version: null, dailyPhysicalCapacity: null });
    expect(o.control).toEqual({ share: 0.01, seed: 'seed' });
  });

  it('derives an office policy version from its capacity, keeps its provenance, and leaves out the critical cut-off without a critical model', () => {
    const o = officeThresholds('20', version, { quantiles: Q, criticalQuantiles: null }, defaults);
    expect(o.thresholds.redTopShare).toBe(0.035);
    expect(o.thresholds.red).toBeCloseTo(thresholdForTopShare(Q, 0.035), 6);
    expect(o.thresholds.exploration?.share).toBe(0.05);
    expect(o.thresholds.policy).toMatchObject({ officeId: '20', source: 'OFFICE_POLICY', version: 3, dailyPhysicalCapacity: 35, expectedDailyDeclarationsSource: 'CONFIGURED' });
    expect(o.thresholds).not.toHaveProperty('criticalRed');
    expect(o.control).toEqual({ share: 0.02, seed: 'seed' });
    expect(officeThresholds('20', version, { quantiles: Q, criticalQuantiles: CQ }, { ...defaults, criticalRedTopShare: 0 }).thresholds).not.toHaveProperty('criticalRed');
  });
});
