import { isoWeek } from './iso-week';
import { binReference, referenceFromQuantiles } from './psi';
import { driftFeatures, groupByIsoWeek, hitRateChanges, suggestCutoff, weeklyDrift, type DriftObservation, type DriftReference } from './weekly-drift';
import type { FeatureSpec } from '../feature-spec';

describe('isoWeek', () => {
  it('puts the first days of January in the previous year when the week started there', () => {
    expect(isoWeek('2020-12-31')).toBe('2020-W53');
    expect(isoWeek('2021-01-01')).toBe('2020-W53'); // a Friday
    expect(isoWeek('2021-01-03')).toBe('2020-W53'); // Sunday ends the week
    expect(isoWeek('2021-01-04')).toBe('2021-W01'); // Monday
    expect(isoWeek('2019-12-30')).toBe('2020-W01'); // late December in next year's week 1
    expect(isoWeek('2021-03-31T10:00:00Z')).toBe('2021-W13');
  });
  it('rejects what is not a date', () => {
    expect(() => isoWeek('2021-02-30')).toThrow(RangeError);
    expect(() => isoWeek('yesterday')).toThrow(RangeError);
  });
});

describe('groupByIsoWeek', () => {
  it('groups across a year boundary in chronological order', () => {
    const g = groupByIsoWeek([{ date: '2021-01-05' }, { date: '2020-12-28' }, { date: '2021-01-03' }, { date: '2020-12-27' }]);
    expect(g.map((w) => [w.week, w.items.map((i) => i.date)])).toEqual([
      ['2020-W52', ['2020-12-27']],
      ['2020-W53', ['2020-12-28', '2021-01-03']],
      ['2021-W01', ['2021-01-05']],
    ]);
  });
});

describe('hitRateChanges', () => {
  it('computes fraud / inspected and the change since the previous week', () => {
    const week1 = hitRateChanges(new Map([['C1', { inspected: 10, fraud: 5 }], ['C2', { inspected: 0, fraud: 0 }]]), []);
    expect(week1).toEqual([
      { id: 'C1', inspected: 10, fraud: 5, hitRate: 0.5, previous: null, change: null },
      { id: 'C2', inspected: 0, fraud: 0, hitRate: null, previous: null, change: null },
    ]);
    const week2 = hitRateChanges(new Map([['C1', { inspected: 4, fraud: 1 }], ['C2', { inspected: 2, fraud: 2 }]]), week1);
    expect(week2[0]).toMatchObject({ hitRate: 0.25, previous: 0.5, change: -0.25 });
    expect(week2[1]).toMatchObject({ hitRate: 1, previous: null, change: null });
  });
});

describe('suggestCutoff', () => {
  it('gives the quantile at the top share of a known distribution', () => {
    const scores = Array.from({ length: 101 }, (_, i) => i / 100); // 0, 0.01, .. 1
    const s = suggestCutoff(scores, { topShare: 0.1, score: 0.5 });
    expect(s.suggested).toBeCloseTo(0.9, 12);
    expect(s.delta).toBeCloseTo(0.4, 12);
    expect(s.shareAtRecorded).toBeCloseTo(51 / 101, 12);
  });
});

describe('driftFeatures', () => {
  it('bins codes by category, values by deciles, and leaves out history counts and the calendar', () => {
    const spec = {
      features: [
        { name: 'tax_rate', kind: 'numeric', source: 'taxRate' },
        { name: 'ord_office', kind: 'ordinal', source: ['officeId'], unknown: -1, codes: {} },
        { name: 'day_of_week', kind: 'dayOfWeek' },
        { name: 'hist_n_importer', kind: 'historyCount', keys: ['importerId'] },
        { name: 'hist_fraud_importer', kind: 'historyRate', keys: ['importerId'], of: 'fraud', prior: 0.2, smoothing: 10 },
      ],
    } as Pick<FeatureSpec, 'features'>;
    expect(driftFeatures(spec)).toEqual([
      { name: 'tax_rate', index: 0, binning: 'deciles', history: false },
      { name: 'ord_office', index: 1, binning: 'categories', history: false },
      { name: 'hist_fraud_importer', index: 4, binning: 'deciles', history: true },
    ]);
  });
});

