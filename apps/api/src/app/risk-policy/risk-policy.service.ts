import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from '@customs/config';
import { isKnownOffice } from '@customs/domain';
import type { AuthUser } from '../../services/auth/auth-user';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import type { ScoreQuantilePoint } from '../screening/lane-policy';
import { deriveThresholds, type CapacityPolicy, type DerivedThresholds, type PolicyFigures, type PolicyThresholds } from './derive-thresholds';
import type { PutRiskPolicyDto } from './dto/put-risk-policy.dto';

/** The model cut-offs are derived for: name, version and its recorded score quantiles. */
export interface DecidingModel {
  name: string;
  version: string;
  quantiles: readonly ScoreQuantilePoint[];
}

/** One stored version of an office's policy, as the API shows it. */
export interface PolicyVersionView {
  officeId: string;
  version: number;
  dailyPhysicalCapacity: number;
  dailyDocumentCapacity: number;
  expectedDailyDeclarations: number;
  expectedDailyDeclarationsSource: 'CONFIGURED' | 'MEASURED';
  controlShare: number;
  explorationShare: number;
  /** What was derived when the version was written, for the model deciding then. */
  derivedAtWrite: DerivedThresholds & { model: { name: string; version: string } };
  createdBy: string;
  reason: string;
  createdAt: string;
}

/** The policy in force for one office and one model: what screening records and uses. */
export interface PolicyInForce {
  officeId: string;
  /** The office's newest version, or null when the global configuration applies. */
  version: PolicyVersionView | null;
  model: { name: string; version: string };
  derived: DerivedThresholds;
  /** The thresholds as recorded in `decision_record.record.model.thresholds`. */
  thresholds: PolicyThresholds;
  /** Control draw settings as recorded in `decision_record.record.control`. */
  control: { share: number; seed: string };
}

/** Days of decisions the expected daily declarations are measured over. */
export const MEASURE_DAYS = 28;
/** How long the newest versions are trusted before the table is checked for new ones (ms), as for criteria. */
const FRESHNESS_MS = 2000;

const VERSION_COLUMNS = `office_id AS "officeId", version,
  daily_physical_capacity AS "dailyPhysicalCapacity", daily_document_capacity AS "dailyDocumentCapacity",
  expected_daily_declarations AS "expectedDailyDeclarations", expected_daily_declarations_source AS "expectedDailyDeclarationsSource",
  control_share AS "controlShare", exploration_share AS "explorationShare", derived AS "derivedAtWrite",
  created_by AS "createdBy", reason, created_at AS "createdAt"`;

function capacityPolicy(v: Pick<PolicyVersionView, 'dailyPhysicalCapacity' | 'dailyDocumentCapacity' | 'expectedDailyDeclarations' | 'controlShare' | 'explorationShare'>): CapacityPolicy {
  return {
    source: 'OFFICE_POLICY',
    dailyPhysicalCapacity: v.dailyPhysicalCapacity,
    dailyDocumentCapacity: v.dailyDocumentCapacity,
    expectedDailyDeclarations: v.expectedDailyDeclarations,
    controlShare: v.controlShare,
    explorationShare: v.explorationShare,
  };
}

/**
 * Per-office risk policies (`office_risk_policy`, append-only): capacity figures and control /
 * exploration shares, written only through the audited API, and the cut-offs derived from them.
 *
 * Screening asks {@link policyFor} once per office and batch: the newest versions are cached
 * and re-read when the table changed (checked at most every 2 s; at once after a write through
 * this process), and the derived cut-offs are cached per (policy version, model), so a new
 * deciding model gets cut-offs derived from its own quantiles. Offices without a policy use the
 * global configuration (RED_TOP_SHARE, YELLOW_TOP_SHARE, CONTROL_SHARE; no exploration).
 */
@Injectable()
export class RiskPolicyService {
  private readonly logger = new Logger(RiskPolicyService.name);
  private newest: { byOffice: Map<string, PolicyVersionView>; fingerprint: string; checkedAt: number } | null = null;
  private loading: Promise<Map<string, PolicyVersionView>> | null = null;
  private readonly derivedCache = new Map<string, PolicyInForce>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * The policy in force for an office and a model (cached).
   * @throws RangeError when the model's quantiles cannot give cut-offs (no quantiles).
   */
  async policyFor(officeId: string, model: DecidingModel): Promise<PolicyInForce> {
    return (await this.policiesFor([officeId], model)).get(officeId)!;
  }

