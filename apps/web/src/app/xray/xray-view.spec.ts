import { xrayItemMock } from './xray-item.mock';
import { decisionKey, doneKey, outcomeKey, reasonRows, scoreText, xrayComposedKeys } from './xray-view';

describe('X-ray view', () => {
  it('shows the risk score as a percentage, and nothing when no model scored', () => {
    expect(scoreText(0.734)).toBe('73 %');
    expect(scoreText(1)).toBe('100 %');
    expect(scoreText(0)).toBe('0 %');
    expect(scoreText(0.004)).toBe('0.4 %');
    expect(scoreText(null)).toBeNull();
    expect(scoreText(undefined)).toBeNull();
    expect(scoreText(Number.NaN)).toBeNull();
  });

  it('pairs each reason with its fired criterion and drops the repeated prefix', () => {
    const item = xrayItemMock({
      outcome: 'XRAY_FLAGGED',
      lane: 'YELLOW',
      firedCriteria: [{ id: 'CEN-EXP-001', version: 2, name: 'Split shipments', lane: 'YELLOW' }],
      reasons: ['CEN-EXP-001 v2 (YELLOW): declaredValueUsd lessThan 150 (actual 40.75)', 'a reason without a criterion'],
    });
    expect(reasonRows(item)).toEqual([
      { lane: 'YELLOW', criterion: 'CEN-EXP-001 v2', name: 'Split shipments', text: 'declaredValueUsd lessThan 150 (actual 40.75)' },
      { lane: null, criterion: null, name: null, text: 'a reason without a criterion' },
    ]);
    expect(reasonRows(xrayItemMock())).toEqual([]);
  });

  it('names the i18n keys of outcomes and decisions', () => {
    expect(outcomeKey('INTRUSIVE_INSPECTION')).toBe('xray.outcome.INTRUSIVE_INSPECTION');
    expect(decisionKey('INSPECT')).toBe('xray.decision.INSPECT');
    expect(doneKey('HOLD')).toBe('xray.done.HOLD');
    expect(xrayComposedKeys()).toEqual(expect.arrayContaining(['xray.tab.HELD', 'xray.mode.SEA', 'xray.priorBy.INSPECT', 'xray.outcome.RELEASE']));
  });
});
