import { sampleDeclaration } from '@customs/domain/testing';
import type { Declaration } from '@customs/domain';
import type { SelectivityCriterion } from '../criterion';

/**
 * A plausible declaration for tests (the domain's `sampleDeclaration` with plastics goods
 * at office 40 in mid-2020); override any field.
 */
export function mockDeclaration(over: Partial<Declaration> = {}): Declaration {
  return sampleDeclaration({
    date: '2020-06-15',
    officeId: '40',
    hsCode: '392690',
    departureCountry: 'CN',
    originCountry: 'CN',
    taxRate: 8,
    taxType: 'A',
    originIndicator: 'Y',
    netMassKg: 100,
    itemPriceKrw: 1_000_000,
    goodsDescription: 'Plastics; other articles n.e.c. in heading no. 3926',
    ...over,
  });
}

/** A valid ACTIVE central criterion for tests; override any field. */
export function mockCriterion(over: Partial<SelectivityCriterion> = {}): SelectivityCriterion {
  return {
    id: 'CEN-WPN-001',
    version: 1,
    scope: 'CENTRAL',
    officeId: null,
    lane: 'RED',
    riskArea: 'SMUGGLING_WEAPONS',
    reason: 'Firearms imported under chapter 93',
    pointsOfInterest: 'Check serial numbers and import licence',
    keywords: ['weapons', 'firearms', 'pistol'],
    validFrom: '2020-01-01',
    validTo: '2099-12-31',
    status: 'ACTIVE',
    conditions: { all: [{ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'] }] },
    ...over,
  };
}
