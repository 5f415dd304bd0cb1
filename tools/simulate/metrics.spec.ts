import { count, emptyCounts, finish, formatTable } from './metrics';

describe('metrics', () => {
  it('counts inspections, findings, unseen parties and random slots', () => {
    const c = emptyCounts();
    count(c, { fraud: 1, critical: 1, unseen: true, reason: 'model' });
    count(c, { fraud: 0, critical: 0, unseen: true, reason: 'explore' });
    count(c, { fraud: 1, critical: 0, unseen: false, reason: 'control' });
    count(c, { fraud: 0, critical: 0, unseen: false, reason: 'model' });
    const m = finish(c, 8);
    expect(m).toEqual({
      inspections: 4,
      fraudFound: 2,
      criticalFound: 1,
      unseenInspections: 2,
      unseenFraudFound: 1,
      controlInspections: 1,
      controlFraudFound: 1,
      exploreInspections: 1,
      exploreFraudFound: 0,
      precision: 0.5,
      recall: 0.25,
      controlFraudRate: 1,
      exploreFraudRate: 0,
    });
    expect(finish(emptyCounts(), 0).precision).toBeNull();
    expect(formatTable({ exploit: m })).toContain('| exploit ');
  });
});
