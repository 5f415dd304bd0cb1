import { decideLane, inControlSample, modelLane, thresholdForTopShare } from './lane-policy';

const t = { red: 0.8, yellow: 0.5, redTopShare: 0.02, yellowTopShare: 0.1 };

describe('lane policy', () => {
  it('maps scores to lanes at the thresholds', () => {
    expect(modelLane(0.8, t)).toBe('RED');
    expect(modelLane(0.79, t)).toBe('YELLOW');
    expect(modelLane(0.5, t)).toBe('YELLOW');
    expect(modelLane(0.49, t)).toBe('GREEN');
  });

  it('takes the most severe of criteria and model', () => {
    expect(decideLane('YELLOW', 'RED', false)).toEqual({ lane: 'RED', controlSample: false });
    expect(decideLane('RED', 'GREEN', false)).toEqual({ lane: 'RED', controlSample: false });
  });

  it('sends a drawn GREEN declaration to YELLOW as control sample, and only GREEN ones', () => {
    expect(decideLane('GREEN', 'GREEN', true)).toEqual({ lane: 'YELLOW', controlSample: true });
    expect(decideLane('RED', 'GREEN', true)).toEqual({ lane: 'RED', controlSample: false });
  });

  it('draws the control sample deterministically at about the configured share', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => String(10_000_000 + i));
    const drawn = ids.filter((id) => inControlSample(id, 'seed', 0.05)).length;
    expect(drawn / ids.length).toBeGreaterThan(0.04);
    expect(drawn / ids.length).toBeLessThan(0.06);
    expect(ids.map((id) => inControlSample(id, 'seed', 0.05))).toEqual(ids.map((id) => inControlSample(id, 'seed', 0.05)));
    expect(inControlSample('123', 'seed', 0)).toBe(false);
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
});
