import { ConflictException, Inject, Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { RuntimeConfig } from '@customs/config';
import { ModelRegistryRepository, type ModelEventView, type ModelRole } from '@customs/persistence';
import { DEFAULT_MODEL_VERSION, FEATURE_SPEC_FILE, historyKeyDefinitions, MODELS_DIR, RiskScorer, ScoringPool } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';
import { SupplyChainHistoryService } from '../supply-chain/supply-chain-history.service';

export type { ModelRole };

/** Precision at the top 1/2/5/10/20 % of scores and ROC AUC on a validation split (fractions 0..1), as the model's spec records them. */
export type ValidationMetrics = Partial<Record<'precision@1%' | 'precision@2%' | 'precision@5%' | 'precision@10%' | 'precision@20%' | 'rocAuc', number>>;

/** What a model's spec (`feature-spec.json`, `training`) records about its training; the validation figures typed, the rest as written by train.py. */
export interface TrainingSummary {
  /** Validation figures of the offline (cross-validated) evaluation (1.0.0). */
  validMetrics?: ValidationMetrics;
  /** Validation figures with the supply-chain history as of each day, through the online path (2.0.0 on). */
  validMetricsOnline?: ValidationMetrics;
  [field: string]: unknown;
}

/** A registered model version as the API reports it. */
export interface RegisteredModel {
  name: string;
  version: string;
  role: ModelRole;
  registeredAt: string;
  updatedAt: string;
  /** Validation figures from the model's spec (informational; see its MODEL_CARD.md). */
  training: TrainingSummary;
  hasCriticalModel: boolean;
  usesSupplyChainHistory: boolean;
  /** Names of the model's input features, in the order of a decision record's `model.inputs`. */
  featureNames: string[];
}

/** `GET /api/models` and `POST /api/models/:version/promote`: every registered version. */
export interface ModelList {
  models: RegisteredModel[];
}

/** `GET /api/models/events`: the audited role changes, newest first. */
export interface ModelEventList {
  events: ModelEventView[];
}

/**
 * The model versions of `libs/risk-model/models/<version>/` and their roles: one CHAMPION
 * decides lanes, CHALLENGERs score every declaration in shadow (recorded, never deciding),
 * RETIRED ones are kept on disk but not used.
 *
 * At start every version found on disk is registered (the champion: `RISK_MODEL_CHAMPION`,
 * else `DEFAULT_MODEL_VERSION`, when no champion is registered yet; the others as
 * challengers), each registration an audited `model_event`. Roles are re-read from Postgres
 * every `HISTORY_REFRESH_MS`, so a promotion through any API instance reaches all of them.
 */
@Injectable()
export class ModelRegistryService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ModelRegistryService.name);
  private readonly scorers = new Map<string, RiskScorer>();
  /** The threads every version scores in (`SCORING_THREADS`), null when scoring on the event loop. */
  private pool: ScoringPool | null = null;
  private roles = new Map<string, { role: ModelRole; registeredAt: Date; updatedAt: Date }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly registry: ModelRegistryRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly history: SupplyChainHistoryService,
    private readonly metrics: CustomsMetrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const versions = existsSync(MODELS_DIR)
      ? readdirSync(MODELS_DIR).filter((v) => existsSync(path.join(MODELS_DIR, v, FEATURE_SPEC_FILE))).sort()
      : [];
    if (this.config.scoringThreads > 0) {
      const pool = new ScoringPool({ threads: this.config.scoringThreads });
      this.pool = pool;
      this.metrics.addScrapeGauge('customs_scoring_queued_tasks', 'Scoring tasks (ONNX batches, TreeSHAP explanations) waiting for a free scoring thread', [], async () => [{ labels: {}, value: pool.queued }]);
    }
    for (const v of versions) this.scorers.set(v, await RiskScorer.load(path.join(MODELS_DIR, v), { pool: this.pool ?? undefined }));
    const champion = this.config.championModel || DEFAULT_MODEL_VERSION;
    if (!this.scorers.has(champion)) throw new Error(`RISK_MODEL_CHAMPION ${champion} is not a model folder of ${MODELS_DIR} (found: ${versions.join(', ')})`);
    await this.registry.withRegistryLocked(async (registry) => {
      const rows = await registry.all();
      const known = new Set(rows.map((r) => r.version));
      const hasChampion = rows.some((r) => r.role === 'CHAMPION');
      for (const v of versions) {
        if (known.has(v)) continue;
        const role: ModelRole = !hasChampion && v === champion ? 'CHAMPION' : 'CHALLENGER';
        await registry.register(v, this.scorers.get(v)!.name, role);
        await registry.recordEvent({
          version: v, type: 'REGISTERED', fromRole: null, toRole: role, actor: 'system',
          reason: `found in ${path.relative(process.cwd(), path.join(MODELS_DIR, v)) || MODELS_DIR} at start`,
        });
      }
    });
    await this.reloadRoles();
    await this.history.ensureKeys(historyKeyDefinitions([...this.scorers.values()].map((s) => s.spec)));
    this.timer = setInterval(() => void this.reloadRoles().catch((e) => this.logger.warn(`model roles reload failed: ${(e as Error).message}`)), this.config.historyRefreshMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.scorers.values()) await s.close();
    await this.pool?.close();
  }

  /** The deciding model. @throws Error when none is registered (cannot happen after start). */
  champion(): RiskScorer {
    for (const [v, r] of this.roles) if (r.role === 'CHAMPION' && this.scorers.has(v)) return this.scorers.get(v)!;
    throw new Error('no champion model is registered');
  }

  /** The shadow models, by version. */
  challengers(): RiskScorer[] {
    return [...this.roles].filter(([v, r]) => r.role === 'CHALLENGER' && this.scorers.has(v)).map(([v]) => this.scorers.get(v)!);
  }

  /** A loaded model version, or null. */
  scorer(version: string): RiskScorer | null {
    return this.scorers.get(version) ?? null;
  }

  /** Every registered version with its role and its spec's validation figures. */
  list(): RegisteredModel[] {
    return [...this.roles].map(([version, r]) => {
      const s = this.scorers.get(version);
      return {
        name: s?.name ?? 'unknown',
        version,
        role: r.role,
        registeredAt: r.registeredAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
        training: s?.spec.training ?? {},
        hasCriticalModel: s?.hasCriticalModel ?? false,
        usesSupplyChainHistory: s?.needsHistory ?? false,
        featureNames: s?.spec.features.map((f) => f.name) ?? [],
      };
    });
  }

  /** The audit trail of role changes, newest first. */
  async events(version?: string): Promise<ModelEventView[]> {
    return this.registry.events(version);
  }

  /**
   * Makes `version` the champion; the previous champion becomes a challenger (it keeps
   * scoring in shadow). Both changes and the reason are recorded in `model_event`.
   * @throws NotFoundException for an unknown version; ConflictException when it is already
   *   the champion or is retired.
   */
  async promote(version: string, actor: string, reason: string): Promise<RegisteredModel[]> {
    if (!this.scorers.has(version)) throw new NotFoundException(`model version ${version} is not registered (known: ${[...this.scorers.keys()].join(', ')})`);
    await this.registry.withRegistryLocked(async (registry) => {
      const rows = await registry.all();
      const target = rows.find((r) => r.version === version);
      if (!target) throw new NotFoundException(`model version ${version} is not registered`);
      if (target.role === 'CHAMPION') throw new ConflictException(`model version ${version} is already the champion`);
      if (target.role === 'RETIRED') throw new ConflictException(`model version ${version} is retired; it cannot decide`);
      const previous = rows.find((r) => r.role === 'CHAMPION');
      if (previous) {
        await registry.setRole(previous.version, 'CHALLENGER');
        await registry.recordEvent({ version: previous.version, type: 'DEMOTED', fromRole: 'CHAMPION', toRole: 'CHALLENGER', actor, reason: `replaced by ${version}: ${reason}` });
      }
      await registry.setRole(version, 'CHAMPION');
      await registry.recordEvent({ version, type: 'PROMOTED', fromRole: target.role, toRole: 'CHAMPION', actor, reason });
    });
    await this.reloadRoles();
    return this.list();
  }

  private async reloadRoles(): Promise<void> {
    const rows = await this.registry.all();
    this.roles = new Map(rows.map((r) => [r.version, { role: r.role, registeredAt: r.registeredAt, updatedAt: r.updatedAt }]));
  }
}
