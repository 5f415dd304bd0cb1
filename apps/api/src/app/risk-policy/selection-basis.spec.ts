import { inControlSample } from '../screening/lane-policy';
import type { PolicyThresholds } from './derive-thresholds';
import { explorationSeed, selectLane } from './selection-basis';

const thresholds: PolicyThresholds = {
  red: 0.9,
  yellow: 0.6,
  redTopShare: 0.02,
  yellowTopShare: 0.1,
  exploration: { share: 0.05, floor: 0.33, floorTopShare: 0.2, drawProbability: 0.5 },
};
const SEED = 'seed';
const ids = Array.from({ length: 4000 }, (_, i) => String(20_000_000 + i));
/** Ids drawn (or not) by the control and exploration draws, found with the same hash the policy uses. */
const pick = (control: boolean, exploration: boolean, share: number) =>
  ids.find((id) => inControlSample(id, SEED, share) === control && inControlSample(id, explorationSeed(SEED), 0.5) === exploration)!;

describe('selectLane', () => {
  const run = (declarationId: string, criteriaLane: 'GREEN' | 'YELLOW' | 'RED', score: number, controlShare = 0.1) =>
    selectLane({ declarationId, criteriaLane, score, thresholds, control: { share: controlShare, seed: SEED } });

  it('records the criterion as decider ahead of the model, and both as reasons', () => {
    const id = pick(false, false, 0.1);
    expect(run(id, 'RED', 0.95)).toEqual({ lane: 'RED', scoreLane: 'RED', controlSample: false, selectionBasis: { reasons: ['CRITERION', 'MODEL'], decidedBy: 'CRITERION' } });
    expect(run(id, 'YELLOW', 0.95).selectionBasis).toEqual({ reasons: ['CRITERION', 'MODEL'], decidedBy: 'MODEL' });
    expect(run(id, 'GREEN', 0.7)).toMatchObject({ lane: 'YELLOW', selectionBasis: { reasons: ['MODEL'], decidedBy: 'MODEL' } });
  });

  it('sends a drawn otherwise-GREEN declaration to YELLOW as control, and records the draw on a selected one without deciding', () => {
    const id = pick(true, false, 0.1);
    expect(run(id, 'GREEN', 0.1)).toEqual({ lane: 'YELLOW', scoreLane: 'GREEN', controlSample: true, selectionBasis: { reasons: ['CONTROL'], decidedBy: 'CONTROL' } });
    expect(run(id, 'RED', 0.1)).toMatchObject({ lane: 'RED', controlSample: false, selectionBasis: { reasons: ['CRITERION', 'CONTROL'], decidedBy: 'CRITERION' } });
  });

  it('draws exploration only in the band [floor, yellow), with its own draw; control decides when both draw', () => {
    const drawn = pick(false, true, 0.1);
    expect(run(drawn, 'GREEN', 0.4)).toEqual({ lane: 'YELLOW', scoreLane: 'GREEN', controlSample: false, selectionBasis: { reasons: ['EXPLORATION'], decidedBy: 'EXPLORATION' } });
    expect(run(drawn, 'GREEN', 0.33).selectionBasis.decidedBy).toBe('EXPLORATION');
    expect(run(drawn, 'GREEN', 0.3299)).toMatchObject({ lane: 'GREEN', selectionBasis: { reasons: [], decidedBy: null } });
    expect(run(drawn, 'GREEN', 0.6).selectionBasis).toEqual({ reasons: ['MODEL'], decidedBy: 'MODEL' });
    expect(run(pick(false, false, 0.1), 'GREEN', 0.4).lane).toBe('GREEN');
    expect(run(pick(true, true, 0.1), 'GREEN', 0.4).selectionBasis).toEqual({ reasons: ['CONTROL', 'EXPLORATION'], decidedBy: 'CONTROL' });
  });

  it('selects about the configured shares, and nothing extra without a band (decisions recorded before risk policies)', () => {
    const inBand = ids.filter((id) => run(id, 'GREEN', 0.4, 0).selectionBasis.decidedBy === 'EXPLORATION').length / ids.length;
    expect(inBand).toBeGreaterThan(0.45);
    expect(inBand).toBeLessThan(0.55);
    const legacy: PolicyThresholds = { red: 0.9, yellow: 0.6, redTopShare: 0.02, yellowTopShare: 0.1 };
    const id = pick(false, true, 0.1);
    expect(selectLane({ declarationId: id, criteriaLane: 'GREEN', score: 0.4, thresholds: legacy, control: { share: 0.1, seed: SEED } }).lane).toBe('GREEN');
  });
});
