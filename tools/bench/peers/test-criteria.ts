import { ConditionNode, SelectivityCriterion } from '@customs/selectivity';

/** A valid ACTIVE criterion for the translator specs: CENTRAL unless `officeId` is given, valid over 2021. */
export function testCriterion(id: string, conditions: ConditionNode, officeId: string | null = null, overrides: Partial<SelectivityCriterion> = {}): SelectivityCriterion {
  return {
    id,
    version: 1,
    scope: officeId === null ? 'CENTRAL' : 'LOCAL',
    officeId,
    lane: 'RED',
    riskArea: 'SMUGGLING_WEAPONS',
    reason: 'test',
    pointsOfInterest: 'test',
    keywords: ['a', 'b', 'c'],
    validFrom: '2021-01-01',
    validTo: '2021-12-31',
    status: 'ACTIVE',
    conditions: 'all' in conditions || 'any' in conditions || 'not' in conditions ? conditions : { all: [conditions] },
    ...overrides,
  } as SelectivityCriterion;
}
