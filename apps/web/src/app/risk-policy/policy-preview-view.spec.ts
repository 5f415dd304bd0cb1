import { basisRows, cutoffRows, cutoffText, laneMoves, laneRows, perDay, shareText, versionCutoffs } from './policy-preview-view';
import type { DerivedThresholds, PolicyVersion, RiskPolicyPreview } from './risk-policy.types';

const thresholds = (red: number, yellow: number, redTopShare: number, yellowTopShare: number, exploration = 0): DerivedThresholds => ({
  red, yellow, redTopShare, yellowTopShare, requestedRedTopShare: redTopShare, requestedYellowTopShare: yellowTopShare, controlShare: 0.01,
  exploration: { share: exploration, floor: exploration ? yellow - 0.1 : yellow, floorTopShare: yellowTopShare, drawProbability: 0.5 },
  expectedDailySelections: null, notes: [],
});

const preview: RiskPolicyPreview = {
  officeId: '40', model: { name: 'kcs-fraud-gbdt', version: '2.0.0' }, days: 28, skipped: 0, decisions: 280, changed: 35,
  current: { lanes: { RED: 14, YELLOW: 56, GREEN: 210 }, decidedBy: { CRITERION: 7, MODEL: 60, CONTROL: 3, EXPLORATION: 0, NONE: 210 } },
  proposed: { lanes: { RED: 42, YELLOW: 35, GREEN: 203 }, decidedBy: { CRITERION: 7, MODEL: 70, CONTROL: 0, EXPLORATION: 0, NONE: 203 } },
  moves: { 'YELLOW->RED': 28, 'GREEN->YELLOW': 7 },
  currentThresholds: thresholds(0.9, 0.5, 0.02, 0.1), proposedThresholds: thresholds(0.8, 0.5, 0.05, 0.1, 0.01),
};

describe('risk-policy preview view', () => {
  it('divides the window counts by its days (one decimal)', () => {
    expect(perDay(14, 28)).toBe(0.5);
    expect(perDay(10, 28)).toBe(0.4);
    expect(perDay(0, 28)).toBe(0);
    expect(() => perDay(3, 0)).toThrow(RangeError);
  });

  it('lists the expected daily selections per lane under both policies, with the change', () => {
    expect(laneRows(preview)).toEqual([
      { key: 'RED', current: 14, proposed: 42, currentPerDay: 0.5, proposedPerDay: 1.5, changePerDay: 1 },
      { key: 'YELLOW', current: 56, proposed: 35, currentPerDay: 2, proposedPerDay: 1.3, changePerDay: -0.7 },
      { key: 'GREEN', current: 210, proposed: 203, currentPerDay: 7.5, proposedPerDay: 7.3, changePerDay: -0.2 },
    ]);
    expect(basisRows(preview).map((r) => [r.key, r.current, r.proposed])).toEqual([
      ['CRITERION', 7, 7], ['MODEL', 60, 70], ['DATA_QUALITY', 0, 0], ['CONTROL', 3, 0], ['EXPLORATION', 0, 0], ['NONE', 210, 203],
    ]);
  });

  it('lists the lane moves, most first', () => {
    expect(laneMoves(preview)).toEqual([
      { from: 'YELLOW', to: 'RED', count: 28, perDay: 1 },
      { from: 'GREEN', to: 'YELLOW', count: 7, perDay: 0.3 },
    ]);
    expect(laneMoves({ ...preview, moves: {} })).toEqual([]);
  });

  it('shows cut-offs with four decimals, and none for a cut-off above any score', () => {
    expect(cutoffText(0.51234)).toBe('0.5123');
    expect(cutoffText(1.01)).toBeNull();
    expect(shareText(0.025)).toBe('2.5 %');
    expect(shareText(0.1)).toBe('10 %');
  });

  it('puts the cut-offs in force and proposed side by side, marking what changes', () => {
    expect(cutoffRows(preview.currentThresholds, preview.proposedThresholds)).toEqual([
      { key: 'red', current: '0.9000', proposed: '0.8000', changed: true },
      { key: 'yellow', current: '0.5000', proposed: '0.5000', changed: false },
      { key: 'redShare', current: '2 %', proposed: '5 %', changed: true },
      { key: 'yellowShare', current: '10 %', proposed: '10 %', changed: false },
      { key: 'explorationFloor', current: null, proposed: '0.4000', changed: true },
    ]);
  });

  it('gives a history version its cut-offs as written', () => {
    expect(versionCutoffs({ derivedAtWrite: { red: 1.01, yellow: 0.43216 } } as PolicyVersion)).toEqual({ red: '—', yellow: '0.4322' });
  });
});
