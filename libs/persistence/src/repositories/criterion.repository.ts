import type { DataSource, EntityManager } from 'typeorm';
import { CriterionApprovalEntity, RiskCaseCriterionEntity, RiskCaseEntity, SelectivityCriterionEntity } from '../entities';

/**
 * The stored fields of a criterion version: those of `@customs/selectivity`'s
 * `SelectivityCriterion` the table has columns for (the whole definition is stored too).
 */
export interface CriterionDefinition {
  id: string;
  version: number;
  /** CENTRAL or LOCAL. */
  scope: string;
  officeId: string | null;
  lane: string;
  status: string;
  /** `YYYY-MM-DD`. */
  validFrom: string;
  validTo: string;
}

/** One stored criterion version with its maker and checker. */
export interface CriterionVersionRow<TDefinition extends CriterionDefinition = CriterionDefinition> {
  definition: TDefinition;
  createdBy: string;
  /** ISO timestamp. */
  createdAt: string;
  /** Null while the version awaits approval (it is then not in force). */
  approvedBy: string | null;
  approvedAt: string | null;
}

/** What {@link CriterionRepository.seed} found: the version was added, was there alike, or was there with other content. */
export type SeedResult = 'INSERTED' | 'UNCHANGED' | 'DIFFERS';

/** The approver recorded for versions loaded from `rules/`. */
const SEED_APPROVER = 'seed';

/**
 * The criteria aggregate: `selectivity_criterion`, immutable versions of each criterion (a
 * trigger refuses UPDATE and DELETE; an edit is a new version), and `criterion_approval`, the
 * append-only approvals (maker-checker) that put a version into force.
 */
