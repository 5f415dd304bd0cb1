import { ageDays, boardColumns, boardDesks, boardQuery, daysLeft, desksOf, riskAreaKey } from './risk-case-board';
import type { RiskCaseSummary } from './risk-case.types';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const DAY = 86_400_000;

function rc(over: Partial<RiskCaseSummary>): RiskCaseSummary {
  return {
    riskCaseId: 'risk-case-1', status: 'IDENTIFIED', riskArea: 'SMUGGLING', route: 'CBTC', officeIds: [], riskLevel: null, smugglingSubtype: null, windowEndsAt: null,
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

describe('boardQuery and desksOf', () => {
  it('asks the server for the filters set only, age in days (0 included)', () => {
    expect(boardQuery({ riskArea: '', desk: '', maxAgeDays: null }, 500)).toEqual({ limit: 500 });
    expect(boardQuery({ riskArea: 'SMUGGLING', desk: 'CBTC', maxAgeDays: 0 }, 500)).toEqual({ riskArea: 'SMUGGLING', desk: 'CBTC', maxAgeDays: 0, limit: 500 });
    expect(boardQuery({ riskArea: '', desk: '40', maxAgeDays: 30 }, 100)).toEqual({ desk: '40', maxAgeDays: 30, limit: 100 });
  });

  it('names the desks of a case: CBTC first for central ones, then the offices it is shared with', () => {
    expect(desksOf(rc({ route: 'CBTC', officeIds: ['20'] }))).toEqual(['CBTC', '20']);
    expect(desksOf(rc({ route: 'LOCAL', officeIds: ['40'] }))).toEqual(['40']);
  });
});

describe('boardColumns', () => {
  it('has one column per state in lifecycle order, with counts, empty ones included', () => {
    const loaded = [rc({ riskCaseId: 'a', status: 'ACTIVE' }), rc({ riskCaseId: 'b', status: 'ACTIVE' }), rc({ riskCaseId: 'c', status: 'IDENTIFIED' })];
    const cols = boardColumns(loaded, {});
    expect(cols.map((c) => [c.status, c.count])).toEqual([
      ['IDENTIFIED', 1], ['ASSESSED', 0], ['TARGETING', 0], ['ACTIVE', 2], ['FEEDBACK', 0], ['CLOSED', 0], ['DISMISSED', 0],
    ]);
    expect(cols[3].cases.map((c) => c.riskCaseId)).toEqual(['a', 'b']);
  });

  it('counts what the server counted (every matching case), not only the cases loaded', () => {
    const counts = { IDENTIFIED: 740, ASSESSED: 3, TARGETING: 0, ACTIVE: 2, FEEDBACK: 0, CLOSED: 12, DISMISSED: 1 };
    const cols = boardColumns([rc({ riskCaseId: 'a', status: 'IDENTIFIED' })], counts);
    expect(cols.map((c) => c.count)).toEqual([740, 3, 0, 2, 0, 12, 1]);
    expect(cols[0].cases).toHaveLength(1);
  });
});

describe('boardDesks and riskAreaKey', () => {
  it('offers CBTC and every office seen so far, offices in numeric order', () => {
    expect(boardDesks([], [rc({ officeIds: ['100', '40'] }), rc({ officeIds: ['40'] })])).toEqual(['CBTC', '40', '100']);
    // A desk filter loads only that desk's cases: the offices seen before stay offered.
    expect(boardDesks(['CBTC', '40', '100'], [rc({ officeIds: ['20'] })])).toEqual(['CBTC', '20', '40', '100']);
  });
  it('names smuggling by its subtype when known', () => {
    expect(riskAreaKey('SMUGGLING', 'WEAPONS')).toBe('intel.subtype.WEAPONS');
    expect(riskAreaKey('SMUGGLING')).toBe('riskArea.SMUGGLING');
    expect(riskAreaKey('TAX_EVASION', null)).toBe('riskArea.TAX_EVASION');
  });
});
