import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/**
 * Contracts of the risk-case workflow (one durable case per piece of intelligence), shared by
 * the workflow, its activities and the API client. Never refer to these messages by bare strings.
 * Refused updates fail with the inspection case's types: `IllegalTransition` (HTTP 409) and
 * `InvalidCaseInput` (HTTP 422).
 */

/** Risk-case states: IDENTIFIED -> ASSESSED -> TARGETING -> ACTIVE -> FEEDBACK -> CLOSED, or DISMISSED. */
export const RISK_CASE_STATUSES = ['IDENTIFIED', 'ASSESSED', 'TARGETING', 'ACTIVE', 'FEEDBACK', 'CLOSED', 'DISMISSED'] as const;
export type RiskCaseStatus = (typeof RISK_CASE_STATUSES)[number];
/** States in which the workflow has ended. */
export const TERMINAL_RISK_CASE_STATUSES: readonly RiskCaseStatus[] = ['CLOSED', 'DISMISSED'];

/** Who sent the intelligence. */
export const INTELLIGENCE_SOURCE_TYPES = ['FOREIGN_CUSTOMS', 'DOMESTIC_AGENCY', 'INTELLIGENCE_SERVICE', 'ENFORCEMENT', 'LOCAL_CUSTOMS'] as const;
export type IntelligenceSourceType = (typeof INTELLIGENCE_SOURCE_TYPES)[number];

/** Risk areas of the CBTC risk lifecycle, as intelligence names them (smuggling has a subtype). */
export const INTELLIGENCE_RISK_AREAS = [
  'TAX_EVASION', 'UNFAIR_TRADE', 'ENVIRONMENT', 'NATIONAL_SECURITY', 'PUBLIC_HEALTH', 'ILLEGAL_FOREIGN_EXCHANGE',
  'SMUGGLING', 'ORIGIN_FRAUD', 'UNDERVALUATION',
] as const;
export type IntelligenceRiskArea = (typeof INTELLIGENCE_RISK_AREAS)[number];
/** What is smuggled, when the risk area is SMUGGLING. */
export const SMUGGLING_SUBTYPES = ['DRUGS', 'WEAPONS', 'CULTURAL_PROPERTY', 'ENDANGERED_SPECIES', 'COUNTERFEIT', 'OTHER'] as const;
export type SmugglingSubtype = (typeof SMUGGLING_SUBTYPES)[number];

/** The six assessment factors, each scored 1 (weak) to 5 (strong). */
export const ASSESSMENT_FACTORS = ['timeliness', 'importance', 'applicability', 'accuracy', 'reliability', 'influence'] as const;
export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];
export type AssessmentScores = Record<AssessmentFactor, number>;
/** What the analyst decides after assessing. */
export const ASSESSMENT_DECISIONS = ['DISMISS', 'SHARE', 'TARGET'] as const;
export type AssessmentDecision = (typeof ASSESSMENT_DECISIONS)[number];
export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Default validity window of a risk case's criteria: 15 days (CBTC practice), in ms. */
export const DEFAULT_RISK_WINDOW_MS = 15 * 24 * 60 * 60 * 1000;

/**
 * Composite of an assessment: the mean of the six factors, two decimals; risk level HIGH from
 * 4.0, MEDIUM from 3.0, else LOW. Pure, so the workflow and the API compute it alike.
 */
export function assessRisk(scores: AssessmentScores): { composite: number; riskLevel: RiskLevel } {
  const sum = ASSESSMENT_FACTORS.reduce((s, f) => s + scores[f], 0);
  const composite = Math.round((sum / ASSESSMENT_FACTORS.length) * 100) / 100;
  return { composite, riskLevel: composite >= 4 ? 'HIGH' : composite >= 3 ? 'MEDIUM' : 'LOW' };
}

/** Where routing sent the intelligence: the CBTC desk, or local offices; and the rule that chose it. */
export interface RiskCaseRouting {
  route: 'CBTC' | 'LOCAL';
  /** Offices that work the case when `route` is LOCAL (empty for CBTC). */
  officeIds: string[];
  /** Id of the routing rule (`rules/routing/<ruleId>.json`), or `default`. */
  ruleId: string;
  reason: string;
}

