import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { RuntimeConfig } from '@customs/config';
import { capacityPolicy, deriveThresholds, officeThresholds, previewPolicy, type DerivedThresholds, type GlobalPolicyDefaults, type OfficeThresholds, type PolicyPreview } from '@customs/decision';
import { isKnownOffice } from '@customs/domain';
import { DecisionRecordRepository, OfficeRiskPolicyRepository, type PolicyVersionView } from '@customs/persistence';
import type { AuthUser } from '../../services/auth/auth-user';
import { RUNTIME_CONFIG } from '../../services/config/config.module';
import type { DecidingModel } from '../models/risk-scoring.service';
import type { PreviewRiskPolicyDto, PutRiskPolicyDto } from './dto/put-risk-policy.dto';

export type { PolicyVersionView };

/** The policy in force for one office and one model: what screening records and uses. */
export interface PolicyInForce extends OfficeThresholds {
  officeId: string;
  /** The office's newest version, or null when the global configuration applies. */
  version: PolicyVersionView | null;
  model: { name: string; version: string };
}

/** The policy preview of an office: its recent decisions under the policy in force and under the proposed figures. */
export interface RiskPolicyPreview extends PolicyPreview {
  officeId: string;
  model: { name: string; version: string };
  /** Days of decisions looked at. */
  days: number;
  /** Decisions of those days scored by another model version (not comparable, left out). */
  skipped: number;
  currentThresholds: DerivedThresholds;
  proposedThresholds: DerivedThresholds;
}

/** At most this many recent decisions are re-decided by a preview (newest first). */
export const PREVIEW_LIMIT = 50_000;

