import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FEATURE_SPEC_FILE, MODELS_DIR, type FeatureSpec } from '@customs/risk-model';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';
import { parseSamples } from '../../services/metrics/exposition';
import type { ModelRegistryService } from '../models/model-registry.service';
import type { DriftRepository, ScreenedForDrift } from './drift.repository';
import { DriftService } from './drift.service';

const spec = JSON.parse(readFileSync(path.join(MODELS_DIR, '2.0.0', FEATURE_SPEC_FILE), 'utf8')) as FeatureSpec;

/** A repository over fixed rows: the latest date and the rows of a period, counting its calls. */
function fakeRepository(rows: ScreenedForDrift[]) {
  const calls = { latest: 0, screened: [] as Array<[string, string]> };
  const repo = {
    async latestDate() {
      calls.latest++;
      return rows.length ? rows.map((r) => r.date).sort().at(-1)! : null;
    },
    async screened(_n: string, _v: string, from: string, to: string) {
      calls.screened.push([from, to]);
      return rows.filter((r) => r.date >= from && r.date <= to);
    },
  };
  return { repo: repo as unknown as DriftRepository, calls };
}

const registry = { champion: () => ({ name: 'kcs-fraud-gbdt', version: '2.0.0', spec }) } as unknown as ModelRegistryService;
const row = (date: string, score: number): ScreenedForDrift => ({ date, score, modelLane: 'GREEN', inputs: null, criteria: [], outcome: null });

describe('DriftService', () => {
  it('serves the default report from the latest week, cached, and its latest week as gauges', async () => {
    const rows = [...Array.from({ length: 5 }, () => row('2021-01-05', 0.1)), ...Array.from({ length: 120 }, (_, i) => row('2021-01-12', i % 2 ? 0.95 : 0.9))];
    const { repo, calls } = fakeRepository(rows);
    const metrics = new CustomsMetrics();
    const service = new DriftService(repo, registry, metrics);
    service.onModuleInit();
    try {
      const report = await service.report({ weeks: 2 });
      expect(report.period).toMatchObject({ firstWeek: '2021-W01', lastWeek: '2021-W02' });
      expect(report.weeks.map((w) => w.n)).toEqual([5, 120]);
      expect(report.featureReference).toMatchObject({ kind: 'train' });
      await service.report({ weeks: 2 });
      expect(calls.screened).toHaveLength(1); // cached
      await service.report({ weeks: 2 }, true);
      expect(calls.screened).toHaveLength(2);

      // the gauges read the default report (8 weeks): computed once at the first scrape, then cached
      const samples = parseSamples(await metrics.render());
      const def = await service.report({});
      expect(samples.find((s) => s.name === 'customs_drift_psi' && s.labels['subject'] === 'score')?.value).toBe(def.latest!.scorePsi);
      expect(def.latest!.scorePsi).toBeGreaterThan(0.25);
      expect(samples.find((s) => s.name === 'customs_drift_alerts' && s.labels['level'] === 'ALERT')?.value).toBe(1);
      expect(samples.find((s) => s.name === 'customs_drift_alerts' && s.labels['level'] === 'WARN')?.value).toBe(0);
      expect(samples.find((s) => s.name === 'customs_drift_computed_timestamp_seconds')?.value).toBe(Date.parse(def.computedAt) / 1000);
    } finally {
      service.onModuleDestroy();
    }
  });

  it('answers an empty report when the model decided nothing, and refuses a week the year lacks', async () => {
    const service = new DriftService(fakeRepository([]).repo, registry, new CustomsMetrics());
    expect(await service.report({})).toMatchObject({ period: null, weeks: [], latest: null });
    await expect(service.report({ week: '2021-W53' })).rejects.toThrow(RangeError);
  });
});
