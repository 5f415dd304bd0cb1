import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { loadCriteriaFromDir, SelectivityEngine, type SelectivityCriterion } from '@customs/selectivity';
import { RUNTIME_CONFIG } from '../../services/config/config.module';

/** Default seed folder: `rules/` at the repository root. */
const DEFAULT_RULES_DIR = path.resolve(__dirname, '../../../../../rules');

/** How long a compiled engine is trusted before the criteria table is checked for new versions (ms). */
const FRESHNESS_MS = 2000;

/**
 * Selectivity criteria in Postgres: seeds them from `rules/` at boot (idempotently) and
 * serves a compiled `SelectivityEngine` over the newest version of every criterion,
 * recompiled when a version is added (checked at most every 2 s), so screening picks up
 * a new version without a restart.
 */
@Injectable()
export class CriteriaService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CriteriaService.name);
  private engine: { engine: SelectivityEngine; fingerprint: string; checkedAt: number; criteria: SelectivityCriterion[] } | null = null;
  private compiling: Promise<SelectivityEngine> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const dir = this.config.rulesDir || DEFAULT_RULES_DIR;
    const { inserted, total } = await this.seedFromDir(dir);
    this.logger.log(`criteria seeded from ${dir}: ${inserted} new of ${total}`);
  }

  /**
   * Inserts every criterion file of `dir` as a version, once: an existing (id, version)
   * is left alone. A file whose content differs from the stored version is reported,
   * because versions are immutable (bump `version` to change a criterion).
   * @throws CriterionValidationError when a file is invalid (the whole seed is refused).
   */
  async seedFromDir(dir: string): Promise<{ inserted: number; total: number }> {
    const criteria = loadCriteriaFromDir(dir);
    let inserted = 0;
    for (const c of criteria) {
      const source = `rules/${c.scope === 'CENTRAL' ? 'central' : `local/${c.officeId}`}/${c.id}.json`;
      const rows: Array<{ id: string }> = await this.db.query(
        `INSERT INTO selectivity_criterion (id, version, scope, office_id, lane, status, valid_from, valid_to, definition, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (id, version) DO NOTHING RETURNING id`,
        [c.id, c.version, c.scope, c.officeId, c.lane, c.status, c.validFrom, c.validTo, JSON.stringify(c), source],
      );
      if (rows.length > 0) {
        inserted += 1;
        continue;
      }
      const [stored] = await this.db.query(
        `SELECT definition = $3::jsonb AS same FROM selectivity_criterion WHERE id = $1 AND version = $2`,
        [c.id, c.version, JSON.stringify(c)],
      );
      if (stored && !stored.same) {
        this.logger.warn(`${source}: differs from stored ${c.id} v${c.version}; versions are immutable, bump "version" to change it`);
      }
    }
    return { inserted, total: criteria.length };
  }

  /** The newest version of every criterion, as stored. */
  async listLatest(): Promise<SelectivityCriterion[]> {
    const rows: Array<{ definition: SelectivityCriterion }> = await this.db.query(
      `SELECT DISTINCT ON (id) definition FROM selectivity_criterion ORDER BY id, version DESC`,
    );
    return rows.map((r) => r.definition);
  }

  /** Every stored version of one criterion, newest first (empty when unknown). */
  async versions(id: string): Promise<SelectivityCriterion[]> {
    const rows: Array<{ definition: SelectivityCriterion }> = await this.db.query(
      `SELECT definition FROM selectivity_criterion WHERE id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map((r) => r.definition);
  }

  /** The engine over the newest criteria versions; recompiled after a version was added. */
  async currentEngine(): Promise<SelectivityEngine> {
    const now = Date.now();
    if (this.engine && now - this.engine.checkedAt < FRESHNESS_MS) return this.engine.engine;
    if (this.compiling) return this.compiling;
    this.compiling = (async () => {
      const [{ fingerprint }] = await this.db.query(
        `SELECT count(*) || ':' || coalesce(max(created_at)::text, '') AS fingerprint FROM selectivity_criterion`,
      );
      if (this.engine && this.engine.fingerprint === fingerprint) {
        this.engine.checkedAt = Date.now();
        return this.engine.engine;
      }
      const criteria = await this.listLatest();
      const engine = SelectivityEngine.compile(criteria);
      this.engine = { engine, fingerprint, checkedAt: Date.now(), criteria };
      this.logger.log(`selectivity engine compiled: ${criteria.length} criteria (${fingerprint})`);
      return engine;
    })().finally(() => {
      this.compiling = null;
    });
    return this.compiling;
  }
}
