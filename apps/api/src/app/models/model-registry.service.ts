import { ConflictException, Inject, Injectable, Logger, NotFoundException, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { DEFAULT_MODEL_VERSION, FEATURE_SPEC_FILE, historyKeyDefinitions, MODELS_DIR, RiskScorer } from '@customs/risk-model';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { SupplyChainHistoryService } from '../supply-chain/supply-chain-history.service';

/** Role of a registered model version. */
export type ModelRole = 'CHAMPION' | 'CHALLENGER' | 'RETIRED';

/** A registered model version as the API reports it. */
export interface RegisteredModel {
  name: string;
  version: string;
  role: ModelRole;
  registeredAt: string;
  updatedAt: string;
  /** Validation figures from the model's spec (informational; see its MODEL_CARD.md). */
  training: Record<string, unknown>;
  hasCriticalModel: boolean;
  usesSupplyChainHistory: boolean;
  /** Names of the model's input features, in the order of a decision record's `model.inputs`. */
  featureNames: string[];
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
  private roles = new Map<string, { role: ModelRole; registeredAt: Date; updatedAt: Date }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly history: SupplyChainHistoryService,
  ) {}

  async onModuleInit(): Promise<void> {
    const versions = existsSync(MODELS_DIR)
      ? readdirSync(MODELS_DIR).filter((v) => existsSync(path.join(MODELS_DIR, v, FEATURE_SPEC_FILE))).sort()
      : [];
    for (const v of versions) this.scorers.set(v, await RiskScorer.load(path.join(MODELS_DIR, v)));
    const champion = this.config.championModel || DEFAULT_MODEL_VERSION;
    if (!this.scorers.has(champion)) throw new Error(`RISK_MODEL_CHAMPION ${champion} is not a model folder of ${MODELS_DIR} (found: ${versions.join(', ')})`);
    await this.db.transaction(async (tx) => {
      await tx.query(`LOCK TABLE model_registration IN EXCLUSIVE MODE`);
      const rows: Array<{ version: string; role: string }> = await tx.query(`SELECT version, role FROM model_registration`);
      const known = new Set(rows.map((r) => r.version));
      const hasChampion = rows.some((r) => r.role === 'CHAMPION');
      for (const v of versions) {
        if (known.has(v)) continue;
        const role: ModelRole = !hasChampion && v === champion ? 'CHAMPION' : 'CHALLENGER';
        const s = this.scorers.get(v)!;
        await tx.query(`INSERT INTO model_registration (version, name, role, registered_at, updated_at) VALUES ($1, $2, $3, now(), now())`, [v, s.name, role]);
        await tx.query(
          `INSERT INTO model_event (version, type, from_role, to_role, actor, reason, occurred_at) VALUES ($1, 'REGISTERED', NULL, $2, 'system', $3, now())`,
          [v, role, `found in ${path.relative(process.cwd(), path.join(MODELS_DIR, v)) || MODELS_DIR} at start`],
        );
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
  async events(version?: string): Promise<Array<Record<string, unknown>>> {
    return this.db.query(
      `SELECT id, version, type, from_role AS "fromRole", to_role AS "toRole", actor, reason, occurred_at AS "occurredAt"
       FROM model_event WHERE ($1::varchar IS NULL OR version = $1) ORDER BY id DESC`,
      [version ?? null],
    );
  }

  /**
   * Makes `version` the champion; the previous champion becomes a challenger (it keeps
   * scoring in shadow). Both changes and the reason are recorded in `model_event`.
   * @throws NotFoundException for an unknown version; ConflictException when it is already
   *   the champion or is retired.
   */
  async promote(version: string, actor: string, reason: string): Promise<RegisteredModel[]> {
    if (!this.scorers.has(version)) throw new NotFoundException(`model version ${version} is not registered (known: ${[...this.scorers.keys()].join(', ')})`);
    await this.db.transaction(async (tx) => {
      await tx.query(`LOCK TABLE model_registration IN EXCLUSIVE MODE`);
      const rows: Array<{ version: string; role: ModelRole }> = await tx.query(`SELECT version, role FROM model_registration`);
      const target = rows.find((r) => r.version === version);
      if (!target) throw new NotFoundException(`model version ${version} is not registered`);
      if (target.role === 'CHAMPION') throw new ConflictException(`model version ${version} is already the champion`);
      if (target.role === 'RETIRED') throw new ConflictException(`model version ${version} is retired; it cannot decide`);
      const previous = rows.find((r) => r.role === 'CHAMPION');
      if (previous) {
        await tx.query(`UPDATE model_registration SET role = 'CHALLENGER', updated_at = now() WHERE version = $1`, [previous.version]);
        await tx.query(
          `INSERT INTO model_event (version, type, from_role, to_role, actor, reason, occurred_at) VALUES ($1, 'DEMOTED', 'CHAMPION', 'CHALLENGER', $2, $3, now())`,
          [previous.version, actor, `replaced by ${version}: ${reason}`],
        );
      }
      await tx.query(`UPDATE model_registration SET role = 'CHAMPION', updated_at = now() WHERE version = $1`, [version]);
      await tx.query(
        `INSERT INTO model_event (version, type, from_role, to_role, actor, reason, occurred_at) VALUES ($1, 'PROMOTED', $2, 'CHAMPION', $3, $4, now())`,
        [version, target.role, actor, reason],
      );
    });
    await this.reloadRoles();
    return this.list();
  }

  private async reloadRoles(): Promise<void> {
    const rows: Array<{ version: string; role: ModelRole; registered_at: Date; updated_at: Date }> = await this.db.query(
      `SELECT version, role, registered_at, updated_at FROM model_registration ORDER BY version`,
    );
    this.roles = new Map(rows.map((r) => [r.version, { role: r.role, registeredAt: r.registered_at, updatedAt: r.updated_at }]));
  }
}
