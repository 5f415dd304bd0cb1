import { describeDifference, firedDifferences } from './differential';

describe('firedDifferences', () => {
  it('reports what a peer missed and what it added, per declaration, ignoring order and duplicates', () => {
    const diffs = firedDifferences('opa', [['A@v1', 'B@v1'], [], ['C@v1']], [['B@v1', 'A@v1', 'A@v1'], ['D@v1'], []], ['d1', 'd2', 'd3']);
    expect(diffs).toEqual([
      { engine: 'opa', declarationId: 'd2', criterion: 'D@v1', kind: 'extra' },
      { engine: 'opa', declarationId: 'd3', criterion: 'C@v1', kind: 'missing' },
    ]);
    expect(describeDifference(diffs[0])).toBe('opa: declaration d2: D@v1 fired by opa, not by ours');
    expect(describeDifference(diffs[1])).toBe('opa: declaration d3: C@v1 fired by ours, not by opa');
  });

  it('refuses a peer answer that does not cover every declaration', () => {
    expect(() => firedDifferences('drools', [[], []], [[]], ['d1', 'd2'])).toThrow('drools: 1 fired lists for 2 declarations');
  });
});
