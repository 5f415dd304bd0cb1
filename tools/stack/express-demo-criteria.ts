import type { CriterionBody } from '../criteria/approved-criteria';

/**
 * The express criteria of the demo load (`npm start`): central, for the synthetic sample manifest
 * (`e2e/fixtures/express-manifest-sample.json`, arriving 2026-12-01 at logistics centre 40) and
 * any other express manifest arriving in their validity window. Written without `version`, as
 * `POST /api/criteria` takes them.
 */
const base = {
  scope: 'CENTRAL',
  officeId: null,
  targetDocument: 'EXPRESS_MANIFEST',
  status: 'ACTIVE',
  validFrom: '2026-11-01',
  validTo: '2026-12-31',
};

/** Counterfeit brands (RED: intrusive inspection), split shipments and cover goods (YELLOW: flagged for the X-ray interpreter). */
export const EXPRESS_DEMO_CRITERIA: readonly CriterionBody[] = [
  {
    ...base, id: 'CEN-EXP-101', lane: 'RED', riskArea: 'UNFAIR_TRADE',
    reason: 'Counterfeit luxury and sports brands in express parcels at a fraction of the genuine price',
    pointsOfInterest: 'Open the parcel: labels, stitching, packaging, serial numbers',
    keywords: ['counterfeit', 'brand', 'express'],
    conditions: { all: [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['VUITTON', 'ROLEX', 'CHANEL', 'GUCCI', 'HERMES', 'PRADA', 'CARTIER', 'BURBERRY', 'JORDAN', 'NIKE', 'DIOR', 'AIRPODS', 'OMEGA'] },
      { fact: 'declaredValueUsd', operator: 'lessThan', value: 60 },
    ] },
  },
  {
    ...base, id: 'CEN-EXP-102', lane: 'YELLOW', riskArea: 'TAX_EVASION',
    reason: 'Split shipment: parcels to one address, each under the USD 150 duty-free threshold, together above it',
    pointsOfInterest: 'Compare the image with the declared goods of the other parcels to the address',
    keywords: ['split', 'duty-free', 'express'],
    conditions: { all: [
      { fact: 'consigneeKind', operator: 'equal', value: 'PERSONAL' },
      { fact: 'declaredValueUsd', operator: 'lessThan', value: 150 },
      { fact: 'addressWaybillsInManifest', operator: 'greaterThanInclusive', value: 2 },
      { fact: 'addressValueInManifestUsd', operator: 'greaterThan', value: 150 },
    ] },
  },
  {
    ...base, id: 'CEN-EXP-103', lane: 'YELLOW', riskArea: 'SMUGGLING_DRUGS',
    reason: 'Cover goods of drug seizures (powder, tea, candles, coffee, salt), heavy and nearly worthless',
    pointsOfInterest: 'Look for dense organic mass or hidden layers in the image',
    keywords: ['drugs', 'concealment', 'cover goods'],
    conditions: { all: [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['POWDER', 'TEA', 'CANDLE', 'COFFEE', 'SALT', 'CAPSULES'] },
      { fact: 'valuePerKgUsd', operator: 'lessThan', value: 6 },
    ] },
  },
];
