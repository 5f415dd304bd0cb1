import type { FiredCriterion } from '@customs/selectivity';
import { drawsFor } from './draws';
import type { PolicyThresholds } from './office-policy';
import { previewPolicy, redecide } from './policy-preview';

const base: PolicyThresholds = { red: 0.9, yellow: 0.6, redTopShare: 0.02, yellowTopShare: 0.1 };
const SEED = 's';
/** A declaration id never drawn for control at share 0.01 (seed 's'). */
const ids = Array.from({ length: 400 }, (_, i) => String(70_000_000 + i)).filter((id) => drawsFor(id, SEED).control >= 0.01);
const record = (declarationId: string, score: number, fired: Array<Pick<FiredCriterion, 'lane'>> = []) => ({
  declarationId,
  firedCriteria: fired as FiredCriterion[],
  model: { name: 'm', version: '2', score, criticalScore: null, thresholds: base, lane: 'GREEN' as const },
  control: { share: 0.01, seed: SEED },
});

describe('policy preview', () => {
  it('re-decides a recorded declaration under another policy with its recorded draws', () => {
    expect(redecide(record(ids[0], 0.7), { thresholds: base, controlShare: 0.01 }).lane).toBe('YELLOW');
    expect(redecide(record(ids[0], 0.7), { thresholds: { ...base, yellow: 0.75 }, controlShare: 0.01 }).lane).toBe('GREEN');
    expect(redecide(record(ids[0], 0.1, [{ lane: 'RED' }]), { thresholds: { ...base, yellow: 0.75 }, controlShare: 0.01 })).toMatchObject({ lane: 'RED', selectionBasis: { decidedBy: 'CRITERION' } });
  });

  it('counts lanes and deciding bases under both policies and the moves between them', () => {
    const records = [record(ids[0], 0.95), record(ids[1], 0.7), record(ids[2], 0.65), record(ids[3], 0.1), record(ids[4], 0.1, [{ lane: 'YELLOW' }])];
    const p = previewPolicy(records, { thresholds: base, controlShare: 0.01 }, { thresholds: { ...base, red: 0.68, yellow: 0.66 }, controlShare: 0.01 });
    expect(p.decisions).toBe(5);
    expect(p.current.lanes).toEqual({ GREEN: 1, YELLOW: 3, RED: 1 });
    expect(p.proposed.lanes).toEqual({ GREEN: 2, YELLOW: 1, RED: 2 });
    expect(p.current.decidedBy).toEqual({ CRITERION: 1, MODEL: 3, DATA_QUALITY: 0, CONTROL: 0, EXPLORATION: 0, NONE: 1 });
    expect(p.proposed.decidedBy).toEqual({ CRITERION: 1, MODEL: 2, DATA_QUALITY: 0, CONTROL: 0, EXPLORATION: 0, NONE: 2 });
    expect(p.changed).toBe(2);
    expect(p.moves).toEqual({ 'YELLOW->RED': 1, 'YELLOW->GREEN': 1 });
  });
});
