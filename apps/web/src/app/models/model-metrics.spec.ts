import type { RegisteredModel } from '../core/api.types';
import { PRECISION_AT, championVersion, metricLabel, precisionCutoff, validationMetrics } from './model-metrics';

const training = (t: RegisteredModel['training']) => ({ training: t });

describe('validationMetrics', () => {
  it('prefers the figures measured with the history as it stood online', () => {
    expect(validationMetrics(training({ validMetricsOnline: { rocAuc: 0.91 }, validMetrics: { rocAuc: 0.95 } }))).toEqual({ rocAuc: 0.91 });
    expect(validationMetrics(training({ validMetrics: { rocAuc: 0.88 } }))).toEqual({ rocAuc: 0.88 });
    expect(validationMetrics(training({}))).toEqual({});
  });
});

describe('metricLabel', () => {
  const m = training({ validMetricsOnline: { 'precision@1%': 0.98765, 'precision@10%': 0.5, rocAuc: 0.91249 } });

  it('writes precisions as percentages with one decimal and ROC AUC with three decimals', () => {
    expect(metricLabel(m, 'precision@1%')).toBe('98.8 %');
    expect(metricLabel(m, 'precision@10%')).toBe('50.0 %');
    expect(metricLabel(m, 'rocAuc')).toBe('0.912');
  });

  it('writes a dash for a figure not recorded', () => {
    expect(metricLabel(m, 'precision@2%')).toBe('—');
    expect(metricLabel(training({}), 'rocAuc')).toBe('—');
  });
});

describe('precisionCutoff and championVersion', () => {
  it('heads each precision column with its share', () => {
    expect(PRECISION_AT.map(precisionCutoff)).toEqual(['1%', '2%', '5%', '10%']);
  });

  it('finds the deciding version', () => {
    expect(championVersion([{ role: 'CHALLENGER', version: '2.1.0' }, { role: 'CHAMPION', version: '2.0.0' }, { role: 'RETIRED', version: '1.0.0' }])).toBe('2.0.0');
    expect(championVersion([{ role: 'CHALLENGER', version: '2.1.0' }])).toBeNull();
  });
});