/** Days of decisions the expected daily declarations are measured over. */
export const MEASURE_DAYS = 28;
/** How long the newest versions are trusted before the table is checked for new ones (ms), as for criteria. */
const FRESHNESS_MS = 2000;

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
    private readonly policies: OfficeRiskPolicyRepository,
    private readonly decisions: DecisionRecordRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The global configuration offices without a policy decide with. */
  get defaults(): GlobalPolicyDefaults {
    return {
      redTopShare: this.config.redTopShare,
      yellowTopShare: this.config.yellowTopShare,
      controlShare: this.config.controlShare,
      criticalRedTopShare: this.config.criticalRedTopShare,
      controlSeed: this.config.controlSeed,
    };
  }

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
    return this.policies.history(officeId);
  }

  /**
   * Writes a new version of an office's policy from `dto` (author: `user`), deriving its cut-offs
   * for `model`. Re-sending the figures and reason of the newest version writes nothing.
   * @returns the version in force and whether it was created by this call.
   * @throws NotFoundException for an unknown office; BadRequestException naming the field when
   *   a figure is absurd (a capacity above the expected declarations, a share out of range);
   *   ConflictException (409) when expectedDailyDeclarations is omitted and there are not 28 days
   *   of decisions to measure it.
   */
  async write(officeId: string, dto: PutRiskPolicyDto, user: AuthUser, model: DecidingModel): Promise<{ created: boolean; policy: PolicyInForce }> {
    this.assertKnownOffice(officeId);
    const { figures, source, derived } = await this.figuresOf(officeId, dto, model);
    const expected = figures.expectedDailyDeclarations;
    const reason = dto.reason.trim();
    const current = await this.policies.newest(officeId);
    if (current && sameFigures(current, { ...figures, expectedDailyDeclarations: dto.expectedDailyDeclarations ?? null }, source, reason)) {
      return { created: false, policy: (await this.policiesFor([officeId], model)).get(officeId)! };
    }
    const derivedAtWrite = { ...derived, model: { name: model.name, version: model.version } };
    await this.policies.append({
      officeId,
      dailyPhysicalCapacity: dto.dailyPhysicalCapacity,
      dailyDocumentCapacity: dto.dailyDocumentCapacity,
      expectedDailyDeclarations: expected,
      expectedDailyDeclarationsSource: source,
      controlShare: dto.controlShare,
      explorationShare: dto.explorationShare,
      derivedAtWrite,
      createdBy: user.id,
      reason,
    });
    this.newest = null;
    const policy = (await this.policiesFor([officeId], model)).get(officeId)!;
    this.logger.log(`risk policy of office ${officeId} v${policy.version?.version} by ${user.id}: RED >= ${derived.red}, YELLOW >= ${derived.yellow}`);
    return { created: true, policy };
  }

  /**
   * The policy preview: the office's decisions of the last 28 days (up to {@link PREVIEW_LIMIT},
   * newest first) decided again under the policy in force and under the figures proposed in
   * `dto`, with the same recorded criteria, scores and draws (`previewPolicy` in @customs/decision).
   * Only decisions scored by the deciding model count (other versions' scores are not comparable
   * with its cut-offs); the others are reported as `skipped`. Writes nothing.
   * @throws as {@link write} for an unknown office or absurd figures.
   */
  async preview(officeId: string, dto: PreviewRiskPolicyDto, model: DecidingModel): Promise<RiskPolicyPreview> {
    this.assertKnownOffice(officeId);
    const { figures, source } = await this.figuresOf(officeId, dto, model);
    const proposedVersion = { version: 0, ...figures, expectedDailyDeclarationsSource: source };
    const proposed = officeThresholds(officeId, proposedVersion, model, this.defaults);
    const current = await this.policyFor(officeId, model);
    const records = await this.decisions.recentRecords(officeId, MEASURE_DAYS, PREVIEW_LIMIT);
    // Records without model or control settings (none are written today) cannot be decided again.
    const comparable = records.filter((r) => r.model?.name === model.name && r.model.version === model.version && r.control !== undefined);
    const preview = previewPolicy(
      comparable,
      { thresholds: current.thresholds, controlShare: current.control.share },
      { thresholds: proposed.thresholds, controlShare: proposed.control.share },
    );
    return {
      officeId,
      model: { name: model.name, version: model.version },
      days: MEASURE_DAYS,
      skipped: records.length - comparable.length,
      ...preview,
      currentThresholds: current.derived,
      proposedThresholds: proposed.derived,
    };
  }

  /**
   * The capacity figures of a PUT or preview body, with the expected daily declarations measured
   * when omitted, and the cut-offs they give for `model`.
   * @throws BadRequestException naming the field (see {@link write}); ConflictException (409) when
   *   `expectedDailyDeclarations` is omitted and the office has too little history to measure it.
   */
  private async figuresOf(officeId: string, dto: PreviewRiskPolicyDto, model: DecidingModel) {
    let expected = dto.expectedDailyDeclarations;
    let source: 'CONFIGURED' | 'MEASURED' = 'CONFIGURED';
    if (expected === undefined || expected === null) {
      const measured = await this.measureDailyDeclarations(officeId);
      if (measured.mean === null) {
        // 409: the request is well-formed; the office's recorded history is what falls short.
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          message: [`expectedDailyDeclarations is required: office ${officeId} has ${measured.decisions} decision(s) in the last ${MEASURE_DAYS} days and ${measured.covered ? '' : 'not '}${MEASURE_DAYS} days of history, too little to measure it`],
        });
      }
      expected = measured.mean;
      source = 'MEASURED';
    }
    const figures = {
      dailyPhysicalCapacity: dto.dailyPhysicalCapacity,
      dailyDocumentCapacity: dto.dailyDocumentCapacity,
      expectedDailyDeclarations: expected,
      controlShare: dto.controlShare,
      explorationShare: dto.explorationShare,
    };
    let derived: DerivedThresholds;
    try {
      derived = deriveThresholds(capacityPolicy(figures), model.quantiles);
    } catch (err) {
      if (err instanceof RangeError) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [err.message] });
      throw err;
    }
    return { figures, source, derived };
  }

  /**
   * The mean daily count of the office's decision records over the last 28 days, or null when
   * its first decision is less than 28 days old (the mean would be too low) or there is none.
   */
  async measureDailyDeclarations(officeId: string): Promise<{ mean: number | null; decisions: number; covered: boolean }> {
    const r = await this.decisions.recentVolume(officeId, MEASURE_DAYS);
    const mean = r.covered && r.decisions > 0 ? Math.round((100 * r.decisions) / MEASURE_DAYS) / 100 : null;
    return { mean, decisions: r.decisions, covered: r.covered };
  }

  /** @throws NotFoundException (404) for an office code not in the KCS code list. */
  assertKnownOffice(officeId: string): void {
    if (!isKnownOffice(officeId)) throw new NotFoundException(`customs office ${officeId} is unknown (not in the KCS office code list)`);
  }

  private derive(officeId: string, version: PolicyVersionView | null, model: DecidingModel): PolicyInForce {
    return { officeId, version, model: { name: model.name, version: model.version }, ...officeThresholds(officeId, version, model, this.defaults) };
  }

  /** The newest version of every office's policy, re-read when the table changed. */
  private async newestVersions(): Promise<Map<string, PolicyVersionView>> {
    if (this.newest && Date.now() - this.newest.checkedAt < FRESHNESS_MS) return this.newest.byOffice;
    if (this.loading) return this.loading;
    this.loading = (async () => {
      const fingerprint = await this.policies.fingerprint();
      if (this.newest && this.newest.fingerprint === fingerprint) {
        this.newest.checkedAt = Date.now();
        return this.newest.byOffice;
      }
      const byOffice = await this.policies.newestOfEachOffice();
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
  next: Omit<PutRiskPolicyDto, 'expectedDailyDeclarations' | 'reason'> & { expectedDailyDeclarations: number | null },
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