describe('weeklyDrift', () => {
  // reference: scores uniform on (0, 1) by deciles; one categorical feature 50/50
  const reference: DriftReference = {
    score: binReference(Array.from({ length: 1000 }, (_, i) => (i + 0.5) / 1000)),
    features: { office: binReference([...new Array(50).fill(1), ...new Array(50).fill(2)], 'categories') },
  };
  const days = (monday: string) => Array.from({ length: 5 }, (_, d) => new Date(Date.parse(monday) + d * 86_400_000).toISOString().slice(0, 10));
  const week = (monday: string, n: number, score: (i: number) => number, office: (i: number) => number, fraud: (i: number) => 0 | 1): DriftObservation[] =>
    Array.from({ length: n }, (_, i) => ({
      date: days(monday)[i % 5],
      score: score(i),
      features: { office: office(i) },
      lane: score(i) >= 0.9 ? 'RED' : 'GREEN',
      criteria: i % 2 ? ['CEN-1'] : [],
      fraud: fraud(i),
    }));
  const stable = week('2020-12-28', 200, (i) => (i + 0.5) / 200, (i) => 1 + (i % 2), (i) => (i % 4 === 1 ? 1 : 0));
  const shifted = week('2021-01-04', 200, (i) => 0.5 + (i + 0.5) / 400, () => 1, (i) => (i % 2 ? 1 : 0));
  const small = week('2021-01-11', 20, () => 0.99, () => 3, () => 0);
  const report = weeklyDrift(reference, [...shifted, ...small, ...stable], {
    cutoffs: { red: { topShare: 0.02, score: 0.98 }, yellow: { topShare: 0.1, score: 0.9 } },
  });

  it('reports one entry per ISO week, in order, across the year boundary', () => {
    expect(report.map((w) => [w.week, w.n, w.from, w.to])).toEqual([
      ['2020-W53', 200, '2020-12-28', '2021-01-01'],
      ['2021-W01', 200, '2021-01-04', '2021-01-08'],
      ['2021-W02', 20, '2021-01-11', '2021-01-15'],
    ]);
  });

  it('raises no alert for a stable week, ALERTs for a shifted one, none for a low-volume week', () => {
    expect(report[0].scorePsi).toBeLessThan(0.01);
    expect(report[0].alerts).toEqual([]);
    expect(report[1].scorePsi).toBeGreaterThan(0.25);
    expect(report[1].alerts.map((a) => [a.level, a.what, a.threshold])).toEqual([
      ['ALERT', 'score', 0.25],
      ['ALERT', 'feature:office', 0.25],
    ]);
    expect(report[1].worstFeature?.name).toBe('office');
    expect(report[2].lowVolume).toBe(true);
    expect(report[2].alerts).toEqual([]);
    expect(report[2].scorePsi).toBeGreaterThan(0.25);
  });

  it('raises a WARN between 0.1 and 0.25', () => {
    const warn = weeklyDrift({ score: referenceFromQuantiles([{ topShare: 0.5, score: 0.5 }]), features: {} }, week('2021-01-04', 100, (i) => (i < 66 ? 0.9 : 0.1), () => 1, () => 0));
    // shares 0.34 / 0.66 against 0.5 / 0.5: PSI = -0.16 * ln(0.34/0.5) + 0.16 * ln(0.66/0.5) = 0.16 * ln(0.66/0.34) = 0.106
    expect(warn[0].scorePsi).toBeCloseTo(0.16 * Math.log(0.66 / 0.34), 12);
    expect(warn[0].alerts).toEqual([{ level: 'WARN', what: 'score', value: warn[0].scorePsi, threshold: 0.1 }]);
  });

  it('computes hit rates per criterion and lane with the change since the previous week', () => {
    expect(report[0].hitRates.criteria).toEqual([{ id: 'CEN-1', inspected: 100, fraud: 50, hitRate: 0.5, previous: null, change: null }]);
    expect(report[1].hitRates.criteria[0]).toMatchObject({ hitRate: 1, previous: 0.5, change: 0.5 });
    const lanes1 = Object.fromEntries(report[1].hitRates.lanes.map((l) => [l.id, l]));
    expect(lanes1['RED']).toMatchObject({ inspected: 40, fraud: 20, hitRate: 0.5 });
    expect(lanes1['GREEN'].previous).toBe(45 / 180); // stable week: 180 GREEN (score < 0.9), every 4th a fraud
  });

  it('suggests cut-offs from the week\'s scores against the recorded ones', () => {
    const r = report[1].recalibration!;
    expect(r.yellow.recorded).toBe(0.9);
    expect(r.yellow.suggested).toBeCloseTo(0.95, 2);
    expect(r.yellow.shareAtRecorded).toBeCloseTo(0.2, 12);
    expect(r.red.suggested).toBeGreaterThan(r.yellow.suggested);
  });
});
