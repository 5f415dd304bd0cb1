import type { DecisionRecordBody } from '@customs/decision';
import { explainCriterion } from '@customs/selectivity';

/** Plain-English lines, one per fired criterion of a decision (for traces and the UI), e.g. `CEN-TAX-001 v1 (YELLOW): taxRate 30 >= 27`. */
export function explainFired(r: Pick<DecisionRecordBody, 'firedCriteria'>): string[] {
  return r.firedCriteria.map((c) => explainCriterion(c));
}
