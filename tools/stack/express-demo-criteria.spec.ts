import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpressManifest } from '@customs/domain';
import { SelectivityEngine, validateCriterion, waybillFacts } from '@customs/selectivity';
import { EXPRESS_DEMO_CRITERIA } from './express-demo-criteria';

const SAMPLE = join(__dirname, '../../e2e/fixtures/express-manifest-sample.json');

describe('express demo criteria', () => {
  const criteria = EXPRESS_DEMO_CRITERIA.map((c) => validateCriterion({ ...c, version: 1 }));
  const { manifest, planted } = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { manifest: ExpressManifest; planted: Array<{ waybillNumber: string; pattern: string }> };

  it('are valid central express criteria, in force on the sample manifest\u2019s arrival', () => {
    const date = manifest.arrivalAt.slice(0, 10);
    for (const c of criteria) {
      expect(c).toMatchObject({ scope: 'CENTRAL', targetDocument: 'EXPRESS_MANIFEST', status: 'ACTIVE' });
      expect(c.validFrom <= date && date <= c.validTo).toBe(true);
    }
    expect(criteria.map((c) => [c.id, c.lane])).toEqual([['CEN-EXP-101', 'RED'], ['CEN-EXP-102', 'YELLOW'], ['CEN-EXP-103', 'YELLOW']]);
  });

  it('select the sample\u2019s planted patterns: every counterfeit brand RED, split shipments and cover goods flagged', () => {
    const engine = SelectivityEngine.compile(criteria);
    const facts = waybillFacts(manifest);
    const fired = new Map(manifest.waybills.map((w, i) => [
      w.waybillNumber,
      engine.evaluateFacts('EXPRESS_MANIFEST', facts[i], manifest.arrivalAt.slice(0, 10), manifest.logisticsCentreId).fired.map((f) => f.id),
    ]));
    const of = (pattern: string) => planted.filter((p) => p.pattern === pattern).map((p) => fired.get(p.waybillNumber)!);
    expect(of('counterfeit-brand').every((ids) => ids.includes('CEN-EXP-101'))).toBe(true);
    expect(of('split-shipment').filter((ids) => ids.includes('CEN-EXP-102')).length).toBeGreaterThanOrEqual(of('split-shipment').length / 2);
    expect(of('drug-concealment').every((ids) => ids.includes('CEN-EXP-103'))).toBe(true);
    // Most parcels are left to the interpreter without a flag.
    const flagged = [...fired.values()].filter((ids) => ids.length > 0).length;
    expect(flagged / manifest.waybills.length).toBeLessThan(0.15);
  });
});
