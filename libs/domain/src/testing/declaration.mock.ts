import type { Declaration } from '../declaration';

/**
 * A valid declaration (the first row of the KCS train file, labels dropped) for tests,
 * with optional overrides. Units: `taxRate` %, `netMassKg` kg, `itemPriceKrw` KRW.
 */
export function sampleDeclaration(overrides: Partial<Declaration> = {}): Declaration {
  return {
    declarationId: '97061800',
    date: '2020-01-01',
    officeId: '30',
    processType: 'B',
    importType: '11',
    importUse: '21',
    paymentType: '11',
    transportMode: '10',
    declarantId: 'ZZR1LT6',
    importerId: 'QLRUBN9',
    sellerId: '0VKY2BR',
    courierId: null,
    hsCode: '440890',
    departureCountry: 'BE',
    originCountry: 'BE',
    taxRate: 0,
    taxType: 'FEU1',
    originIndicator: 'G',
    netMassKg: 108,
    itemPriceKrw: 372254.4,
    ...overrides,
  };
}
