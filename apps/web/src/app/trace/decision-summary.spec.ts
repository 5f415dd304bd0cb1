import type { DecisionRecord } from '../core/api.types';
import { summaryTexts } from './decision-summary';

const record = (over: Partial<DecisionRecord> = {}): DecisionRecord =>
  ({
    declarationId: 'D1',
    lane: 'RED',
    firedCriteria: [{ id: 'CEN-WPN-001', version: 1, lane: 'RED' }],
    model: { name: 'kcs-fraud-gbdt', version: '2.0.0', score: 0.42, criticalScore: null, lane: 'GREEN', thresholds: { yellow: 0.6, red: 0.9 } },
    controlSample: false,
    selectionBasis: { decidedBy: 'CRITERIA', reasons: ['CRITERIA'] },
    ...over,
  }) as unknown as DecisionRecord;

describe('summaryTexts', () => {
  it('names the declaration and lane, then each reason with the recorded figures', () => {
    expect(summaryTexts(record())).toEqual({
      lead: { key: 'summary.lead.RED', params: { id: 'D1' } },
      reasons: [
        { key: 'summary.criterionFired', params: { count: 1, criteria: 'CEN-WPN-001 v1 (RED)' } },
        { key: 'summary.modelGreen', params: { model: 'kcs-fraud-gbdt 2.0.0', score: '0.420', threshold: '0.600' } },
      ],
    });
  });

  it('says when no criterion fired and when the declaration was drawn for the control sample', () => {
    const t = summaryTexts(record({ lane: 'YELLOW', firedCriteria: [], controlSample: true } as Partial<DecisionRecord>));
    expect(t.reasons.map((r) => r.key)).toEqual(['summary.noCriterion', 'summary.modelGreen', 'summary.control']);
  });
});
