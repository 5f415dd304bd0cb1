import type { Lane } from '@customs/domain';
import { decideLane } from './lane-decision';
import type { PolicyThresholds } from './office-policy';

const thresholds: PolicyThresholds = {
  red: 0.9,
  yellow: 0.6,
  redTopShare: 0.02,
  yellowTopShare: 0.1,
  exploration: { share: 0.05, floor: 0.33, floorTopShare: 0.2, drawProbability: 0.5 },
};
/** Draws that pick (or not) for control at a share of 0.1 and for exploration at p 0.5. */
const draws = (control: boolean, exploration: boolean) => ({ control: control ? 0.05 : 0.5, exploration: exploration ? 0.25 : 0.75 });
const fired = (...lanes: Lane[]) => lanes.map((lane) => ({ lane }));

describe('decideLane', () => {
  const run = (criteria: Lane[], score: number, d = draws(false, false), controlShare = 0.1, criticalScore: number | null = null, t = thresholds) =>
    decideLane({ firedCriteria: fired(...criteria), scores: { score, criticalScore }, policy: { thresholds: t, controlShare }, draws: d });

  it('takes the most severe of the criteria and the model, and records the criterion as decider ahead of the model', () => {
    expect(run(['RED'], 0.95)).toEqual({
      lane: 'RED', criteriaLane: 'RED', scoreLane: 'RED', dataQualityLane: 'GREEN', controlSample: false, selectionBasis: { reasons: ['CRITERION', 'MODEL'], decidedBy: 'CRITERION' },
    });
    expect(run(['YELLOW'], 0.95)).toMatchObject({ lane: 'RED', selectionBasis: { reasons: ['CRITERION', 'MODEL'], decidedBy: 'MODEL' } });
    expect(run(['GREEN', 'YELLOW'], 0.1)).toMatchObject({ lane: 'YELLOW', criteriaLane: 'YELLOW', selectionBasis: { reasons: ['CRITERION'], decidedBy: 'CRITERION' } });
    expect(run([], 0.7)).toMatchObject({ lane: 'YELLOW', criteriaLane: 'GREEN', selectionBasis: { reasons: ['MODEL'], decidedBy: 'MODEL' } });
    expect(run([], 0.1)).toEqual({ lane: 'GREEN', criteriaLane: 'GREEN', scoreLane: 'GREEN', dataQualityLane: 'GREEN', controlSample: false, selectionBasis: { reasons: [], decidedBy: null } });
  });

  it('sends a critical-fraud score at its cut-off to RED', () => {
    const t = { ...thresholds, criticalRed: 0.3, criticalRedTopShare: 0.01 };
    expect(run([], 0.1, draws(false, false), 0.1, 0.31, t)).toMatchObject({ lane: 'RED', scoreLane: 'RED', selectionBasis: { decidedBy: 'MODEL' } });
    expect(run([], 0.1, draws(false, false), 0.1, 0.29, t).lane).toBe('GREEN');
  });

  it('sends a drawn otherwise-GREEN declaration to YELLOW as control, and records the draw on a selected one without deciding', () => {
    expect(run([], 0.1, draws(true, false))).toEqual({
      lane: 'YELLOW', criteriaLane: 'GREEN', scoreLane: 'GREEN', dataQualityLane: 'GREEN', controlSample: true, selectionBasis: { reasons: ['CONTROL'], decidedBy: 'CONTROL' },
    });
    expect(run(['RED'], 0.1, draws(true, false))).toMatchObject({ lane: 'RED', controlSample: false, selectionBasis: { reasons: ['CRITERION', 'CONTROL'], decidedBy: 'CRITERION' } });
    expect(run([], 0.1, { control: 0.1, exploration: 0.9 }).controlSample).toBe(false);
    expect(run([], 0.1, { control: 0, exploration: 0.9 }, 0).lane).toBe('GREEN');
  });

  it('draws exploration only in the band [floor, yellow), with its own draw; control decides when both draw', () => {
    expect(run([], 0.4, draws(false, true))).toEqual({
      lane: 'YELLOW', criteriaLane: 'GREEN', scoreLane: 'GREEN', dataQualityLane: 'GREEN', controlSample: false, selectionBasis: { reasons: ['EXPLORATION'], decidedBy: 'EXPLORATION' },
    });
    expect(run([], 0.33, draws(false, true)).selectionBasis.decidedBy).toBe('EXPLORATION');
    expect(run([], 0.3299, draws(false, true))).toMatchObject({ lane: 'GREEN', selectionBasis: { reasons: [], decidedBy: null } });
    expect(run([], 0.6, draws(false, true)).selectionBasis).toEqual({ reasons: ['MODEL'], decidedBy: 'MODEL' });
    expect(run([], 0.4, draws(false, false)).lane).toBe('GREEN');
    expect(run([], 0.4, draws(true, true)).selectionBasis).toEqual({ reasons: ['CONTROL', 'EXPLORATION'], decidedBy: 'CONTROL' });
  });

  it('explores nothing without a band (decisions recorded before risk policies) or with a share of 0', () => {
    const legacy: PolicyThresholds = { red: 0.9, yellow: 0.6, redTopShare: 0.02, yellowTopShare: 0.1 };
    expect(run([], 0.4, draws(false, true), 0.1, null, legacy).lane).toBe('GREEN');
    const closed: PolicyThresholds = { ...thresholds, exploration: { ...thresholds.exploration!, share: 0 } };
    expect(run([], 0.4, draws(false, true), 0.1, null, closed).lane).toBe('GREEN');
  });
});
