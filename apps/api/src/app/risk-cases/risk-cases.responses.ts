import type { SelectivityCriterion } from '@customs/selectivity';
import type {
  IntelligenceRiskArea, IntelligenceSourceType, RiskCaseEventType, RiskCaseRouting, RiskCaseState, RiskCaseStatus, RiskLevel, SmugglingSubtype,
} from '@customs/workflows/messages';

/** One risk case as listed: the `risk_case` read model, as the workflow last projected it. */
export interface RiskCaseListItem {
  riskCaseId: string;
  status: RiskCaseStatus;
  riskArea: IntelligenceRiskArea;
  /** CBTC: worked by the CBTC desk; LOCAL: by the offices it is routed to. */
  route: RiskCaseRouting['route'];
  /** Offices the case is routed to or shared with, sorted. */
  officeIds: string[];
  /** The assessment's risk level; null before the case is assessed. */
  riskLevel: RiskLevel | null;
  /** What is smuggled (the intelligence's subtype) when the risk area is SMUGGLING; null otherwise. */
  smugglingSubtype: SmugglingSubtype | null;
  /** ISO timestamp the validity window of its criteria ends (or ended); null without a window. */
  windowEndsAt: string | null;
  /** ISO timestamp the case was opened. */
  openedAt: string;
  /** ISO timestamp of its last event. */
  updatedAt: string;
}

/** How many risk cases are in each status (every status present, 0 when none). */
export type RiskCaseStatusCounts = Record<RiskCaseStatus, number>;

/** `GET /api/risk-cases`: one page of risk cases, newest first, how many match, and how many are in each status. */
export interface RiskCaseList {
  riskCases: RiskCaseListItem[];
  /** Risk cases matching the filter (all pages). */
  total: number;
  /** Risk cases in each status under the same filters but `status` (for the board's column counts). */
  counts: RiskCaseStatusCounts;
}

/** A subject of an intelligence report: a person or company by name, or an identifier. Optional fields are absent or null when not given. */
export interface IntelligenceSubject {
  kind: 'PERSON' | 'COMPANY' | 'IDENTIFIER';
  /** Name of a PERSON or COMPANY. */
  name?: string | null;
  /** Type of an IDENTIFIER (`importerId`, `declarantId`, `sellerId`, `courierId`, `businessNumber`, `passportNumber`). */
  idType?: string | null;
  /** Value of an IDENTIFIER. */
  value?: string | null;
}

/**
 * The body of an intelligence report as received (`POST /api/intelligence`, `CreateIntelligenceDto`)
 * and stored, with the route it was given. Optional fields are absent or null when not given;
 * `goods` and `routes` are empty then.
 */
export interface IntelligenceReport {
  source: {
    organisation: string;
    type: IntelligenceSourceType;
    /** The sender's country (ISO 3166-1 alpha-2) when the report names one. */
    country?: string | null;
  };
  riskArea: IntelligenceRiskArea;
  /** What is smuggled, when the risk area is SMUGGLING. */
  smugglingSubtype?: SmugglingSubtype | null;
  subjects: IntelligenceSubject[];
  goods: Array<{
    /** HS code or prefix, 2-10 digits. */
    hsCode?: string | null;
    description?: string | null;
  }>;
  /** Countries of origin and departure (ISO 3166-1 alpha-2). */
  routes: Array<{
    originCountry?: string | null;
    departureCountry?: string | null;
  }>;
  /** Office that detected it (local detections). */
  reportingOfficeId?: string | null;
  /** Office of the port the intelligence concerns. */
  portOfficeId?: string | null;
  /** The report in free text. */
  text: string;
  routing: RiskCaseRouting;
}

/** One intelligence report of a risk case: the report that opened it, or one linked to it later about the same subjects. */
export interface RiskCaseReport {
  reportId: string;
  /** True when the report was linked to the existing case as a duplicate. */
  duplicate: boolean;
  report: IntelligenceReport;
  route: RiskCaseRouting['route'];
  /** Id of the routing rule that chose the route (`rules/routing/<ruleId>.json`), or `default`. */
  routeRule: string;
  /** The reporter (user id). */
  reportedBy: string;
  /** ISO timestamp. */
  receivedAt: string;
}

/** One event of a risk case's append-only history. */
export interface RiskCaseHistoryEvent {
  /** 1, 2, ... in order. */
  seq: number;
  type: RiskCaseEventType;
  /** Who caused it (user id, or `system`). */
  actor: string;
  /** What the event recorded (its fields depend on the type). */
  payload: Record<string, unknown>;
  /** ISO timestamp. */
  occurredAt: string;
}

/**
 * `GET /api/risk-cases/{id}`: the risk case as the workflow last projected it (routing,
 * assessment, linked criteria, validity window, feedback per criterion), with its reports and history.
 */
export interface RiskCaseDetail extends RiskCaseState {
  route: RiskCaseRouting['route'];
  /** Offices the case is routed to or shared with, sorted. */
  officeIds: string[];
  /** The assessment's risk level; null before the case is assessed. */
  riskLevel: RiskLevel | null;
  /** ISO timestamp the case was opened. */
  openedAt: string;
  /** ISO timestamp of its last event. */
  updatedAt: string;
  /** Its intelligence reports, oldest first. */
  reports: RiskCaseReport[];
  /** Its history, in order. */
  events: RiskCaseHistoryEvent[];
}

/** A criterion version drafted from a risk case: stored, awaiting approval by another user (`POST /api/criteria/{id}/versions/{version}/approve`). */
export interface DraftedCriterion extends SelectivityCriterion {
  /** The author (user id). */
  createdBy: string;
  /** Always false: a drafted version is not in force until approved. */
  approved: false;
}

/**
 * `POST /api/risk-cases/{id}/criteria` and `.../criteria/{criterionId}/retire`: the criterion
 * version written (a draft, or a RETIRED version) and the risk case with it linked.
 */
export interface RiskCaseCriterionDraft {
  criterion: DraftedCriterion;
  riskCase: RiskCaseState;
}
