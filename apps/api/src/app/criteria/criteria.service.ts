import {
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import * as path from 'node:path';
import type { RuntimeConfig } from '@customs/config';
import { CriterionRepository, DecisionRecordRepository, RiskCaseHandoffRepository, RiskCaseRepository, type CriterionVersionRow } from '@customs/persistence';
import { CriterionValidationError, SelectivityEngine, validateCriterion, type SelectivityCriterion } from '@customs/selectivity';
import { loadCriteriaFromDir } from '@customs/io';
import type { AuthUser } from '../../services/auth/auth-user';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import { isKnownOfficeCode } from '../../services/http/code-validators';
import type { CriteriaOverlaps } from './criteria.responses';
import { RiskCaseHandoffDispatcher } from '../risk-case-handoff/risk-case-handoff.dispatcher';
import { parseSetEntry, setEntry, withWindowValidity, type EffectiveCriterion } from './window/window-validity';
import { CustomsMetrics } from '../../services/metrics/customs-metrics';

/** Default validity window of a new criterion, in days (CBTC practice: 15 days). */
export const DEFAULT_VALIDITY_DAYS = 15;

/** One stored criterion version with its maker and checker (approvedBy null: awaiting approval, not in force). */
export type CriterionVersionView = CriterionVersionRow<SelectivityCriterion>;

/** Central criteria are the CBTC's; local ones belong to one office (analysts may write them too). */
function assertMayWrite(user: AuthUser, scope: string, officeId: string | null): void {
  if (user.role === 'cbtc_analyst') return;
  if (scope === 'CENTRAL') throw new ForbiddenException('only CBTC analysts write central criteria');
  if ((user.role === 'supervisor' || user.role === 'local_officer') && user.officeId === officeId) return;
  throw new ForbiddenException(`a ${user.role} cannot write local criteria of office ${officeId}`);
}

/** Maker-checker: a different analyst for CENTRAL, a supervisor of the office for LOCAL. */
function assertMayApprove(user: AuthUser, v: CriterionVersionView): void {
  if (user.id === v.createdBy) throw new ForbiddenException('maker-checker: the author of a criterion version cannot approve it');
  const c = v.definition;
  if (c.scope === 'CENTRAL' && user.role !== 'cbtc_analyst') throw new ForbiddenException('central criteria are approved by a CBTC analyst');
  if (c.scope === 'LOCAL' && !(user.role === 'supervisor' && user.officeId === c.officeId)) {
    throw new ForbiddenException(`local criteria of office ${c.officeId} are approved by a supervisor of that office`);
  }
}

/** `YYYY-MM-DD` plus `days` calendar days (UTC); undefined when `date` is not a date (validation then names it). */
function addDays(date: string, days: number): string | undefined {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
  private engine: { compiled: CompiledCriteria; fingerprint: string; checkedAt: number } | null = null;
  private compiling: Promise<CompiledCriteria> | null = null;

  constructor(
    private readonly criteria: CriterionRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly handoffs: RiskCaseHandoffDispatcher,
    private readonly decisions: DecisionRecordRepository,
    private readonly metrics: CustomsMetrics,
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
      const result = await this.criteria.seed(c, source);
      if (result === 'INSERTED') inserted += 1;
      if (result === 'DIFFERS') {
        this.logger.warn(`${source}: differs from stored ${c.id} v${c.version}; versions are immutable, bump "version" to change it`);
      }
    }
    return { inserted, total: criteria.length };
  }

  /**
   * The version of every criterion that screening uses: the newest approved one, with its
   * validity extended to its open risk-case window's last day (`withWindowValidity`).
   */
  async listInForce(): Promise<EffectiveCriterion[]> {
    return (await this.criteria.inForceWithWindows<SelectivityCriterion>()).map((r) => withWindowValidity(r.definition, r.windowEndsAt));
  }

  /** The newest version of every criterion (approved or awaiting approval), with its maker and checker. */
  async listNewest(): Promise<CriterionVersionView[]> {
    return this.criteria.newestVersions<SelectivityCriterion>();
  }

  /**
   * What waits for `user`'s approval: the newest version of each criterion when it is not
   * approved, `user` did not write it, and `user` may approve it (another CBTC analyst for a
   * central one, a supervisor of the office for a local one), oldest first.
   */
  async awaitingApproval(user: AuthUser): Promise<CriterionVersionView[]> {
    const mayApprove = (v: CriterionVersionView) => {
      try {
        assertMayApprove(user, v);
        return true;
      } catch {
        return false;
      }
    };
    return (await this.listNewest())
      .filter((v) => v.approvedBy === null && mayApprove(v))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.definition.id.localeCompare(b.definition.id));
  }

  /**
   * Central and local criteria that mostly select the same declarations: for each criterion, the
   * criteria of the other scope that also selected at least `CRITERIA_OVERLAP_SHARE` of what it
   * selected in the last `days` days (from the decisions' fired criteria).
   */
  async overlaps(days: number): Promise<CriteriaOverlaps> {
    const threshold = this.config.criteriaOverlapShare;
    const overlaps = (await this.decisions.coSelections(days))
      .filter((c) => c.both >= threshold * c.selected)
      .map((c) => ({ ...c, share: Math.round((c.both / c.selected) * 1000) / 10 }));
    return { threshold: Math.round(threshold * 1000) / 10, days, overlaps };
  }

  /** Every stored version of one criterion, newest first (empty when unknown). */
  async versions(id: string): Promise<CriterionVersionView[]> {
    return this.criteria.versions<SelectivityCriterion>(id);
  }

  /**
   * Stores a new version of a criterion written by `author` (version = newest + 1, or 1 for a
   * new id). It takes effect only after another user approves it. A missing validity window
   * defaults to 15 days from today (UTC), as the CBTC does.
   * @throws CriterionValidationError naming every problem; ForbiddenException when the author
   *   may not write this scope or office.
   */
  async createVersion(input: Record<string, unknown>, author: AuthUser): Promise<CriterionVersionView> {
    const draft = this.draft(input);
    assertMayWrite(author, draft.scope, draft.officeId);
    // Serialise versions of one id: concurrent writers get consecutive versions, never the same.
    return this.criteria.withCriterionLock(draft.id, async (criteria) => {
      const c = validateCriterion({ ...draft, version: await criteria.nextVersion(draft.id) });
      await criteria.addVersion(c, author.id);
      return (await criteria.findVersion<SelectivityCriterion>(c.id, c.version))!;
    });
  }

  /**
   * A criterion written without its version (a `POST /api/criteria` body), checked as version 1:
   * `status` defaults to ACTIVE, `validFrom` to today (UTC), `validTo` to 15 days from
   * `validFrom`; a LOCAL one must name a known office.
   * @throws CriterionValidationError naming every problem.
   */
  draft(input: Record<string, unknown>): SelectivityCriterion {
    const today = new Date().toISOString().slice(0, 10);
    const validFrom = typeof input.validFrom === 'string' ? input.validFrom : today;
    const checked = validateCriterion({
      status: 'ACTIVE',
      ...input,
      validFrom,
      validTo: typeof input.validTo === 'string' ? input.validTo : addDays(validFrom, DEFAULT_VALIDITY_DAYS - 1) ?? input.validTo,
      version: 1,
    });
    // The library accepts any office (engine tests use made-up ones); what the API stores must name a real one.
    if (checked.scope === 'LOCAL' && !isKnownOfficeCode(checked.officeId)) {
      throw new CriterionValidationError([`officeId: must be a known customs office code, got ${JSON.stringify(checked.officeId)}`]);
    }
    return checked;
  }

  /**
   * Approves one version (maker-checker): CENTRAL by a CBTC analyst, LOCAL by a supervisor of
   * its office, never by its author. Screening picks it up within 2 s (one drafted from a risk
   * case once the case is ACTIVE, i.e. its window open). The risk cases drafting
   * the criterion are told (`criterionApproved`) through the hand-off outbox written in the
   * approval's transaction, delivered before this returns when Temporal answers, later otherwise.
   * @throws NotFoundException, ConflictException (already approved, or a newer version is in
   *   force), ForbiddenException (wrong role or office, or the author approving their own).
   */
  async approve(id: string, version: number, approver: AuthUser): Promise<CriterionVersionView> {
    const approved = await this.criteria.withCriterionLock(id, async (criteria, tx) => {
      const view = await criteria.findVersion<SelectivityCriterion>(id, version);
      if (!view) throw new NotFoundException(`criterion ${id} has no version ${version}`);
      if (view.approvedBy) throw new ConflictException(`${id} v${version} is already approved by ${view.approvedBy}`);
      const newest = await criteria.newestApprovedVersion(id);
      if (newest > version) throw new ConflictException(`${id} v${newest} is already in force; v${version} is superseded`);
      assertMayApprove(approver, view);
      await criteria.approve(id, version, approver.id);
      // The risk cases drafting this criterion learn of it through the hand-off outbox, written
      // in this transaction: an approval never commits without its news, and never loses it.
      const drafting = await new RiskCaseRepository(tx).casesDrafting(id);
      await new RiskCaseHandoffRepository(tx).enqueue('CRITERION_APPROVED', drafting, { criterionId: id, version, actor: approver.id });
      return (await criteria.findVersion<SelectivityCriterion>(id, version))!;
    });
    await this.handoffs.deliverDue();
    return approved;
  }

  /**
   * The engine over the criteria in force (newest approved version of each), with their
   * `id@version` list for the decision record; recompiled after an approval.
   */
  async currentEngine(): Promise<CompiledCriteria> {
    const now = Date.now();
    if (this.engine && now - this.engine.checkedAt < FRESHNESS_MS) return this.engine.compiled;
    if (this.compiling) return this.compiling;
    this.compiling = (async () => {
      const fingerprint = await this.criteria.approvalsFingerprint();
      if (this.engine && this.engine.fingerprint === fingerprint) {
        this.engine.checkedAt = Date.now();
        return this.engine.compiled;
      }
      const criteria = await this.listInForce();
      const endTimer = this.metrics.criteriaCompileDuration.startTimer();
      const compiled = compile(criteria);
      endTimer();
      this.metrics.criteriaCompiles.inc();
      this.engine = { compiled, fingerprint, checkedAt: Date.now() };
      this.logger.log(`selectivity engine compiled: ${criteria.length} criteria (${fingerprint})`);
      return compiled;
    })().finally(() => {
      this.compiling = null;
    });
    return this.compiling;
  }

  /**
   * An engine over exactly the given versions (`id@version`), for replaying a decision.
   * @throws NotFoundException naming versions that are not stored.
   */
  async engineForVersions(versions: string[]): Promise<CompiledCriteria> {
    const entries = versions.map(parseSetEntry);
    const definitions = await this.criteria.definitionsOf<SelectivityCriterion>(entries);
    const byVersion = new Map(definitions.map((d) => [`${d.id}@${d.version}`, d]));
    const missing = entries.filter((e) => !byVersion.has(`${e.id}@${e.version}`));
    if (missing.length > 0) throw new NotFoundException(`criterion versions not stored: ${missing.map((e) => `${e.id}@${e.version}`).join(', ')}`);
    // As screening compiled them: with the validity extension the set names.
    return compile(entries.map((e) => {
      const definition = byVersion.get(`${e.id}@${e.version}`)!;
      return { definition: e.extendedTo ? { ...definition, validTo: e.extendedTo } : definition, extendedTo: e.extendedTo };
    }));
  }
}

/** A compiled engine and the criteria-set entry of every criterion it holds (`setEntry`: `id@version[~validTo]`), sorted. */
export interface CompiledCriteria {
  engine: SelectivityEngine;
  versions: string[];
}

function compile(criteria: EffectiveCriterion[]): CompiledCriteria {
  return { engine: SelectivityEngine.compile(criteria.map((c) => c.definition)), versions: criteria.map(setEntry).sort() };
}
