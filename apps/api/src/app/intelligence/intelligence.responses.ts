import type { AttachmentView } from '@customs/persistence';
import type { IntelligenceRiskArea, IntelligenceSourceType, RiskCaseRouting, RiskCaseStatus, SmugglingSubtype } from '@customs/workflows/messages';
import type { IntelligenceSubject } from '../risk-cases/risk-cases.responses';

/** `POST /api/intelligence/{id}/attachments`: the stored attachment and whether this upload stored it. */
export interface AttachmentUpload {
  /** True (201) when this upload stored the file; false (200) when the same bytes were already attached to the report. */
  created: boolean;
  attachment: AttachmentView;
}

/** `GET /api/intelligence/{id}/attachments`: a report's attachments, oldest first, without their bytes. */
export interface AttachmentList {
  attachments: AttachmentView[];
}

/** Who sent a report, as the inbox shows it. */
export interface IntelligenceInboxSource {
  type: IntelligenceSourceType;
  /** The sending organisation (e.g. `Japan Customs`). */
  organisation: string;
  /** The sender's country (ISO 3166-1 alpha-2) when the report names one; null otherwise. */
  country: string | null;
}

/** One report of the intelligence inbox, with the risk case it opened or was linked to. */
export interface IntelligenceInboxItem {
  reportId: string;
  /** ISO timestamp. */
  receivedAt: string;
  /** The reporter (user id). */
  reportedBy: string;
  source: IntelligenceInboxSource;
  riskArea: IntelligenceRiskArea;
  /** What is smuggled, when the risk area is SMUGGLING; null otherwise. */
  smugglingSubtype: SmugglingSubtype | null;
  /**
   * The report's first subjects, as received (at most 3).
   * @maxItems 3
   */
  subjects: IntelligenceSubject[];
  /**
   * How many subjects the report names in all.
   * @minimum 1
   */
  subjectCount: number;
  /** CBTC: routed to the CBTC desk; LOCAL: to the offices in `officeIds`. */
  route: RiskCaseRouting['route'];
  /** Offices routing sent the report to (empty for CBTC). */
  officeIds: string[];
  /** Id of the routing rule that chose the route (`rules/routing/<ruleId>.json`), or `default`. */
  routeRule: string;
  /** True when the report was linked to an existing risk case about the same subjects instead of opening one. */
  duplicate: boolean;
  riskCaseId: string;
  /** The risk case's status; null while the case is not in the read model yet. */
  caseStatus: RiskCaseStatus | null;
  /** True while the risk case has not ended (not CLOSED or DISMISSED; a case not in the read model yet counts as open). */
  caseOpen: boolean;
}

/** `GET /api/intelligence`: one page of a desk's inbox, newest first, and how many reports match. */
export interface IntelligenceInbox {
  reports: IntelligenceInboxItem[];
  /**
   * Reports matching the filters (all pages).
   * @minimum 0
   */
  total: number;
}

/** Subjects an inbox item shows. */
export const INBOX_SUBJECTS_SHOWN = 3;
