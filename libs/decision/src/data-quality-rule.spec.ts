import { sampleDeclaration } from '@customs/domain/testing';
import type { DataQualityFinding } from '@customs/domain';
import { dataQualityLane, dataQualityMinLane, DEFAULT_DATA_QUALITY_RULE, parseOfficeMinLanes } from './data-quality-rule';
import { decide, type DecisionInput } from './decision-record';
import { drawsFor } from './draws';
import { decideLane } from './lane-decision';
import type { PolicyThresholds } from './office-policy';
import { redecide } from './policy-preview';

const thresholds: PolicyThresholds = { red: 0.9, yellow: 0.6, redTopShare: 0.02, yellowTopShare: 0.1 };
const fus6: DataQualityFinding[] = [{ field: 'taxType', value: 'FUS6', finding: 'UNKNOWN_CODE' }];
const undrawn = Array.from({ length: 100 }, (_, i) => String(50_000_000 + i)).find((id) => drawsFor(id, 's').control >= 0.01)!;
const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  declaration: sampleDeclaration({ declarationId: undrawn, taxType: 'FUS6' }),
  firedCriteria: [],
  champion: { name: 'm', version: '2', score: 0.2, criticalScore: null, inputs: [] },
  shadow: [],
  policy: { thresholds, control: { share: 0.01, seed: 's' } },
  criteriaSet: 'f'.repeat(64),
  decidedAt: '2026-12-05T00:00:00.000Z',
  ...over,
});

describe('the data-quality rule', () => {
  it('asks for its minimum lane only when there is a finding', () => {
    expect(dataQualityLane(fus6, 'YELLOW')).toBe('YELLOW');
    expect(dataQualityLane([], 'RED')).toBe('GREEN');
    expect(dataQualityLane(undefined, undefined)).toBe('GREEN');
    expect(dataQualityLane(fus6, undefined)).toBe('GREEN');
  });

  it('takes the office override, else the rule-wide lane', () => {
    const rule = { minLane: 'YELLOW' as const, officeMinLanes: parseOfficeMinLanes(' 101:RED, 40:GREEN ') };
    expect(dataQualityMinLane(rule, '101')).toBe('RED');
    expect(dataQualityMinLane(rule, '40')).toBe('GREEN');
    expect(dataQualityMinLane(rule, '30')).toBe('YELLOW');
    expect(dataQualityMinLane(rule, 'constructor')).toBe('YELLOW');
    expect(dataQualityMinLane(DEFAULT_DATA_QUALITY_RULE, '101')).toBe('YELLOW');
  });

  it('refuses malformed overrides, naming the entry', () => {
    expect(parseOfficeMinLanes('')).toEqual({});
    expect(() => parseOfficeMinLanes('101=RED')).toThrow('"101=RED" is not <office>:<GREEN|YELLOW|RED>');
    expect(() => parseOfficeMinLanes('101:BLUE')).toThrow('"101:BLUE"');
    expect(() => parseOfficeMinLanes('101:RED,101:GREEN')).toThrow('office 101 is given twice');
  });

  it('decides the lane of an otherwise-GREEN declaration, after criteria and model, ahead of control', () => {
    const base = { firedCriteria: [], scores: { score: 0.2, criticalScore: null }, policy: { thresholds, controlShare: 0.1 }, draws: { control: 0.05, exploration: 0.9 } };
    expect(decideLane({ ...base, dataQualityLane: 'YELLOW' })).toMatchObject({
      lane: 'YELLOW', dataQualityLane: 'YELLOW', controlSample: false, selectionBasis: { reasons: ['DATA_QUALITY', 'CONTROL'], decidedBy: 'DATA_QUALITY' },
    });
    expect(decideLane({ ...base, firedCriteria: [{ lane: 'YELLOW' }], dataQualityLane: 'YELLOW' }).selectionBasis.decidedBy).toBe('CRITERION');
    expect(decideLane({ ...base, scores: { score: 0.95, criticalScore: null }, dataQualityLane: 'YELLOW' })).toMatchObject({ lane: 'RED', selectionBasis: { decidedBy: 'MODEL' } });
    expect(decideLane({ ...base, firedCriteria: [{ lane: 'YELLOW' }], dataQualityLane: 'RED' })).toMatchObject({ lane: 'RED', selectionBasis: { decidedBy: 'DATA_QUALITY' } });
    expect(decideLane({ ...base, dataQualityLane: 'GREEN' }).selectionBasis.decidedBy).toBe('CONTROL');
  });

  it('records the findings and the minimum lane, says why in the summary, and a redecide from the record agrees', () => {
    const r = decide(input({ dataQuality: { findings: fus6, minLane: 'YELLOW', lists: 'office@1,tax-type@1' } }));
    expect(r).toMatchObject({ lane: 'YELLOW', dataQuality: fus6, dataQualityMinLane: 'YELLOW', dataQualityLists: 'office@1,tax-type@1', selectionBasis: { reasons: ['DATA_QUALITY'], decidedBy: 'DATA_QUALITY' } });
    expect(r.summary).toContain('the data-quality rule asks for at least YELLOW because taxType FUS6 is not in the reference lists');
    expect(redecide(r, { thresholds, controlShare: 0.01 }).lane).toBe('YELLOW');
    // without the recorded findings the same scores would clear it: the record carries what replay needs
    expect(redecide({ ...r, dataQuality: undefined }, { thresholds, controlShare: 0.01 }).lane).toBe('GREEN');
  });

  it('records nothing and asks for nothing without findings; with the rule off (GREEN) it records the finding only', () => {
    const clean = decide(input({ dataQuality: { findings: [], minLane: 'YELLOW', lists: 'tax-type@1' } }));
    expect(clean.lane).toBe('GREEN');
    expect('dataQuality' in clean || 'dataQualityLists' in clean).toBe(false);
    const off = decide(input({ dataQuality: { findings: fus6, minLane: 'GREEN' } }));
    expect(off).toMatchObject({ lane: 'GREEN', dataQuality: fus6, dataQualityMinLane: 'GREEN', selectionBasis: { reasons: [], decidedBy: null } });
  });
});
