import { criticalCutoff, modelLane, modelThresholds, thresholdForTopShare } from './model-thresholds';

const t = { red: 0.8, yellow: 0.5, redTopShare: 0.02, yellowTopShare: 0.1 };

describe('modelLane', () => {
  it('maps scores to lanes at the thresholds', () => {
    expect(modelLane(0.8, t)).toBe('RED');
    expect(modelLane(0.79, t)).toBe('YELLOW');
    expect(modelLane(0.5, t)).toBe('YELLOW');
    expect(modelLane(0.49, t)).toBe('GREEN');
  });

  it('sends a critical-fraud score at its cut-off to RED whatever the fraud score, only with a critical cut-off', () => {
    expect(modelLane(0.1, { ...t, criticalRed: 0.3 }, 0.3)).toBe('RED');
    expect(modelLane(0.1, { ...t, criticalRed: 0.3 }, 0.29)).toBe('GREEN');
    expect(modelLane(0.1, t, 0.99)).toBe('GREEN');
    expect(modelLane(0.6, { ...t, criticalRed: 0.3 }, null)).toBe('YELLOW');
  });
});

describe('thresholdForTopShare', () => {
  const q = [
    { topShare: 0.01, score: 0.9 },
    { topShare: 0.05, score: 0.7 },
    { topShare: 0.1, score: 0.5 },
  ];
  it('returns a recorded quantile as is', () => expect(thresholdForTopShare(q, 0.05)).toBe(0.7));
  it('interpolates between quantiles', () => expect(thresholdForTopShare(q, 0.075)).toBeCloseTo(0.6, 10));
  it('selects nothing for a share of 0', () => expect(thresholdForTopShare(q, 0)).toBeGreaterThan(1));
  it('refuses a share outside the recorded range', () => expect(() => thresholdForTopShare(q, 0.5)).toThrow(/0.01..0.1/));

  it('gives a model version its cut-offs under fixed shares, with the critical one only when it has a critical model', () => {
    const critical = [
      { topShare: 0.01, score: 0.4 },
      { topShare: 0.02, score: 0.2 },
    ];
    expect(modelThresholds({ quantiles: q, criticalQuantiles: critical }, { red: 0.01, yellow: 0.1, criticalRed: 0.015 })).toEqual({
      red: 0.9, yellow: 0.5, redTopShare: 0.01, yellowTopShare: 0.1, criticalRed: expect.closeTo(0.3, 10), criticalRedTopShare: 0.015,
    });
    expect(modelThresholds({ quantiles: q, criticalQuantiles: null }, { red: 0.01, yellow: 0.1, criticalRed: 0.015 })).toEqual({ red: 0.9, yellow: 0.5, redTopShare: 0.01, yellowTopShare: 0.1 });
    expect(criticalCutoff({ quantiles: q, criticalQuantiles: critical }, 0)).toEqual({});
  });
});