/** Start argument of the risk-case workflow. */
export interface RiskCaseInput {
  riskCaseId: string;
  /** The first intelligence report (`intelligence_report.report_id`). */
  reportId: string;
  riskArea: IntelligenceRiskArea;
  smugglingSubtype: SmugglingSubtype | null;
  /** Normalised subject keys, e.g. `importerId:IMP123`; duplicates are found by them. */
  subjectKeys: string[];
  routing: RiskCaseRouting;
  reportedBy: string;
  /** Window of a linked criterion that names none (default 15 days), ms. */
  defaultWindowMs: number;
  /**
   * Events one run of the workflow records before it continues as new (default
   * {@link RISK_CASE_EVENTS_PER_RUN}); tests set it low.
   */
  eventsPerRun?: number;
  /** Set by the workflow itself when it continues as new: the state it carries into the next run. */
  resume?: RiskCaseResume;
}

/** What a risk case carries from one run to the next (continue-as-new). */
export interface RiskCaseResume {
  state: RiskCaseState;
  /** Epoch ms the validity window ends while ACTIVE (workflow time); 0 otherwise. */
  windowEndsMs: number;
}

/**
 * Events (transitions and feedback) one run of the risk-case workflow records before it
 * continues as new with its state: each costs about three history events (the update or signal,
 * the projection's local-activity marker, the task), so a run stays near 1,000 history events,
 * far below Temporal's limits (50,000 events, 50 MB) however many inspections a broad criterion
 * reports.
 */
export const RISK_CASE_EVENTS_PER_RUN = 300;

export interface AssessRiskCaseInput {
  scores: AssessmentScores;
  decision: AssessmentDecision;
  /** Offices the intelligence is shared with (SHARE: at least one). */
  shareWith?: string[];
  note?: string;
  actor: string;
}

export interface LinkCriterionInput {
  criterionId: string;
  version: number;
  /** Validity window once approved, ms (default: the case's `defaultWindowMs`). */
  windowMs?: number;
  /** True when this version retires the criterion (status RETIRED): its approval ends the criterion, it does not activate the case. */
  retires?: boolean;
  actor: string;
}

export interface CriterionApprovedInput {
  criterionId: string;
  version: number;
  actor: string;
}

export interface AdjustWindowInput {
  /** EXTEND moves the end by `extendMs`; END ends the window now (-> FEEDBACK). */
  action: 'EXTEND' | 'END';
  extendMs?: number;
  actor: string;
}

export interface CloseRiskCaseInput {
  note: string;
  actor: string;
}

/** Sent by the worker when an inspection case selected by a linked criterion opens or records its result. */
export interface InspectionReport {
  kind: 'SELECTED' | 'RESULT';
  inspectionCaseId: string;
  declarationId: string;
  /** The fired criteria of the inspection case (only the linked ones count). */
  criterionIds: string[];
  lane?: string;
  outcome?: 'NO_FINDING' | 'DISCREPANCY' | 'SEIZURE';
  verdicts?: Array<{ criterionId: string; appropriate: boolean; note?: string }>;
}

/** A duplicate report about the same subjects, linked to this case instead of opening another. */
export interface LinkedReport {
  reportId: string;
  subjectKeys: string[];
  actor: string;
}

/** Feedback on one linked criterion: its selections, results by outcome, hit rate and verdicts. */
export interface CriterionFeedback {
  criterionId: string;
  selections: number;
  results: { NO_FINDING: number; DISCREPANCY: number; SEIZURE: number };
  /** Results with a finding (DISCREPANCY or SEIZURE). */
  hits: number;
  /** hits / results recorded (0..1); null before the first result. */
  hitRate: number | null;
  appropriate: number;
  notAppropriate: number;
  notes: string[];
}

