import type { DecisionRecord } from '../core/api.types';

/** i18n key of a condition's result in the trace: met, not met, or not evaluated (`null`: evaluation stopped before it). */
export function conditionResultKey(result: boolean | null | undefined): 'trace.met' | 'trace.notMet' | 'trace.notEvaluated' {
  return result === true ? 'trace.met' : result === false ? 'trace.notMet' : 'trace.notEvaluated';
}

/**
 * The sentence shown under fired criterion `index` (0-based): the record's plain-language
 * explanation for it when the API wrote one, else the criterion's own reason.
 */
export function firedCriterionText(record: Pick<DecisionRecord, 'explanations' | 'firedCriteria'>, index: number): string {
  return record.explanations?.[index] ?? record.firedCriteria[index]?.reason ?? '';
}

/** i18n key of the control-sample line: whether the declaration was also a random control pick. */
export function controlSampleKey(controlSample: boolean): 'trace.controlYes' | 'trace.controlNo' {
  return controlSample ? 'trace.controlYes' : 'trace.controlNo';
}
