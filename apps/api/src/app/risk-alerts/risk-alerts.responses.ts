import type { IntelligenceRiskArea, RiskCaseStatus, RiskLevel, SmugglingSubtype } from '@customs/workflows/messages';

/** A subject to look for: a person or company by name, or an identifier (`importerId IMP123`). */
export interface LookForSubject {
  kind: 'PERSON' | 'COMPANY' | 'IDENTIFIER';
  /** The name, or the identifier's type and value separated by a space. */
  label: string;
  /** An IDENTIFIER's type (`importerId`, `declarantId`, `sellerId`, `courierId`, `businessNumber`, `passportNumber`); null for a name. */
  idType: string | null;
  /** An IDENTIFIER's value; null for a name. */
  value: string | null;
}

/**
 * What the office should look for, from the case's intelligence reports (every report, duplicates
 * removed, at most {@link LOOK_FOR_MAX} of each).
 */
export interface LookFor {
  subjects: LookForSubject[];
  /** HS code or prefix (2-10 digits) and description; either may be null. */
  goods: Array<{ hsCode: string | null; description: string | null }>;
  /** Countries of origin and departure (ISO 3166-1 alpha-2); either may be null. */
  routes: Array<{ originCountry: string | null; departureCountry: string | null }>;
}

/** Items of each kind a `LookFor` lists at most. */
export const LOOK_FOR_MAX = 10;

/** One risk alert: a risk case a CBTC analyst shared with the caller's office (decision SHARE). */
export interface RiskAlert {
  riskCaseId: string;
  /** The case's status now (ASSESSED after the share; TARGETING, ACTIVE or FEEDBACK once targeted later). */
  status: RiskCaseStatus;
  riskArea: IntelligenceRiskArea;
  /** What is smuggled, when the risk area is SMUGGLING; else null. */
  smugglingSubtype: SmugglingSubtype | null;
  riskLevel: RiskLevel | null;
  /** The assessment's composite: mean of the six factors, 1..5, two decimals; null if not recorded. */
  composite: number | null;
  /** The analyst's note with the assessment ('' when none). */
  note: string;
  lookFor: LookFor;
  /** Offices the case is shared with, sorted. */
  sharedWith: string[];
  /** The analyst who shared it. */
  sharedBy: string;
  /** ISO timestamp it was shared. */
  sharedAt: string;
  /** Whether the signed-in user has acknowledged it. */
  acknowledged: boolean;
  /** ISO timestamp the signed-in user acknowledged it; null when not. */
  acknowledgedAt: string | null;
}

/** `GET /api/risk-alerts`: the risk cases shared with the caller's office, most recently shared first. */
export interface RiskAlertList {
  alerts: RiskAlert[];
  /** How many of `alerts` the caller has not acknowledged. */
  unacknowledged: number;
}

/** `POST /api/risk-alerts/:riskCaseId/acknowledge`: the caller's acknowledgement, the same on every repeat. */
export interface RiskAlertAcknowledgement {
  riskCaseId: string;
  userId: string;
  /** ISO timestamp of the first acknowledgement. */
  acknowledgedAt: string;
}
