import { assessRisk, initialScores, parseOffices } from './assessment';

describe('assessRisk (as the risk-case workflow computes it)', () => {
  it('is the mean of the six factors, two decimals, with the level thresholds 4.0 and 3.0', () => {
    expect(assessRisk(initialScores())).toEqual({ composite: 3, riskLevel: 'MEDIUM' });
    expect(assessRisk({ timeliness: 5, importance: 5, applicability: 4, accuracy: 4, reliability: 3, influence: 3 })).toEqual({ composite: 4, riskLevel: 'HIGH' });
    expect(assessRisk({ timeliness: 3, importance: 3, applicability: 3, accuracy: 3, reliability: 3, influence: 2 })).toEqual({ composite: 2.83, riskLevel: 'LOW' });
    expect(assessRisk({ timeliness: 4, importance: 4, applicability: 4, accuracy: 4, reliability: 4, influence: 3 })).toEqual({ composite: 3.83, riskLevel: 'MEDIUM' });
  });
});

describe('parseOffices', () => {
  it('reads comma or space separated office codes once each', () => {
    expect(parseOffices('40, 41 40', 'SHARE')).toEqual({ offices: ['40', '41'], problem: null });
  });
  it('needs an office to SHARE and refuses malformed codes', () => {
    expect(parseOffices(' ', 'SHARE').problem).toBe('assess.error.shareWith');
    expect(parseOffices('', 'TARGET').problem).toBeNull();
    expect(parseOffices('4a', 'TARGET').problem).toBe('assess.error.officeCode');
  });
});