  /** {@link policyFor} for several offices at once (one cache check). */
  async policiesFor(officeIds: Iterable<string>, model: DecidingModel): Promise<Map<string, PolicyInForce>> {
    const newest = await this.newestVersions();
    const out = new Map<string, PolicyInForce>();
    for (const officeId of officeIds) {
      if (out.has(officeId)) continue;
      const version = newest.get(officeId) ?? null;
      const key = `${officeId}|${version?.version ?? 'default'}|${model.name}@${model.version}`;
      let inForce = this.derivedCache.get(key);
      if (!inForce) {
        inForce = this.derive(officeId, version, model);
        this.derivedCache.set(key, inForce);
      }
      out.set(officeId, inForce);
    }
    return out;
  }

  /** Every version of an office's policy, newest first. */
  async history(officeId: string): Promise<PolicyVersionView[]> {
    this.assertKnownOffice(officeId);
    return this.db.query(`SELECT ${VERSION_COLUMNS} FROM office_risk_policy WHERE office_id = $1 ORDER BY version DESC`, [officeId]);
  }

  /**
   * Writes a new version of an office's policy from `dto` (author: `user`), deriving its cut-offs
   * for `model`. Re-sending the figures and reason of the newest version writes nothing.
   * @returns the version in force and whether it was created by this call.
   * @throws NotFoundException for an unknown office; BadRequestException naming the field when
   *   a figure is absurd (a capacity above the expected declarations, a share out of range) or
   *   when expectedDailyDeclarations is omitted and there are not 28 days of decisions to measure it.
   */
  async write(officeId: string, dto: PutRiskPolicyDto, user: AuthUser, model: DecidingModel): Promise<{ created: boolean; policy: PolicyInForce }> {
    this.assertKnownOffice(officeId);
    let expected = dto.expectedDailyDeclarations;
    let source: 'CONFIGURED' | 'MEASURED' = 'CONFIGURED';
    if (expected === undefined || expected === null) {
      const measured = await this.measureDailyDeclarations(officeId);
      if (measured.mean === null) {
        throw new BadRequestException({
          statusCode: 400,
          error: 'Bad Request',
          message: [`expectedDailyDeclarations is required: office ${officeId} has ${measured.decisions} decision(s) in the last ${MEASURE_DAYS} days and ${measured.covered ? '' : 'not '}${MEASURE_DAYS} days of history, too little to measure it`],
        });
      }
      expected = measured.mean;
      source = 'MEASURED';
    }
    const figures = { ...dto, expectedDailyDeclarations: expected };
    let derived: DerivedThresholds;
    try {
      derived = deriveThresholds(capacityPolicy(figures), model.quantiles);
    } catch (err) {
      if (err instanceof RangeError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [err.message] });
      throw err;
    }
    const reason = dto.reason.trim();
    const [current] = await this.db.query(`SELECT ${VERSION_COLUMNS} FROM office_risk_policy WHERE office_id = $1 ORDER BY version DESC LIMIT 1`, [officeId]);
    if (current && sameFigures(current, { ...figures, expectedDailyDeclarations: dto.expectedDailyDeclarations ?? null }, source, reason)) {
      return { created: false, policy: (await this.policiesFor([officeId], model)).get(officeId)! };
    }
    const derivedAtWrite = { ...derived, model: { name: model.name, version: model.version } };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.query(
          `INSERT INTO office_risk_policy (office_id, version, daily_physical_capacity, daily_document_capacity, expected_daily_declarations,
             expected_daily_declarations_source, control_share, exploration_share, derived, model_name, model_version, created_by, reason)
           SELECT $1::varchar, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM office_risk_policy WHERE office_id = $1::varchar`,
          [officeId, dto.dailyPhysicalCapacity, dto.dailyDocumentCapacity, expected, source, dto.controlShare, dto.explorationShare,
            JSON.stringify(derivedAtWrite), model.name, model.version, user.id, reason],
        );
        break;
      } catch (err) {
        // Two writers took the same next version: the unique key refused one; try again with the next.
        if ((err as { code?: string }).code === '23505' && attempt < 5) continue;
        throw err;
      }
    }
    this.newest = null;
    const policy = (await this.policiesFor([officeId], model)).get(officeId)!;
    this.logger.log(`risk policy of office ${officeId} v${policy.version?.version} by ${user.id}: RED >= ${derived.red}, YELLOW >= ${derived.yellow}`);
    return { created: true, policy };
  }

  /**
   * The mean daily count of the office's decision records over the last 28 days, or null when
   * its first decision is less than 28 days old (the mean would be too low) or there is none.
   */
  async measureDailyDeclarations(officeId: string): Promise<{ mean: number | null; decisions: number; covered: boolean }> {
    const [r] = await this.db.query(
      `SELECT count(*) FILTER (WHERE decided_at >= now() - make_interval(days => $2))::int AS decisions,
              coalesce(min(decided_at) <= now() - make_interval(days => $2), false) AS covered
       FROM decision_record WHERE office_id = $1`,
      [officeId, MEASURE_DAYS],
    );
    const mean = r.covered && r.decisions > 0 ? Math.round((100 * r.decisions) / MEASURE_DAYS) / 100 : null;
    return { mean, decisions: r.decisions, covered: r.covered };
  }

  /** @throws NotFoundException (404) for an office code not in the KCS code list. */
  assertKnownOffice(officeId: string): void {
    if (!isKnownOffice(officeId)) throw new NotFoundException(`customs office ${officeId} is unknown (not in the KCS office code list)`);
  }

  private derive(officeId: string, version: PolicyVersionView | null, model: DecidingModel): PolicyInForce {
    const figures: PolicyFigures = version
      ? capacityPolicy(version)
      : { source: 'GLOBAL_DEFAULT', redTopShare: this.config.redTopShare, yellowTopShare: this.config.yellowTopShare, controlShare: this.config.controlShare, explorationShare: 0 };
    const derived = deriveThresholds(figures, model.quantiles);
    const thresholds: PolicyThresholds = {
      red: derived.red,
      yellow: derived.yellow,
      redTopShare: derived.redTopShare,
      yellowTopShare: derived.yellowTopShare,
      exploration: derived.exploration,
      policy: {
        officeId,
        source: figures.source,
        version: version?.version ?? null,
        dailyPhysicalCapacity: version?.dailyPhysicalCapacity ?? null,
        dailyDocumentCapacity: version?.dailyDocumentCapacity ?? null,
        expectedDailyDeclarations: version?.expectedDailyDeclarations ?? null,
        expectedDailyDeclarationsSource: version?.expectedDailyDeclarationsSource ?? null,
        requestedRedTopShare: derived.requestedRedTopShare,
        requestedYellowTopShare: derived.requestedYellowTopShare,
        notes: derived.notes,
      },
    };
    return { officeId, version, model: { name: model.name, version: model.version }, derived, thresholds, control: { share: derived.controlShare, seed: this.config.controlSeed } };
  }

  /** The newest version of every office's policy, re-read when the table changed. */
  private async newestVersions(): Promise<Map<string, PolicyVersionView>> {
    if (this.newest && Date.now() - this.newest.checkedAt < FRESHNESS_MS) return this.newest.byOffice;
    if (this.loading) return this.loading;
    this.loading = (async () => {
      const [{ fingerprint }] = await this.db.query(`SELECT count(*) || ':' || coalesce(max(id)::text, '') AS fingerprint FROM office_risk_policy`);
      if (this.newest && this.newest.fingerprint === fingerprint) {
        this.newest.checkedAt = Date.now();
        return this.newest.byOffice;
      }
      const rows: PolicyVersionView[] = await this.db.query(
        `SELECT DISTINCT ON (office_id) ${VERSION_COLUMNS} FROM office_risk_policy ORDER BY office_id, version DESC`,
      );
      const byOffice = new Map(rows.map((r) => [r.officeId, r]));
      this.newest = { byOffice, fingerprint, checkedAt: Date.now() };
      return byOffice;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }
}

/** Whether a PUT repeats the newest version (same figures, same expected-declarations source, same reason). */
function sameFigures(
  current: PolicyVersionView,
  next: Omit<PutRiskPolicyDto, 'expectedDailyDeclarations'> & { expectedDailyDeclarations: number | null },
  source: 'CONFIGURED' | 'MEASURED',
  reason: string,
): boolean {
  return (
    current.dailyPhysicalCapacity === next.dailyPhysicalCapacity &&
    current.dailyDocumentCapacity === next.dailyDocumentCapacity &&
    current.controlShare === next.controlShare &&
    current.explorationShare === next.explorationShare &&
    current.expectedDailyDeclarationsSource === source &&
    (source === 'MEASURED' || current.expectedDailyDeclarations === next.expectedDailyDeclarations) &&
    current.reason === reason
  );
}
