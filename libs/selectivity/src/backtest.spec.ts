import { CriterionBacktest, type BacktestDecision } from './backtest';
import { mockCriterion, mockDeclaration } from './testing';

const decision = (over: Partial<BacktestDecision> & { officeId?: string; description?: string } = {}): BacktestDecision => ({
  declaration: mockDeclaration({ officeId: over.officeId ?? '40', goodsDescription: over.description ?? 'Glue gun, 12 pcs' }),
  decidedAt: over.decidedAt ?? '2026-11-20T03:00:00.000Z',
  lane: over.lane ?? 'GREEN',
  firedCriteria: over.firedCriteria ?? [],
  fraud: over.fraud ?? null,
});

describe('CriterionBacktest', () => {
  const gun = mockCriterion({
    id: 'CEN-WPN-900',
    lane: 'RED',
    conditions: { all: [{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['gun', 'pistol'] }] },
  });

  it('counts selections per office, lane and day, the extra inspections, and the hit rate among inspected ones', () => {
    const b = new CriterionBacktest(gun);
    b.add(decision({ lane: 'GREEN', fraud: true }));
    b.add(decision({ lane: 'YELLOW', fraud: false }));
    b.add(decision({ lane: 'RED', officeId: '20', decidedAt: '2026-11-21T10:00:00.000Z', firedCriteria: ['CEN-WPN-001'] }));
    b.add(decision({ description: 'Plastic toys' }));
    const t = b.totals();
    expect(t).toMatchObject({ scanned: 4, selected: 3, inspected: 2, hits: 1, hitRate: 0.5 });
    expect(t.byOffice).toEqual([
      { officeId: '40', selected: 2, byLane: { GREEN: 1, YELLOW: 1, RED: 0 }, extra: 2 },
      { officeId: '20', selected: 1, byLane: { GREEN: 0, YELLOW: 0, RED: 1 }, extra: 0 },
    ]);
    expect(t.byDay).toEqual([{ date: '2026-11-20', selected: 2 }, { date: '2026-11-21', selected: 1 }]);
    expect(t.overlap).toEqual([{ criterionId: 'CEN-WPN-001', selected: 1, share: 33.3 }]);
  });

  it('groups the goods descriptions its keyword conditions matched by the keyword (GUN catches GLUE GUN)', () => {
    const b = new CriterionBacktest(gun);
    for (const description of ['Glue gun, 12 pcs', 'GLUE GUN refill', 'Glue gun, 12 pcs', 'Pistol grip tools', 'guns and roses t-shirt']) b.add(decision({ description }));
    expect(b.totals().keywordMatches).toEqual([
      { keyword: 'gun', count: 3, examples: ['Glue gun, 12 pcs', 'GLUE GUN refill'] },
      { keyword: 'pistol', count: 1, examples: ['Pistol grip tools'] },
    ]);
    expect(b.totals().selected).toBe(4);
  });

  it('counts a YELLOW criterion on YELLOW declarations as no extra work, and nothing when nothing matches', () => {
    const b = new CriterionBacktest({ ...gun, lane: 'YELLOW' });
    b.add(decision({ lane: 'YELLOW' }));
    expect(b.totals().byOffice[0].extra).toBe(0);
    const none = new CriterionBacktest(gun);
    none.add(decision({ description: 'Plastic toys' }));
    expect(none.totals()).toEqual({ scanned: 1, selected: 0, byOffice: [], byDay: [], overlap: [], inspected: 0, hits: 0, hitRate: null, keywordMatches: [] });
  });
});