/** The risk case as the workflow holds it (source of truth). */
export interface RiskCaseState {
  riskCaseId: string;
  status: RiskCaseStatus;
  riskArea: IntelligenceRiskArea;
  /** What is smuggled (risk area SMUGGLING), else null. */
  smugglingSubtype: SmugglingSubtype | null;
  routing: RiskCaseRouting;
  /** Its intelligence reports: the first, then those linked as duplicates. */
  reportIds: string[];
  /** Normalised subject keys, e.g. `importerId:IMP123`; duplicates are found by them. */
  subjectKeys: string[];
  /** The assessment with its composite (mean of the six factors, 1..5, two decimals) and risk level; null before it. */
  assessment: (AssessRiskCaseInput & { composite: number; riskLevel: RiskLevel }) | null;
  /** Offices the intelligence is shared with (decision SHARE). */
  sharedWith: string[];
  /** Criterion versions drafted from the case: the validity window each starts once approved (`windowMs`, ms), who approved it, whether it retires the criterion. */
  criteria: Array<{ criterionId: string; version: number; windowMs: number; approved: boolean; approvedBy: string | null; retires?: boolean }>;
  /** ISO time the validity window ends (ACTIVE), or ended. */
  windowEndsAt: string | null;
  /** Inspection cases its criteria selected, with their outcome once recorded (NO_FINDING, DISCREPANCY, SEIZURE; null before). */
  inspections: Array<{ inspectionCaseId: string; declarationId: string; criterionIds: string[]; outcome: string | null }>;
  feedback: CriterionFeedback[];
  /** The analyst's conclusion when closed, else null. */
  closingNote: string | null;
  /** Number of events so far; the next event gets `seq + 1`. */
  seq: number;
}

export type RiskCaseEventType =
  | 'IDENTIFIED' | 'REPORT_LINKED' | 'ASSESSED' | 'SHARED' | 'DISMISSED' | 'TARGETING' | 'CRITERION_LINKED'
  | 'CRITERION_APPROVED' | 'ACTIVATED' | 'WINDOW_EXTENDED' | 'WINDOW_ENDED' | 'INSPECTION_SELECTED' | 'INSPECTION_RESULT' | 'CLOSED'
  | 'CRITERION_RETIRED';

/** One transition, projected into Postgres (`risk_case`, `risk_case_event`) by `projectRiskCaseEvent`. */
export interface RiskCaseEvent {
  riskCaseId: string;
  seq: number;
  type: RiskCaseEventType;
  actor: string;
  payload: Record<string, unknown>;
  /** Case state after the event. */
  state: RiskCaseState;
}

/** Activities the workflow calls; implemented in `apps/worker`. */
export interface RiskCaseActivities {
  /** Idempotent: the event once (UNIQUE(risk_case_id, seq)); the read model only moves forward. */
  projectRiskCaseEvent(event: RiskCaseEvent): Promise<void>;
}

/** The workflow id of a risk case. */
export function riskCaseWorkflowId(key: string): string {
  return `risk-case-${key}`;
}

/** Records the assessment and the decision. Legal in IDENTIFIED only. */
export const assessRiskCase = defineUpdate<RiskCaseState, [AssessRiskCaseInput]>('assessRiskCase');
/** Links a criterion version drafted from the case. Legal in ASSESSED (shared), TARGETING, ACTIVE, FEEDBACK. */
export const linkCriterion = defineUpdate<RiskCaseState, [LinkCriterionInput]>('linkCriterion');
/** A linked version was approved (maker-checker): TARGETING or FEEDBACK -> ACTIVE, the window (re)starts. */
export const criterionApproved = defineUpdate<RiskCaseState, [CriterionApprovedInput]>('criterionApproved');
/** Extends the validity window, or ends it now (-> FEEDBACK). Legal in ACTIVE. */
export const adjustWindow = defineUpdate<RiskCaseState, [AdjustWindowInput]>('adjustWindow');
/** Closes the case with the analyst's note. Legal in FEEDBACK. */
export const closeRiskCase = defineUpdate<RiskCaseState, [CloseRiskCaseInput]>('closeRiskCase');
/** An inspection case selected by a linked criterion opened, or recorded its result (idempotent). */
export const inspectionReported = defineSignal<[InspectionReport]>('inspectionReported');
/** A duplicate report is linked to the case. */
export const reportLinked = defineSignal<[LinkedReport]>('reportLinked');
/** The current state. */
export const getRiskCaseState = defineQuery<RiskCaseState>('getRiskCaseState');