export class CriterionRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  private get criteria() {
    return this.db.getRepository(SelectivityCriterionEntity);
  }

  private get approvals() {
    return this.db.getRepository(CriterionApprovalEntity);
  }

  /** Versions with their approval (left join: drafts have none), for the views. */
  private versionQuery() {
    return this.criteria
      .createQueryBuilder('c')
      .leftJoin(CriterionApprovalEntity, 'a', 'a.criterionId = c.id AND a.version = c.version')
      .select('c.definition', 'definition')
      .addSelect('c.createdBy', 'createdBy')
      .addSelect('c.createdAt', 'createdAt')
      .addSelect('a.approvedBy', 'approvedBy')
      .addSelect('a.approvedAt', 'approvedAt');
  }

  private static row<T extends CriterionDefinition>(r: { definition: T; createdBy: string; createdAt: Date; approvedBy: string | null; approvedAt: Date | null }): CriterionVersionRow<T> {
    return {
      definition: r.definition,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      approvedBy: r.approvedBy,
      approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
    };
  }

  /**
   * Stores a version loaded from `rules/` (author and approver `seed`), once: an existing
   * (id, version) is left alone, and its approval is added when missing. Not one transaction:
   * each statement commits on its own, so a re-run completes an interrupted seed.
   * @param source where it came from, e.g. `rules/central/CEN-WPN-001.json`.
   * @returns INSERTED, or for a version already stored UNCHANGED / DIFFERS (stored definition
   *   not equal as jsonb: versions are immutable, the file should have bumped `version`).
   */
  async seed(c: CriterionDefinition, source: string): Promise<SeedResult> {
    const definition = JSON.stringify(c);
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO ${this.criteria.metadata.tableName} (id, version, scope, office_id, lane, status, valid_from, valid_to, definition, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id, version) DO NOTHING RETURNING id`,
      [c.id, c.version, c.scope, c.officeId, c.lane, c.status, c.validFrom, c.validTo, definition, source],
    );
    await this.db.query(
      `INSERT INTO ${this.approvals.metadata.tableName} (criterion_id, version, approved_by) VALUES ($1, $2, $3)
       ON CONFLICT (criterion_id, version) DO NOTHING`,
      [c.id, c.version, SEED_APPROVER],
    );
    if (rows.length > 0) return 'INSERTED';
    const [stored]: Array<{ same: boolean }> = await this.db.query(
      `SELECT definition = $3::jsonb AS same FROM ${this.criteria.metadata.tableName} WHERE id = $1 AND version = $2`,
      [c.id, c.version, definition],
    );
    return stored && !stored.same ? 'DIFFERS' : 'UNCHANGED';
  }

  /**
   * The definition of the newest approved version of every criterion that may select (what
   * screening uses), by id. A criterion drafted from risk cases selects only while one of them is
   * ACTIVE, i.e. during its validity window: before the window starts (approved, the case not
   * yet told) and once it ends (FEEDBACK, CLOSED) it does not, unless the window is extended or a
   * revision re-activates the case. See {@link inForceWithWindows} for the windows themselves.
   */
  async definitionsInForce<T extends CriterionDefinition>(): Promise<T[]> {
    return (await this.inForceWithWindows<T>()).map((r) => r.definition);
  }

  /**
   * {@link definitionsInForce}, each with the latest end of the ACTIVE risk-case windows it was
   * drafted from (null for a criterion no risk case drafted): the window's dates are the
   * criterion's validity, so an extended window extends it.
   */
  async inForceWithWindows<T extends CriterionDefinition>(): Promise<Array<{ definition: T; windowEndsAt: Date | null }>> {
    const links = this.db.getRepository(RiskCaseCriterionEntity).metadata.tableName;
    const cases = this.db.getRepository(RiskCaseEntity).metadata.tableName;
    const rows = await this.criteria
      .createQueryBuilder('c')
      .innerJoin(CriterionApprovalEntity, 'a', 'a.criterionId = c.id AND a.version = c.version')
      .where(`NOT EXISTS (SELECT 1 FROM ${links} l WHERE l.criterion_id = c.id)`)
      .orWhere(`EXISTS (SELECT 1 FROM ${links} l JOIN ${cases} r ON r.risk_case_id = l.risk_case_id WHERE l.criterion_id = c.id AND r.status = 'ACTIVE')`)
      .select('c.definition', 'definition')
      .addSelect(
        `(SELECT max(r.window_ends_at) FROM ${links} l JOIN ${cases} r ON r.risk_case_id = l.risk_case_id WHERE l.criterion_id = c.id AND r.status = 'ACTIVE')`,
        'windowEndsAt',
      )
      .distinctOn(['c.id'])
      .orderBy('c.id')
      .addOrderBy('c.version', 'DESC')
      .getRawMany<{ definition: T; windowEndsAt: Date | string | null }>();
    return rows.map((r) => ({ definition: r.definition, windowEndsAt: r.windowEndsAt === null ? null : new Date(r.windowEndsAt) }));
  }

  /** The definitions of exactly these versions; versions not stored are absent (order not defined). */
  async definitionsOf<T extends CriterionDefinition>(versions: Array<{ id: string; version: number }>): Promise<T[]> {
    if (versions.length === 0) return [];
    const rows: Array<{ definition: T }> = await this.db.query(
      `SELECT c.definition FROM ${this.criteria.metadata.tableName} c
       JOIN unnest($1::varchar[], $2::int[]) AS v(id, version) ON v.id = c.id AND v.version = c.version`,
      [versions.map((p) => p.id), versions.map((p) => p.version)],
    );
    return rows.map((r) => r.definition);
  }

  /** The newest version of every criterion (approved or awaiting approval), by id. */
  async newestVersions<T extends CriterionDefinition>(): Promise<Array<CriterionVersionRow<T>>> {
    const rows = await this.versionQuery().distinctOn(['c.id']).orderBy('c.id').addOrderBy('c.version', 'DESC').getRawMany();
    return rows.map((r) => CriterionRepository.row<T>(r));
  }

  /** Every stored version of one criterion, newest first (empty when unknown). */
  async versions<T extends CriterionDefinition>(id: string): Promise<Array<CriterionVersionRow<T>>> {
    const rows = await this.versionQuery().where('c.id = :id', { id }).orderBy('c.version', 'DESC').getRawMany();
    return rows.map((r) => CriterionRepository.row<T>(r));
  }

  /** One version, or null when it is not stored. */
  async findVersion<T extends CriterionDefinition>(id: string, version: number): Promise<CriterionVersionRow<T> | null> {
    const row = await this.versionQuery().where('c.id = :id AND c.version = :version', { id, version }).getRawOne();
    return row ? CriterionRepository.row<T>(row) : null;
  }

  /**
   * Runs `work` in a transaction holding a lock on criterion `id` (a transaction-level advisory
   * lock on the id), so writers of one criterion take turns: versions numbered by
   * {@link nextVersion} are consecutive, and an approval sees the versions approved before it.
   * `work` gets a repository over the transaction; its writes commit when it resolves.
   * @returns what `work` returns.
   */
  async withCriterionLock<T>(id: string, work: (criteria: CriterionRepository, tx: EntityManager) => Promise<T>): Promise<T> {
    const manager = 'manager' in this.db ? this.db.manager : this.db;
    return manager.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [id]);
      return work(new CriterionRepository(tx), tx);
    });
  }

  /** The next version number of a criterion: its highest stored version + 1 (1 for a new id). */
  async nextVersion(id: string): Promise<number> {
    const r = await this.criteria.createQueryBuilder('c').select('coalesce(max(c.version), 0) + 1', 'next').where('c.id = :id', { id }).getRawOne<{ next: number }>();
    return r!.next;
  }

  /** The highest approved version of a criterion, 0 when none is approved. */
  async newestApprovedVersion(id: string): Promise<number> {
    const r = await this.approvals.createQueryBuilder('a').select('coalesce(max(a.version), 0)', 'newest').where('a.criterionId = :id', { id }).getRawOne<{ newest: number }>();
    return r!.newest;
  }

  /** Stores a version written through the API (source `api`) by `author`, awaiting approval. */
  async addVersion(c: CriterionDefinition, author: string): Promise<void> {
    await this.criteria.insert({
      id: c.id,
      version: c.version,
      scope: c.scope,
      officeId: c.officeId,
      lane: c.lane,
      status: c.status,
      validFrom: c.validFrom,
      validTo: c.validTo,
      definition: { ...(c as object) },
      source: 'api',
      createdBy: author,
    });
  }

  /** Records the approval of one version by `approver` (now). Fails on a second approval (primary key). */
  async approve(id: string, version: number, approver: string): Promise<void> {
    await this.approvals.insert({ criterionId: id, version, approvedBy: approver });
  }

  /**
   * A value that changes whenever an approval is added (their count and latest time) or a risk
   * case's window opens, closes or moves, to tell when the criteria in force must be re-read.
   */
  async approvalsFingerprint(): Promise<string> {
    const links = this.db.getRepository(RiskCaseCriterionEntity).metadata.tableName;
    const cases = this.db.getRepository(RiskCaseEntity).metadata.tableName;
    const r = await this.approvals
      .createQueryBuilder('a')
      .select(`count(*) || ':' || coalesce(max(a.approvedAt)::text, '')`, 'fingerprint')
      .getRawOne<{ fingerprint: string }>();
    // ... and whenever a risk case's window opens, closes or is extended (the criteria drafted from it start, stop or go on selecting).
    const [windows]: Array<{ active: string | null }> = await this.db.query(
      `SELECT md5(string_agg(l.criterion_id || '@' || l.risk_case_id || '@' || coalesce(r.window_ends_at::text, ''), ',' ORDER BY l.criterion_id, l.risk_case_id)) AS active
       FROM ${links} l JOIN ${cases} r ON r.risk_case_id = l.risk_case_id WHERE r.status = 'ACTIVE'`,
    );
    return `${r!.fingerprint}:${windows?.active ?? ''}`;
  }
}
