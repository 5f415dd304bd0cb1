import { barWidthPct, contributionDirection, contributionSign, topShareLabel } from './model-explanation-format';


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
