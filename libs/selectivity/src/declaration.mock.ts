import { Declaration } from '@customs/domain';
import { SelectivityCriterion } from './criterion';

/** A plausible declaration for tests; override any field. */
export function mockDeclaration(over: Partial<Declaration> = {}): Declaration {
  return {
    declarationId: '97061800',
    date: '2020-06-15',
    officeId: '40',
    processType: 'B',
    importType: '11',
    importUse: '21',
    paymentType: '11',
    transportMode: '10',
    declarantId: 'ZZR1LT6',
    importerId: 'QLRUBN9',
    sellerId: '0VKY2BR',
    courierId: null,
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
  };
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
