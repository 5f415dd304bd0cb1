import { sampleDeclaration } from '@customs/domain/testing';
import type { FiredCriterion } from '@customs/selectivity';
import { decide, summarise, type DecisionInput } from './decision-record';
import { drawsFor } from './draws';
import type { PolicyThresholds } from './office-policy';

const thresholds: PolicyThresholds = { red: 0.9, yellow: 0.6, redTopShare: 0.02, yellowTopShare: 0.1, criticalRed: 0.3, criticalRedTopShare: 0.01 };
const weapons: FiredCriterion = {
  id: 'CEN-WPN-001', version: 2, scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'SMUGGLING_WEAPONS', reason: 'pistols',
  conditions: [{ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['93'], actual: '930200', result: true }] as FiredCriterion['conditions'],
};
/** A declaration id whose control draw (seed 's') lies above `share`: never drawn for control. */
const undrawn = (share: number) => Array.from({ length: 100 }, (_, i) => String(50_000_000 + i)).find((id) => drawsFor(id, 's').control >= share)!;

const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  declaration: sampleDeclaration({ declarationId: undrawn(0.01) }),
  firedCriteria: [],
  champion: { name: 'kcs-fraud-gbdt', version: '2.0.0', score: 0.2, criticalScore: 0.01, inputs: Float32Array.from([1.5, 2]) },
  shadow: [{ name: 'kcs-fraud-gbdt', version: '1.0.0', score: 0.7, criticalScore: null, thresholds: { red: 0.8, yellow: 0.5, redTopShare: 0.02, yellowTopShare: 0.1 } }],
  policy: { thresholds, control: { share: 0.01, seed: 's' } },
  criteriaSet: 'f'.repeat(64),
  decidedAt: '2026-12-05T00:00:00.000Z',
  ...over,
});

describe('decide', () => {
  it('records a GREEN decision with its basis, the shadow lane, the feature vector and a summary', () => {
    const r = decide(input());
    expect(r).toMatchObject({
      declarationId: r.declaration.declarationId,
      lane: 'GREEN',
      criteriaLane: 'GREEN',
      model: { name: 'kcs-fraud-gbdt', version: '2.0.0', score: 0.2, criticalScore: 0.01, lane: 'GREEN', thresholds, inputs: [1.5, 2] },
      shadow: [{ version: '1.0.0', score: 0.7, lane: 'YELLOW', criticalScore: null }],
      controlSample: false,
      control: { share: 0.01, seed: 's' },
      selectionBasis: { reasons: [], decidedBy: null },
      criteriaSet: 'f'.repeat(64),
    });
    expect(r.summary).toBe(`Declaration ${r.declarationId} was cleared automatically (GREEN): no selectivity criterion fired; model kcs-fraud-gbdt 2.0.0 scored 0.200, below the YELLOW threshold 0.600.`);
  });

  it('takes the criterion lane and names the criterion and the critical-fraud cut-off in the summary', () => {
    const r = decide(input({ firedCriteria: [weapons], champion: { name: 'm', version: '2', score: 0.1, criticalScore: 0.35, inputs: [] } }));
    expect(r).toMatchObject({ lane: 'RED', criteriaLane: 'RED', model: { lane: 'RED' }, selectionBasis: { reasons: ['CRITERION', 'MODEL'], decidedBy: 'CRITERION' } });
    expect(r.summary).toContain('criterion CEN-WPN-001 v2 (RED) fired; model m 2 scored critical fraud (public safety) 0.350, at or above its RED threshold 0.300');
  });

  it('draws the control sample from the declaration id and the recorded seed', () => {
    const drawn = Array.from({ length: 2000 }, (_, i) => String(60_000_000 + i)).find((id) => drawsFor(id, 's').control < 0.01)!;
    const r = decide(input({ declaration: sampleDeclaration({ declarationId: drawn }) }));
    expect(r).toMatchObject({ lane: 'YELLOW', controlSample: true, selectionBasis: { decidedBy: 'CONTROL' } });
    expect(r.summary).toMatch(/sent to document review \(YELLOW\): .*; it was drawn at random for the control sample\.$/);
  });
});

describe('summarise', () => {
  it('says the model asked for YELLOW when its score reached the cut-off', () => {
    const { summary, ...body } = decide(input({ champion: { name: 'm', version: '2', score: 0.65, criticalScore: null, inputs: [] } }));
    expect(summarise(body)).toBe(summary);
    expect(summary).toContain('model m 2 scored 0.650, at or above the YELLOW threshold 0.600');
  });
});
