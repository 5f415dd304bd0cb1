import type { WeekDrift } from '@customs/risk-model';
import { driftTable, roundWeeks } from './format';

const week: WeekDrift = {
  week: '2021-W01',
  from: '2021-01-04',
  to: '2021-01-10',
  n: 600,
  lowVolume: false,
  scorePsi: 0.123456,
  featurePsi: { tax_rate: 0.3, hist_fraud_office: 0.05 },
  worstFeature: { name: 'tax_rate', psi: 0.3 },
  hitRates: { criteria: [], lanes: [{ id: 'RED', inspected: 10, fraud: 9, hitRate: 0.9, previous: 0.8, change: 0.1 }] },
  alerts: [{ level: 'ALERT', what: 'feature:tax_rate', value: 0.3, threshold: 0.25 }],
  recalibration: { red: { topShare: 0.02, recorded: 0.84, suggested: 0.86, delta: 0.02, shareAtRecorded: 0.025 }, yellow: { topShare: 0.1, recorded: 0.5, suggested: 0.49, delta: -0.01, shareAtRecorded: 0.098 } },
};

describe('drift report format', () => {
  it('prints one row per week with PSI, hit rates, cut-offs and alerts', () => {
    const row = driftTable([week], new Set(['hist_fraud_office'])).split('\n')[2];
    expect(row).toBe('| 2021-W01 | 2021-01-04..2021-01-10 | 600 | 0.123 | tax_rate (0.300) | hist_fraud_office (0.050) | 90.0 (+10.0) / - / - | 0.860 / 0.840 | 0.490 / 0.500 | 1 ALERT, 0 WARN: tax_rate 0.30 |');
  });
  it('rounds the JSON numbers to 4 decimals, keeping integers', () => {
    const [w] = roundWeeks([week]) as Array<{ scorePsi: number; n: number }>;
    expect(w.scorePsi).toBe(0.1235);
    expect(w.n).toBe(600);
  });
});
