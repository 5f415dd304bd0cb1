import type { ExpressManifest, ExpressWaybill } from './express-manifest';

/** A valid house waybill (fresh object each call); `overrides` replace fields. */
export function sampleWaybill(overrides: Partial<ExpressWaybill> = {}): ExpressWaybill {
  return {
    waybillNumber: 'EX1234567890KR',
    courierId: 'CR01',
    shipperName: 'SHENZHEN LUMEN TRADING CO LTD',
    shipperCountry: 'CN',
    consigneeName: 'KIM MINJI',
    consigneeId: 'P123456789012',
    consigneeAddress: '12, Teheran-ro 7-gil, Gangnam-gu, Seoul 06133',
    goodsDescription: 'COTTON T-SHIRT',
    quantity: 2,
    grossWeightKg: 0.6,
    declaredValueUsd: 24.5,
    originCountry: 'CN',
    ...overrides,
  };
}

/** A valid express manifest of `n` waybills (numbers EX00000001..), fresh each call. */
export function sampleExpressManifest(n = 2): ExpressManifest {
  return {
    manifestId: 'KE0852-20261201-040',
    transportMode: 'AIR',
    voyage: 'KE0852',
    arrivalAt: '2026-12-01T06:30:00Z',
    logisticsCentreId: '40',
    waybills: Array.from({ length: n }, (_, i) => sampleWaybill({ waybillNumber: `EX${String(i + 1).padStart(8, '0')}` })),
  };
}
