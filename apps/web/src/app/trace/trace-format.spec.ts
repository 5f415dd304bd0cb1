import type { FiredCriterion } from '../core/api.types';
import { conditionResultKey, controlSampleKey, firedCriterionText } from './trace-format';

describe('conditionResultKey', () => {
  it('labels met, not met and not evaluated conditions', () => {
    expect(conditionResultKey(true)).toBe('trace.met');
    expect(conditionResultKey(false)).toBe('trace.notMet');
    expect(conditionResultKey(null)).toBe('trace.notEvaluated');
    expect(conditionResultKey(undefined)).toBe('trace.notEvaluated');
  });
});

describe('firedCriterionText', () => {
  const fired = (id: string, reason: string): FiredCriterion => ({ id, version: 1, scope: 'CENTRAL', officeId: null, riskArea: 'SMUGGLING_DRUGS', lane: 'RED', reason, conditions: [] });
  const firedCriteria = [fired('CEN-DRG-001', 'Precursors'), fired('LOC-40-003', 'Undervalued handguns')];

  it("shows the record's explanation of each criterion", () => {
    const explanations = ['hsCode 293941 starts with 2939', 'itemPriceKrw 12000 < 50000'];
    expect(firedCriterionText({ firedCriteria, explanations }, 0)).toBe('hsCode 293941 starts with 2939');
    expect(firedCriterionText({ firedCriteria, explanations }, 1)).toBe('itemPriceKrw 12000 < 50000');
  });

  it("falls back to the criterion's reason when the record has fewer explanations than criteria", () => {
    expect(firedCriterionText({ firedCriteria, explanations: ['only the first'] }, 1)).toBe('Undervalued handguns');
    expect(firedCriterionText({ firedCriteria, explanations: [] }, 0)).toBe('Precursors');
  });

  it('gives an empty text past the last criterion', () => {
    expect(firedCriterionText({ firedCriteria, explanations: [] }, 2)).toBe('');
  });
});

describe('controlSampleKey', () => {
  it('says whether the declaration was a random control pick', () => {
    expect(controlSampleKey(true)).toBe('trace.controlYes');
    expect(controlSampleKey(false)).toBe('trace.controlNo');
  });
});
