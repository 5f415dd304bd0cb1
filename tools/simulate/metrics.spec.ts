import { againstExploitation, count, emptyCounts, finish, formatAgainstExploitation, formatTable } from './metrics';

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

  it('compares the fraud a policy found with what exploitation found, by declaration', () => {
    const exploit = [{ id: 'A', unseen: false }, { id: 'B', unseen: true }, { id: 'C', unseen: false }];
    const explore = [{ id: 'A', unseen: false }, { id: 'D', unseen: true }, { id: 'E', unseen: false }];
    const a = againstExploitation(explore, exploit);
    expect(a).toEqual({ foundBeyond: 2, foundBeyondUnseen: 1, missed: 2 });
    expect(againstExploitation(exploit, exploit)).toEqual({ foundBeyond: 0, foundBeyondUnseen: 0, missed: 0 });
    expect(formatAgainstExploitation({ explore: a })).toMatch(/\| explore +\| 2 +\| 1 +\| 2 +\| 0 +\|/);
  });
});
