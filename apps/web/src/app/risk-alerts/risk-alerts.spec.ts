import type { RiskAlert } from '../core/api.types';
import { ALERTS_FOLDED, badgeText, goodsText, hasRiskAlerts, markAcknowledged, riskAreaKey, routeText, shownAlerts, unacknowledged } from './risk-alerts';

const alert = (over: Partial<RiskAlert> = {}): RiskAlert => ({
  riskCaseId: 'risk-case-1', status: 'ASSESSED', riskArea: 'UNDERVALUATION', smugglingSubtype: null, riskLevel: 'HIGH', composite: 4.5, note: '',
  lookFor: { subjects: [], goods: [], routes: [] }, sharedWith: ['40'], sharedBy: 'analyst-kim', sharedAt: '2026-12-01T00:00:00.000Z',
  acknowledged: false, acknowledgedAt: null, ...over,
});

describe('risk alerts', () => {
  it('are for officers and supervisors only', () => {
    expect(hasRiskAlerts('local_officer')).toBe(true);
    expect(hasRiskAlerts('supervisor')).toBe(true);
    expect(hasRiskAlerts('cbtc_analyst')).toBe(false);
    expect(hasRiskAlerts('auditor')).toBe(false);
    expect(hasRiskAlerts(null)).toBe(false);
  });

  it('keeps the unacknowledged ones in order and marks one acknowledged', () => {
    const list = [alert({ riskCaseId: 'a' }), alert({ riskCaseId: 'b', acknowledged: true, acknowledgedAt: 'x' }), alert({ riskCaseId: 'c' })];
    expect(unacknowledged(list).map((a) => a.riskCaseId)).toEqual(['a', 'c']);
    const marked = markAcknowledged(list, 'c', '2026-12-02T00:00:00.000Z');
    expect(unacknowledged(marked).map((a) => a.riskCaseId)).toEqual(['a']);
    expect(marked[2]).toMatchObject({ acknowledged: true, acknowledgedAt: '2026-12-02T00:00:00.000Z' });
    expect(list[2].acknowledged).toBe(false);
  });

  it('shows no badge at zero and caps it at 99+', () => {
    expect(badgeText(0)).toBeNull();
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('names the smuggling subtype when there is one, else the risk area', () => {
    expect(riskAreaKey({ riskArea: 'SMUGGLING', smugglingSubtype: 'WEAPONS' })).toBe('intel.subtype.WEAPONS');
    expect(riskAreaKey({ riskArea: 'SMUGGLING', smugglingSubtype: null })).toBe('riskArea.SMUGGLING');
    expect(riskAreaKey({ riskArea: 'TAX_EVASION', smugglingSubtype: null })).toBe('riskArea.TAX_EVASION');
  });

  it('writes routes and goods from the parts given', () => {
    expect(routeText({ originCountry: 'CN', departureCountry: 'HK' })).toBe('CN → HK');
    expect(routeText({ originCountry: null, departureCountry: 'JP' })).toBe('JP');
    expect(goodsText({ hsCode: '930200', description: 'pistol parts' })).toBe('930200 pistol parts');
    expect(goodsText({ hsCode: null, description: 'hand tools' })).toBe('hand tools');
  });

  it(`folds all but the first ${ALERTS_FOLDED} until expanded`, () => {
    const many = Array.from({ length: ALERTS_FOLDED + 2 }, (_, i) => alert({ riskCaseId: `c${i}` }));
    expect(shownAlerts(many, false).map((a) => a.riskCaseId)).toEqual(many.slice(0, ALERTS_FOLDED).map((a) => a.riskCaseId));
    expect(shownAlerts(many, true)).toHaveLength(ALERTS_FOLDED + 2);
    expect(shownAlerts(many.slice(0, 1), false)).toHaveLength(1);
  });
});
