import { overlapsByCriterion } from './criterion-overlaps';

describe('overlapsByCriterion', () => {
  it('groups the pairs by criterion, highest share first', () => {
    const by = overlapsByCriterion({
      days: 28, threshold: 80,
      overlaps: [
        { criterionId: 'LOC-40-001', otherId: 'CEN-WPN-001', selected: 10, both: 9, share: 90 },
        { criterionId: 'LOC-40-001', otherId: 'CEN-WPN-002', selected: 10, both: 10, share: 100 },
        { criterionId: 'CEN-WPN-001', otherId: 'LOC-40-001', selected: 11, both: 9, share: 81.8 },
      ],
    });
    expect(by.get('LOC-40-001')?.map((o) => o.otherId)).toEqual(['CEN-WPN-002', 'CEN-WPN-001']);
    expect(by.get('CEN-WPN-001')?.map((o) => o.share)).toEqual([81.8]);
    expect(by.get('CEN-X')).toBeUndefined();
  });
});
