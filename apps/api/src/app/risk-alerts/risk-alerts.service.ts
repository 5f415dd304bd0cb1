import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { RiskAlertRepository, RiskCaseRepository } from '@customs/persistence';
import type { IntelligenceRiskArea, RiskCaseState, RiskCaseStatus, RiskLevel, SmugglingSubtype } from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { lookFor, type ReportParts } from './look-for';
import type { RiskAlert, RiskAlertAcknowledgement, RiskAlertList } from './risk-alerts.responses';

/** Alerts listed at most: an office is shared a few cases a week, so this is weeks of them. */
export const RISK_ALERTS_MAX = 100;

/**
 * Risk alerts: the risk cases a CBTC analyst shared with an office (assessment decision SHARE,
 * which the risk-case workflow records as `sharedWith` and a SHARED event), shown to that
 * office's local officers and supervisors until the case ends (CLOSED or DISMISSED), and each
 * user's acknowledgement of them. Only office-bound users have alerts (the controller's roles):
 * analysts and auditors read the risk cases themselves.
 */
@Injectable()
export class RiskAlertsService {
  constructor(
    private readonly alerts: RiskAlertRepository,
    private readonly riskCases: RiskCaseRepository,
  ) {}

  /**
   * The alerts of the caller's office, most recently shared first (at most {@link RISK_ALERTS_MAX}),
   * each with what to look for from the case's intelligence and whether the caller acknowledged it.
   * @throws ForbiddenException for a caller without an office.
   */
  async list(user: AuthUser): Promise<RiskAlertList> {
    const officeId = this.officeOf(user);
    const rows = await this.alerts.sharedWith(officeId, user.id, RISK_ALERTS_MAX);
    const reports = await this.alerts.reportsOf<ReportParts>(rows.map((r) => r.riskCaseId));
    const alerts: RiskAlert[] = rows.map((r) => ({
      riskCaseId: r.riskCaseId,
      // The read model holds what the workflow projected from its typed state.
      status: r.status as RiskCaseStatus,
      riskArea: r.riskArea as IntelligenceRiskArea,
      smugglingSubtype: r.smugglingSubtype as SmugglingSubtype | null,
      riskLevel: r.riskLevel as RiskLevel | null,
      composite: r.composite,
      note: r.note,
      lookFor: lookFor(reports.get(r.riskCaseId) ?? []),
      sharedWith: r.sharedWith,
      sharedBy: r.sharedBy,
      sharedAt: r.sharedAt,
      acknowledged: r.acknowledgedAt !== null,
      acknowledgedAt: r.acknowledgedAt,
    }));
    return { alerts, unacknowledged: alerts.filter((a) => !a.acknowledged).length };
  }

  /**
   * Records that the caller has read the alert of a risk case shared with their office. Idempotent:
   * a repeat answers the first acknowledgement's time. A case that has ended since can still be acknowledged.
   * @throws NotFoundException unknown risk case; ForbiddenException the case is not shared with the caller's office.
   */
  async acknowledge(riskCaseId: string, user: AuthUser): Promise<RiskAlertAcknowledgement> {
    const officeId = this.officeOf(user);
    const row = await this.riskCases.findWithState<RiskCaseState>(riskCaseId);
    if (!row) throw new NotFoundException(`risk case ${riskCaseId} is unknown`);
    if (!(row.state.sharedWith ?? []).includes(officeId)) {
      throw new ForbiddenException(`risk case ${riskCaseId} is not shared with office ${officeId}: there is no alert of it for ${user.id} to acknowledge`);
    }
    const acknowledgedAt = await this.alerts.acknowledge(riskCaseId, user.id, officeId, new Date());
    return { riskCaseId, userId: user.id, acknowledgedAt };
  }

  private officeOf(user: AuthUser): string {
    if (!user.officeId) throw new ForbiddenException(`${user.role} ${user.id} belongs to no customs office, so has no risk alerts`);
    return user.officeId;
  }
}
