import type { XrayItem, XrayQueue } from './xray.types';

/** An X-ray queue item as the API answers it (a waybill of the demo manifest), with `over` applied. */
export function xrayItemMock(over: Partial<XrayItem> = {}): XrayItem {
  const waybillNumber = over.waybillNumber ?? 'HX4420346262';
  return {
    waybillNumber,
    manifestId: 'KE0852-20261201-40',
    transportMode: 'AIR',
    voyage: 'KE0852',
    arrivalAt: '2026-12-01T06:30:00Z',
    centreId: '40',
    waybill: {
      waybillNumber,
      courierId: 'EXKR01',
      shipperName: 'SHOP LUMEN LONDON',
      shipperCountry: 'GB',
      consigneeName: 'SEO EUNJI',
      consigneeId: 'P211304269603',
      consigneeAddress: '118-dong 1903-ho, 327, Pangyo-ro, Suseong-gu, Daegu 11562',
      goodsDescription: 'BLUETOOTH EARPHONES',
      quantity: 4,
      grossWeightKg: 1.82,
      declaredValueUsd: 40.75,
      originCountry: 'GB',
    },
    outcome: 'RELEASE',
    lane: 'GREEN',
    reasons: [],
    summary: `Waybill ${waybillNumber} was left to the X-ray interpreter (no criterion fired).`,
    firedCriteria: [],
    riskScore: null,
    interpretation: null,
    caseId: null,
    ...over,
  };
}

/** Items `WB1`..`WBn` (or from `first`), all RELEASE. */
export function xrayItemsMock(n: number, first = 1): XrayItem[] {
  return Array.from({ length: n }, (_, i) => xrayItemMock({ waybillNumber: `WB${first + i}` }));
}

/** A `GET /api/express/xray-queue` answer. */
export function xrayQueueMock(items: XrayItem[], over: Partial<XrayQueue> = {}): XrayQueue {
  return { centreId: '40', state: 'PENDING', pending: 100, held: 0, items, ...over };
}
