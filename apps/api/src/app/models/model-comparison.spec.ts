import { performance, rocAuc, type ScoredOutcome } from './model-comparison';

const row = (score: number, fraud: 0 | 1, lane = 'GREEN'): ScoredOutcome => ({ score, fraud, lane });

describe('model comparison figures', () => {
  it('ROC AUC: 1 for a perfect ranking, 0 for a reversed one, 0.5 for all ties, null with one class', () => {
    expect(rocAuc([row(0.9, 1), row(0.8, 1), row(0.2, 0), row(0.1, 0)])).toBe(1);
    expect(rocAuc([row(0.1, 1), row(0.9, 0)])).toBe(0);
    expect(rocAuc([row(0.5, 1), row(0.5, 0), row(0.5, 0)])).toBe(0.5);
    expect(rocAuc([row(0.5, 1)])).toBeNull();
    // one of the two positives outranks the negative: 0.5
    expect(rocAuc([row(0.9, 1), row(0.5, 0), row(0.1, 1)])).toBe(0.5);
  });

  it('hit rate among what the model would select, precision in its top 10%, mean scores', () => {
    const rows = [row(0.95, 1, 'RED'), row(0.7, 0, 'YELLOW'), row(0.6, 1, 'YELLOW'), ...Array.from({ length: 17 }, (_, i) => row(0.1 + i * 0.01, 0))];
    const p = performance(rows);
    expect(p).toMatchObject({ inspected: 20, frauds: 2, selected: 3 });
    expect(p.hitRateWhenSelected).toBeCloseTo(2 / 3, 12);
    expect(p.precisionAtTop10Pct).toBe(0.5); // top 2: 0.95 (fraud), 0.7 (clean)
    expect(p.meanScoreFraud).toBeCloseTo(0.775, 12);
    expect(p.rocAuc).toBeCloseTo((17 * 2 + 1) / 36, 12);
  });
});
