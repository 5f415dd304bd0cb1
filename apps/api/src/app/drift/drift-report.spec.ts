import { driftFeatures, psiAgainst, referenceFromQuantiles, type DriftReferenceFile, type FeatureSpec } from '@customs/risk-model';
import { buildDriftReport, DRIFT_MIN_ROWS, reportPeriod } from './drift-report';
import type { ScreenedForDrift } from './drift.repository';

/** A two-feature spec: a numeric one and an ordinal code (a history count is left out of drift). */
const spec = {
  numFeatures: 3,
  features: [
    { name: 'tax_rate', kind: 'numeric', source: 'taxRate' },
    { name: 'ord_office', kind: 'ordinal', source: ['officeId'], unknown: -1, codes: { '10': 0, '20': 1 } },
    { name: 'hist_n_office', kind: 'historyCount', keys: ['officeId'] },
  ],
  quantiles: [
    { topShare: 0.1, score: 0.5 },
    { topShare: 0.5, score: 0.2 },
  ],
  thresholds: { red: { topShare: 0.02, score: 0.8 }, yellow: { topShare: 0.1, score: 0.5 } },
} as unknown as Pick<FeatureSpec, 'features' | 'quantiles' | 'thresholds' | 'numFeatures'>;

const reference: DriftReferenceFile = {
  model: { name: 'm', version: '1' },
  source: { file: 'train.csv', from: '2020-03-01', rows: 10, kind: 'train' },
  features: {
    tax_rate: { kind: 'numeric', edges: [5], shares: [0.5, 0.5], n: 10 },
    ord_office: { kind: 'categorical', categories: [0, 1], shares: [0.5, 0.5, 0], n: 10 },
  },
};

function row(date: string, score: number, office: 0 | 1, outcome: string | null = null, criteria: string[] = []): ScreenedForDrift {
  return { date, score, modelLane: score >= 0.8 ? 'RED' : score >= 0.5 ? 'YELLOW' : 'GREEN', inputs: [office === 0 ? 1 : 9, office, 42], criteria, outcome };
}

describe('reportPeriod', () => {
  it('spans whole ISO weeks back from the last one', () => {
    expect(reportPeriod('2021-W05', 1)).toEqual({ firstWeek: '2021-W05', lastWeek: '2021-W05', from: '2021-02-01', to: '2021-02-07' });
    expect(reportPeriod('2021-W02', 3)).toEqual({ firstWeek: '2020-W53', lastWeek: '2021-W02', from: '2020-12-28', to: '2021-01-17' });
  });
});

describe('buildDriftReport', () => {
  const period = reportPeriod('2021-W02', 2);
  // week 1: 120 rows like the reference (scores spread, offices half/half); week 2: 120 rows all office 1, all scoring high
  const week1 = Array.from({ length: 120 }, (_, i) => row('2021-01-05', [0.05, 0.1, 0.15, 0.1, 0.05, 0.3, 0.3, 0.4, 0.3, 0.6][i % 10], (i % 2) as 0 | 1, i < 10 ? (i < 4 ? 'SEIZURE' : 'NO_FINDING') : null, i < 6 ? ['C-1'] : []));
  const week2 = Array.from({ length: 120 }, (_, i) => row('2021-01-12', 0.9, 1, i < 10 ? 'DISCREPANCY' : null, i < 6 ? ['C-1'] : []));
  const report = buildDriftReport({ name: 'm', version: '1' }, spec, reference, [...week2, ...week1], period, '2026-12-07T00:00:00.000Z');

  it('reports the weeks in order, the last as latest, with the score PSI of the lib against the spec quantiles', () => {
    expect(report.weeks.map((w) => w.week)).toEqual(['2021-W01', '2021-W02']);
    expect(report.latest?.week).toBe('2021-W02');
    expect(report.latest?.scorePsi).toBeCloseTo(psiAgainst(referenceFromQuantiles(spec.quantiles), week2.map((r) => r.score)), 10);
    expect(report.weeks[0].scorePsi).toBeLessThan(report.weeks[1].scorePsi);
  });

  it('computes feature PSI for the referenced main features only, largest first, and alerts above 0.25', () => {
    expect(driftFeatures(spec).map((f) => f.name)).toEqual(['tax_rate', 'ord_office']);
    const w2 = report.latest!;
    expect(w2.featurePsi.map((f) => f.feature).sort()).toEqual(['ord_office', 'tax_rate']);
    expect(w2.featurePsi[0].psi).toBeGreaterThanOrEqual(w2.featurePsi[1].psi);
    expect(w2.withInputs).toBe(120);
    expect(w2.alerts.map((a) => a.what)).toEqual(expect.arrayContaining(['score', 'feature:ord_office', 'feature:tax_rate']));
    expect(w2.alerts.every((a) => a.level === 'ALERT')).toBe(true);
    expect(report.weeks[0].alerts).toEqual([]); // week 1 matches the reference
  });

  it('counts hit rates from the recorded outcomes (DISCREPANCY / SEIZURE = fraud) per criterion and model lane, with the change', () => {
    const c1 = report.latest!.hitRates.criteria.find((h) => h.id === 'C-1')!;
    expect(c1).toMatchObject({ inspected: 6, fraud: 6, hitRate: 1, previous: 4 / 6 });
    expect(c1.change).toBeCloseTo(1 - 4 / 6, 10);
    const red = report.latest!.hitRates.lanes.find((h) => h.id === 'RED')!;
    expect(red).toMatchObject({ inspected: 10, fraud: 10, hitRate: 1 });
  });

  it('suggests cut-offs from the week\u2019s scores against the recorded ones', () => {
    expect(report.latest!.recalibration?.red).toMatchObject({ recorded: 0.8, suggested: 0.9, shareAtRecorded: 1 });
  });

  it('without a feature reference reports the score only; a week under the minimum volume raises no alerts', () => {
    const r = buildDriftReport({ name: 'm', version: '1' }, spec, null, week2.slice(0, DRIFT_MIN_ROWS - 1), period, 'now');
    expect(r.featureReference).toBeNull();
    expect(r.latest).toMatchObject({ lowVolume: true, featurePsi: [], alerts: [] });
    expect(r.latest!.scorePsi).toBeGreaterThan(0.25);
  });

  it('skips records without inputs (or of another length) for feature PSI but counts them for the score', () => {
    const r = buildDriftReport({ name: 'm', version: '1' }, spec, reference, [...week1.slice(0, 50), ...week1.slice(50).map((x) => ({ ...x, inputs: null })), { ...week1[0], inputs: [1] }], period, 'now');
    expect(r.latest).toMatchObject({ n: 121, withInputs: 50 });
  });

  it('is empty without decisions', () => {
    expect(buildDriftReport({ name: 'm', version: '1' }, spec, reference, [], null, 'now')).toMatchObject({ period: null, weeks: [], latest: null });
  });
});
