import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { isoWeek, loadDriftReference, type DriftReferenceFile } from '@customs/risk-model';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';
import { ModelRegistryService } from '../models/model-registry.service';
import { buildDriftReport, reportPeriod } from './drift-report';
import { DriftRepository } from './drift.repository';
import type { DriftReport } from './drift.responses';

/** Weeks in a report by default (about two months: the hit-rate changes need a previous week). */
export const DRIFT_DEFAULT_WEEKS = 8;
/** A cached report is served for this long (ms) before a request computes it again. */
export const DRIFT_CACHE_MS = 60_000;
/** The default report (latest weeks) is recomputed this often (ms), so the metrics stay current without requests. */
export const DRIFT_REFRESH_MS = 5 * 60_000;
/** At most this many decisions are read for one report (the most recent first); bounds memory and time. */
export const DRIFT_MAX_ROWS = 200_000;

/**
 * The weekly drift of the deciding model in service (issue 17): per ISO week, the PSI of its score
 * against the spec's validation quantiles and of its main features (from the recorded
 * `model.inputs`) against the committed training reference (`loadDriftReference`), hit rates per
 * criterion and model lane from the inspection results, WARN / ALERT alerts, and the cut-offs the
 * week's scores suggest (`buildDriftReport`, the same `weeklyDrift` as `npm run drift`).
 *
 * Reports are cached per (model version, last week, weeks) for {@link DRIFT_CACHE_MS}; the default
 * one (ending with the week of the latest declaration the model decided) is recomputed every
 * {@link DRIFT_REFRESH_MS} and read by the Prometheus gauges `customs_drift_psi{subject}`
 * (`score` or a feature name), `customs_drift_alerts{level}` and
 * `customs_drift_computed_timestamp_seconds` at scrape time (never computed by a scrape when one
 * is cached).
 */
@Injectable()
export class DriftService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(DriftService.name);
  private readonly cache = new Map<string, { at: number; report: Promise<DriftReport> }>();
  private readonly references = new Map<string, DriftReferenceFile | null>();
  private latest: DriftReport | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: DriftRepository,
    private readonly registry: ModelRegistryService,
    private readonly metrics: CustomsMetrics,
  ) {}

  onModuleInit(): void {
    const latest = async () => this.latest ?? (await this.report({}).catch(() => null));
    this.metrics.addScrapeGauge('customs_drift_psi', 'Population stability index of the deciding model in the latest ISO week of the drift report, by subject (score or a main feature), against the training reference', ['subject', 'model', 'version'], async () => {
      const r = await latest();
      const w = r?.latest;
      if (!r || !w) return [];
      const labels = (subject: string) => ({ subject, model: r.model.name, version: r.model.version });
      return [{ labels: labels('score'), value: w.scorePsi }, ...w.featurePsi.map((f) => ({ labels: labels(f.feature), value: f.psi }))];
    });
    this.metrics.addScrapeGauge('customs_drift_alerts', 'Drift alerts (PSI above 0.1: WARN, above 0.25: ALERT) in the latest ISO week of the drift report, by level', ['level'], async () => {
      const w = (await latest())?.latest;
      return ['WARN', 'ALERT'].map((level) => ({ labels: { level }, value: w ? w.alerts.filter((a) => a.level === level).length : 0 }));
    });
    this.metrics.addScrapeGauge('customs_drift_computed_timestamp_seconds', 'When the drift report the customs_drift_* gauges show was computed (Unix seconds)', [], async () => {
      const r = await latest();
      return r ? [{ labels: {}, value: Date.parse(r.computedAt) / 1000 }] : [];
    });
    this.timer = setInterval(() => void this.report({}, true).catch((e) => this.logger.warn(`drift report failed: ${(e as Error).message}`)), DRIFT_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** The committed feature reference of a model version, read once (null when there is none). */
  private referenceOf(name: string, version: string): DriftReferenceFile | null {
    const key = `${name}@${version}`;
    if (!this.references.has(key)) {
      const ref = loadDriftReference(name, version);
      if (!ref) this.logger.warn(`no drift feature reference for ${name} ${version}: score PSI only`);
      this.references.set(key, ref);
    }
    return this.references.get(key)!;
  }

  /**
   * The drift report of the deciding model.
   * @param q `week`: last ISO week (`YYYY-Www`; default the week of the latest declaration the
   *   model decided); `weeks`: how many weeks back (default {@link DRIFT_DEFAULT_WEEKS}).
   * @param fresh compute even when a cached report is younger than {@link DRIFT_CACHE_MS}.
   * @throws RangeError for a week that does not exist (e.g. week 53 of a 52-week year).
   */
  async report(q: { week?: string; weeks?: number }, fresh = false): Promise<DriftReport> {
    const scorer = this.registry.champion();
    const weeks = q.weeks ?? DRIFT_DEFAULT_WEEKS;
    const key = `${scorer.name}@${scorer.version}/${q.week ?? 'latest'}/${weeks}`;
    const hit = this.cache.get(key);
    if (!fresh && hit && Date.now() - hit.at < DRIFT_CACHE_MS) return hit.report;
    const report = this.compute(scorer, q.week, weeks);
    this.cache.set(key, { at: Date.now(), report });
    report.then(
      (r) => {
        if (!q.week && weeks === DRIFT_DEFAULT_WEEKS) this.latest = r;
      },
      () => this.cache.delete(key),
    );
    for (const [k, v] of this.cache) if (Date.now() - v.at > 10 * DRIFT_CACHE_MS) this.cache.delete(k);
    return report;
  }

  private async compute(scorer: ReturnType<ModelRegistryService['champion']>, week: string | undefined, weeks: number): Promise<DriftReport> {
    const model = { name: scorer.name, version: scorer.version };
    const lastWeek = week ?? (await this.repository.latestDate(model.name, model.version).then((d) => (d ? isoWeek(d) : null)));
    const period = lastWeek ? reportPeriod(lastWeek, weeks) : null;
    const rows = period ? await this.repository.screened(model.name, model.version, period.from, period.to, DRIFT_MAX_ROWS) : [];
    return buildDriftReport(model, scorer.spec, this.referenceOf(model.name, model.version), rows, period, new Date().toISOString());
  }
}
