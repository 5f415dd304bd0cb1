import { performance } from 'node:perf_hooks';
import { SelectivityEngine, waybillFacts, type SelectivityCriterion } from '@customs/selectivity';
import { generateExpressManifest } from '../synthetic/express-generator';

/** What the express-manifest stage measured. */
export interface ExpressStageFigures {
  waybills: number;
  criteria: number;
  /** Milliseconds for the whole manifest: the waybills' facts (split-shipment tallies included) and the criteria, best of `runs`. */
  ms: number;
  waybillsPerSec: number;
  selected: number;
}

const base = {
  version: 1,
  scope: 'CENTRAL' as const,
  officeId: null,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  status: 'ACTIVE' as const,
  targetDocument: 'EXPRESS_MANIFEST' as const,
  pointsOfInterest: 'Open the parcel at the X-ray station',
};

/** The three express patterns KCS names, as criteria (the synthetic generator plants each). */
export const EXPRESS_BENCH_CRITERIA: SelectivityCriterion[] = [
  {
    ...base, id: 'CEN-EXP-001', lane: 'YELLOW', riskArea: 'TAX_EVASION', reason: 'Split shipments under the USD 150 duty-free threshold', keywords: ['split', 'shipment', 'de minimis'],
    conditions: { all: [
      { fact: 'consigneeKind', operator: 'equal', value: 'PERSONAL' },
      { fact: 'declaredValueUsd', operator: 'lessThan', value: 150 },
      { fact: 'addressWaybillsInManifest', operator: 'greaterThanInclusive', value: 2 },
      { fact: 'addressValueInManifestUsd', operator: 'greaterThan', value: 150 },
    ] },
  },
  {
    ...base, id: 'CEN-EXP-002', lane: 'YELLOW', riskArea: 'UNFAIR_TRADE', reason: 'Luxury brands at implausible values: counterfeits', keywords: ['counterfeit', 'brand', 'luxury'],
    conditions: { all: [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['vuitton', 'rolex', 'chanel', 'gucci', 'hermes', 'prada', 'cartier', 'burberry', 'jordan', 'dior', 'airpods', 'omega'] },
      { fact: 'declaredValueUsd', operator: 'lessThan', value: 60 },
    ] },
  },
  {
    ...base, id: 'CEN-EXP-003', lane: 'RED', riskArea: 'SMUGGLING_DRUGS', reason: 'Cover goods of drug seizures, heavy and nearly worthless', keywords: ['drugs', 'concealment', 'cover goods'],
    conditions: { all: [
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['powder', 'tea', 'candle', 'coffee', 'salt', 'capsules'] },
      { fact: 'valuePerKgUsd', operator: 'lessThan', value: 6 },
    ] },
  },
];

/**
 * The express-manifest stage of `npm run bench`: a synthetic manifest of `waybills` house
 * waybills (tools/synthetic, seed 7) screened by the selectivity engine with the three express
 * criteria: every waybill's facts derived from the manifest, then evaluated. Library only (no
 * HTTP, no database): the criteria and facts part of the express stream.
 */
export function measureExpressStage(waybills = 10_000, runs = 5): ExpressStageFigures {
  const { manifest } = generateExpressManifest(7, { waybills, arrivalAt: '2026-12-01T06:30:00Z', logisticsCentreId: '40' });
  const engine = SelectivityEngine.compile(EXPRESS_BENCH_CRITERIA);
  let best = Infinity;
  let selected = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    selected = 0;
    for (const facts of waybillFacts(manifest)) {
      if (engine.evaluateFacts('EXPRESS_MANIFEST', facts, facts.arrivalDate as string, manifest.logisticsCentreId).fired.length > 0) selected += 1;
    }
    best = Math.min(best, performance.now() - start);
  }
  return { waybills, criteria: EXPRESS_BENCH_CRITERIA.length, ms: Math.round(best * 10) / 10, waybillsPerSec: Math.round((waybills / best) * 1000), selected };
}
