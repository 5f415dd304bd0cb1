import type { CriterionBacktestResult } from '../core/api.types';
import { hitRatePct, officeRows, peakDay } from './backtest-view';

function result(over: Partial<CriterionBacktestResult> = {}): CriterionBacktestResult {
  return {
    criterion: { id: 'CEN-WPN-101', lane: 'RED', officeId: null, scope: 'CENTRAL', version: null },
    period: { from: '2026-11-09', to: '2026-12-06', days: 28 }, scanned: 1000, selected: 30, inspected: 8, hits: 2, hitRate: 0.25,
    byDay: [{ date: '2026-11-10', selected: 3 }, { date: '2026-11-11', selected: 7 }],
    byOffice: [
      { officeId: '20', selected: 10, extra: 5, byLane: { RED: 5, YELLOW: 3, GREEN: 2 } },
      { officeId: '40', selected: 20, extra: 15, byLane: { RED: 5, YELLOW: 5, GREEN: 10 } },
    ],
    capacity: [
      { officeId: '40', extraPerDay: 0.5357, capacityPerDay: 0.5, shareOfCapacity: 107.1 },
      { officeId: '20', extraPerDay: 0.18, capacityPerDay: null, shareOfCapacity: null },
    ],
    overlap: [], coveredBy: [], keywordMatches: [],
    ...over,
  };
}

describe('officeRows', () => {
  it('joins selections and capacity by office, most selections first, flagging offices over capacity', () => {
    expect(officeRows(result())).toEqual([
      { officeId: '40', selected: 20, red: 5, yellow: 5, green: 10, extraPerDay: 0.5, capacityPerDay: 0.5, shareOfCapacity: 107.1, overCapacity: true },
      { officeId: '20', selected: 10, red: 5, yellow: 3, green: 2, extraPerDay: 0.2, capacityPerDay: null, shareOfCapacity: null, overCapacity: false },
    ]);
  });
});

describe('hitRatePct and peakDay', () => {
  it('shows the hit rate in % and null without inspections', () => {
    expect(hitRatePct(result())).toBe(25);
    expect(hitRatePct(result({ hitRate: null }))).toBeNull();
  });
  it('scales the day bars to the tallest day, at least 1', () => {
    expect(peakDay(result())).toBe(7);
    expect(peakDay(result({ byDay: [] }))).toBe(1);
  });
});
