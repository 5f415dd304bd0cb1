import { ageDays, boardChoices, boardColumns, daysLeft, desksOf, filterBoard, riskAreaKey } from './risk-case-board';
import type { RiskCaseSummary } from './risk-case.types';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 86_400_000;

function rc(over: Partial<RiskCaseSummary>): RiskCaseSummary {
  return {
    riskCaseId: 'risk-case-1', status: 'IDENTIFIED', riskArea: 'SMUGGLING', route: 'CBTC', officeIds: [], riskLevel: null, windowEndsAt: null,
    openedAt: new Date(NOW - DAY).toISOString(), updatedAt: new Date(NOW).toISOString(), ...over,
  };
}

describe('daysLeft', () => {
  it('rounds the time left up to whole days, 0 once ended, null without a window', () => {
    expect(daysLeft(new Date(NOW + 3 * 3_600_000).toISOString(), NOW)).toBe(1);
    expect(daysLeft(new Date(NOW + 15 * DAY).toISOString(), NOW)).toBe(15);
    expect(daysLeft(new Date(NOW + 14 * DAY + 1).toISOString(), NOW)).toBe(15);
    expect(daysLeft(new Date(NOW - 1).toISOString(), NOW)).toBe(0);
    expect(daysLeft(null, NOW)).toBeNull();
  });
});

describe('ageDays', () => {
  it('counts whole days since opening, never negative', () => {
    expect(ageDays(new Date(NOW - 2.5 * DAY).toISOString(), NOW)).toBe(2);
    expect(ageDays(new Date(NOW + DAY).toISOString(), NOW)).toBe(0);
  });
});

describe('filterBoard', () => {
  const cases = [
    rc({ riskCaseId: 'a', riskArea: 'SMUGGLING', route: 'CBTC' }),
    rc({ riskCaseId: 'b', riskArea: 'UNDERVALUATION', route: 'LOCAL', officeIds: ['40'], openedAt: new Date(NOW - 40 * DAY).toISOString() }),
    rc({ riskCaseId: 'c', riskArea: 'SMUGGLING', route: 'CBTC', officeIds: ['20'] }),
  ];
  const ids = (f: Parameters<typeof filterBoard>[1]) => filterBoard(cases, f, NOW).map((c) => c.riskCaseId);

  it('filters by risk area, desk and age, each only when set', () => {
    expect(ids({ riskArea: '', desk: '', maxAgeDays: null })).toEqual(['a', 'b', 'c']);
    expect(ids({ riskArea: 'SMUGGLING', desk: '', maxAgeDays: null })).toEqual(['a', 'c']);
    expect(ids({ riskArea: '', desk: 'CBTC', maxAgeDays: null })).toEqual(['a', 'c']);
    expect(ids({ riskArea: '', desk: '40', maxAgeDays: null })).toEqual(['b']);
    expect(ids({ riskArea: '', desk: '20', maxAgeDays: null })).toEqual(['c']);
    expect(ids({ riskArea: '', desk: '', maxAgeDays: 30 })).toEqual(['a', 'c']);
  });

  it('names the desks of a case: CBTC first for central ones, then the offices it is shared with', () => {
    expect(desksOf(cases[2])).toEqual(['CBTC', '20']);
    expect(desksOf(cases[1])).toEqual(['40']);
  });
});

describe('boardColumns', () => {
  it('has one column per state in lifecycle order, with counts, empty ones included', () => {
    const cols = boardColumns([rc({ riskCaseId: 'a', status: 'ACTIVE' }), rc({ riskCaseId: 'b', status: 'ACTIVE' }), rc({ riskCaseId: 'c', status: 'IDENTIFIED' })]);
    expect(cols.map((c) => [c.status, c.count])).toEqual([
      ['IDENTIFIED', 1], ['ASSESSED', 0], ['TARGETING', 0], ['ACTIVE', 2], ['FEEDBACK', 0], ['CLOSED', 0], ['DISMISSED', 0],
    ]);
    expect(cols[3].cases.map((c) => c.riskCaseId)).toEqual(['a', 'b']);
  });
});

describe('boardChoices and riskAreaKey', () => {
  it('offers the loaded risk areas and desks, offices in numeric order', () => {
    expect(boardChoices([rc({ riskArea: 'B', officeIds: ['100', '40'] }), rc({ riskArea: 'A', officeIds: ['40'] })])).toEqual({ riskAreas: ['A', 'B'], desks: ['CBTC', '40', '100'] });
  });
  it('names smuggling by its subtype when known', () => {
    expect(riskAreaKey('SMUGGLING', 'WEAPONS')).toBe('intel.subtype.WEAPONS');
    expect(riskAreaKey('SMUGGLING')).toBe('riskArea.SMUGGLING');
    expect(riskAreaKey('TAX_EVASION', null)).toBe('riskArea.TAX_EVASION');
  });
});
