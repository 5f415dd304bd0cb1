import type { RegisteredModel, ValidationMetrics } from '../core/api.types';

/** The precision cut-offs the validation table shows, in order. */
export const PRECISION_AT = ['precision@1%', 'precision@2%', 'precision@5%', 'precision@10%'] as const;

/**
 * Validation figures of a model version: those measured with the supply-chain history as it
 * stood online (`validMetricsOnline`, 2.0.0 on), else the plain validation set (`validMetrics`,
 * 1.0.0), else none.
 */
export function validationMetrics(m: Pick<RegisteredModel, 'training'>): ValidationMetrics {
  return m.training.validMetricsOnline ?? m.training.validMetrics ?? {};
}

/**
 * Validation figure `key` of a model as the table shows it: a precision (share 0..1) as a
 * percentage with one decimal ("98.8 %"), ROC AUC as a number with three decimals ("0.912");
 * "—" when not recorded.
 */
export function metricLabel(m: Pick<RegisteredModel, 'training'>, key: keyof ValidationMetrics): string {
  const v = validationMetrics(m)[key];
  if (v === undefined) return '—';
  return key === 'rocAuc' ? v.toFixed(3) : `${(v * 100).toFixed(1)} %`;
}

/** The k of a precision cut-off for its column heading: `precision@5%` -> `5%`. */
export function precisionCutoff(key: (typeof PRECISION_AT)[number]): string {
  return key.slice('precision@'.length);
}

/** The version that decides now (the CHAMPION), or null when the registry has none. */
export function championVersion(models: readonly Pick<RegisteredModel, 'role' | 'version'>[]): string | null {
  return models.find((m) => m.role === 'CHAMPION')?.version ?? null;
}
