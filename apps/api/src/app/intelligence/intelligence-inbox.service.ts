import { Injectable } from '@nestjs/common';
import { IntelligenceRepository, type IntelligenceInboxRow } from '@customs/persistence';
import type { RiskCaseStatus } from '@customs/workflows/messages';
import type { AuthUser } from '../../services/auth/auth-user';
import { isOfficeBound } from '../../services/auth/office-scope';
import type { IntelligenceReport } from '../risk-cases/risk-cases.responses';
import { INBOX_SUBJECTS_SHOWN, type IntelligenceInbox, type IntelligenceInboxItem } from './intelligence.responses';
import type { ListIntelligenceDto } from './list-intelligence.dto';

/** Statuses of a risk case that has ended. */
const ENDED: readonly string[] = ['CLOSED', 'DISMISSED'];

/** A stored report body as the inbox reads it; `source.country` is kept when a report carries one. */
type StoredReport = IntelligenceReport & { source: IntelligenceReport['source'] & { country?: string | null } };

/**
 * The inbox item of one stored report: source, risk area and subtype, its first subjects,
 * routing, and its risk case with whether that case is still open.
 */
export function inboxItem(row: IntelligenceInboxRow<StoredReport>): IntelligenceInboxItem {
  const { report } = row;
  return {
    reportId: row.reportId,
    receivedAt: row.receivedAt,
    reportedBy: row.reportedBy,
    source: { type: report.source.type, organisation: report.source.organisation, country: report.source.country ?? null },
    riskArea: report.riskArea,
    smugglingSubtype: report.smugglingSubtype ?? null,
    subjects: report.subjects.slice(0, INBOX_SUBJECTS_SHOWN),
    subjectCount: report.subjects.length,
    route: row.route as IntelligenceInboxItem['route'],
    officeIds: report.routing?.officeIds ?? [],
    routeRule: row.routeRule,
    duplicate: row.duplicate,
    riskCaseId: row.riskCaseId,
    caseStatus: row.caseStatus as RiskCaseStatus | null,
    caseOpen: row.caseStatus === null || !ENDED.includes(row.caseStatus),
  };
}

/**
 * The intelligence inbox of a desk (`GET /api/intelligence`): reports newest first, filtered by
 * desk, risk area, source type, received dates and whether they were linked to an existing case.
 * CBTC analysts and auditors see every report; officers and supervisors only those whose risk
 * case is routed to or shared with their office (as `GET /api/risk-cases`).
 */
@Injectable()
export class IntelligenceInboxService {
  constructor(private readonly intelligence: IntelligenceRepository) {}

  /** One page of the inbox for `user` (default 50 reports from the newest), and how many match. */
  async list(q: ListIntelligenceDto, user: AuthUser): Promise<IntelligenceInbox> {
    const { reports, total } = await this.intelligence.inbox<StoredReport>(
      {
        visibleToOffice: isOfficeBound(user) ? user.officeId : undefined,
        desk: q.desk,
        riskArea: q.riskArea,
        sourceType: q.sourceType,
        from: q.from,
        to: q.to,
        linked: q.linked === undefined ? undefined : q.linked === 'true',
      },
      q.limit ?? 50,
      q.offset ?? 0,
    );
    return { reports: reports.map(inboxItem), total };
  }
}
