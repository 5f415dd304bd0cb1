import type { ModelScore, ModelThresholds } from '../core/api.types';
import { barWidthPct, contributionDirection, contributionSign, scoreLane, topShareLabel } from './model-explanation-format';

const thresholds: ModelThresholds = { red: 0.8, yellow: 0.5, redTopShare: 0.02, yellowTopShare: 0.1, criticalRed: 0.3, criticalRedTopShare: 0.005 };
const model = (score: number, criticalScore?: number | null, over: Partial<ModelScore> = {}): ModelScore => ({
  name: 'lgbm-fraud', version: '2.0.0', score, criticalScore, thresholds, ...over,
});

describe('scoreLane', () => {
  it('sends the fraud score to RED, YELLOW or GREEN at the cut-offs (inclusive)', () => {
    expect(scoreLane(model(0.8))).toBe('RED');
    expect(scoreLane(model(0.7999))).toBe('YELLOW');
    expect(scoreLane(model(0.5))).toBe('YELLOW');
    expect(scoreLane(model(0.4999))).toBe('GREEN');
  });

  it('sends a critical-fraud score at its cut-off to RED whatever the fraud score', () => {
    expect(scoreLane(model(0.1, 0.3))).toBe('RED');
    expect(scoreLane(model(0.6, 0.2999))).toBe('YELLOW');
    expect(scoreLane(model(0.1, null))).toBe('GREEN');
  });

  it('ignores a critical score when the version has no critical cut-off', () => {
    expect(scoreLane(model(0.1, 0.99, { thresholds: { red: 0.8, yellow: 0.5 } }))).toBe('GREEN');
  });

  it('takes the recorded lane when the record has one', () => {
    expect(scoreLane(model(0.95, null, { lane: 'GREEN' }))).toBe('GREEN');
    expect(scoreLane(model(0.1, null, { lane: 'RED' }))).toBe('RED');
  });
});

describe('topShareLabel', () => {
  it('writes the share a cut-off selects as a percentage of at most two decimals', () => {
    expect(topShareLabel(0.02)).toBe(' (top 2%)');
    expect(topShareLabel(0.1)).toBe(' (top 10%)');
    expect(topShareLabel(0.0125)).toBe(' (top 1.25%)');
    expect(topShareLabel(0.005)).toBe(' (top 0.5%)');
    expect(topShareLabel(0.123456)).toBe(' (top 12.35%)');
    expect(topShareLabel(1)).toBe(' (top 100%)');
  });

  it('writes nothing when the share is not recorded', () => {
    expect(topShareLabel(undefined)).toBe('');
  });
});

describe('bar widths and signs of contributions', () => {
  const shown = [{ contribution: 0.8 }, { contribution: -0.4 }, { contribution: 0.2 }];

  it('scales bars so the largest |contribution| fills half the track', () => {
    expect(barWidthPct(0.8, shown)).toBe(50);
    expect(barWidthPct(-0.4, shown)).toBe(25);
    expect(barWidthPct(0.2, shown)).toBe(12.5);
    expect(barWidthPct(-0.8, [{ contribution: -0.8 }])).toBe(50);
  });

  it('draws no bar when every contribution is zero', () => {
    expect(barWidthPct(0, [{ contribution: 0 }])).toBe(0);
    expect(barWidthPct(0, [])).toBe(0);
  });

  it('marks positive contributions as raising the risk, zero and negative ones as lowering it', () => {
    expect(contributionDirection(0.01)).toBe('raises');
    expect(contributionDirection(0)).toBe('lowers');
    expect(contributionDirection(-0.3)).toBe('lowers');
    expect(contributionSign(0.01)).toBe('+');
    expect(contributionSign(0)).toBe('');
    expect(contributionSign(-0.3)).toBe('');
  });
});
