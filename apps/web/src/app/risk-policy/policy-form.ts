import type { PreviewRiskPolicyBody, PutRiskPolicyBody, RiskPolicyView } from './risk-policy.types';

/**
 * The risk-policy form as the page holds it, in the units the user types: capacities and
 * declarations per day, shares in percent (the API takes shares 0..1). Number inputs give
 * `null` when empty; `expectedDailyDeclarations` empty means "measure it from the last 28 days".
 */
export interface PolicyFormValue {
  /** Physical inspections (RED) the office can do per day, declarations/day. */
  dailyPhysicalCapacity: number | null;
  /** Document reviews (YELLOW) the office can do per day, declarations/day. */
  dailyDocumentCapacity: number | null;
  /** Declarations the office receives per day; null: measured by the API (409 without 28 days of history). */
  expectedDailyDeclarations: number | null;
  /** Control sample share of otherwise-GREEN declarations, percent (0..50). */
  controlSharePct: number | null;
  /** Exploration share of all declarations, percent (0..25). */
  explorationSharePct: number | null;
  /** Why the policy changes; required to save only. */
  reason: string;
}

/** A form field the checks can name. */
export type PolicyField = keyof PolicyFormValue;

/** A problem to show under a field: an i18n key (`policy.error.*`) and its parameters. */
export interface PolicyProblem {
  key: string;
  params?: Record<string, number>;
}

/** Problems by field; a field without problems is absent. */
export type PolicyProblems = Partial<Record<PolicyField, PolicyProblem>>;

/**
 * The bounds `PutRiskPolicyDto` states (apps/api/src/app/risk-policy/dto): capacities >= 0,
 * expected declarations > 0, control share 0..0.5, exploration share 0..0.25 (here in percent),
 * reason 3..2000 characters (trimmed, as the service keeps it). The service also refuses a
 * physical capacity, or physical plus document capacity, above the expected declarations.
 */
export const POLICY_BOUNDS = {
  controlSharePct: { min: 0, max: 50 },
  explorationSharePct: { min: 0, max: 25 },
  reason: { min: 3, max: 2000 },
} as const;

/** A share 0..1 as percent, without binary noise (0.07 -> 7, not 7.000000000000001). */
export function shareToPercent(share: number): number {
  return Number((share * 100).toFixed(6));
}

/** Percent as a share 0..1, without binary noise (7 -> 0.07). */
export function percentToShare(pct: number): number {
  return Number((pct / 100).toFixed(8));
}

/**
 * The form filled with the policy in force: its figures, or for the global default (no figures)
 * empty capacities and the default's control and exploration shares. The reason starts empty.
 */
export function formFromPolicy(p: RiskPolicyView): PolicyFormValue {
  return {
    dailyPhysicalCapacity: p.dailyPhysicalCapacity,
    dailyDocumentCapacity: p.dailyDocumentCapacity,
    // A measured figure is measured again when the form is sent as it came (the API's rule for an omitted one).
    expectedDailyDeclarations: p.expectedDailyDeclarationsSource === 'CONFIGURED' ? p.expectedDailyDeclarations : null,
    controlSharePct: shareToPercent(p.controlShare),
    explorationSharePct: shareToPercent(p.explorationShare),
    reason: '',
  };
}

/** A typed number, or null when empty or not a finite number (a string from a text box is parsed). */
function numberOf(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Checks the figures as the API would (see {@link POLICY_BOUNDS}) and builds the preview body.
 * @returns the body, or null with the problems by field (i18n keys `policy.error.*`).
 */
export function checkPolicyFigures(v: PolicyFormValue): { body: PreviewRiskPolicyBody | null; problems: PolicyProblems } {
  const problems: PolicyProblems = {};
  const physical = numberOf(v.dailyPhysicalCapacity);
  const document = numberOf(v.dailyDocumentCapacity);
  const expected = numberOf(v.expectedDailyDeclarations);
  const control = numberOf(v.controlSharePct);
  const exploration = numberOf(v.explorationSharePct);
  for (const [field, value] of [['dailyPhysicalCapacity', physical], ['dailyDocumentCapacity', document]] as const) {
    if (value === null) problems[field] = { key: 'policy.error.required' };
    else if (value < 0) problems[field] = { key: 'policy.error.negative' };
  }
  const expectedTyped = v.expectedDailyDeclarations !== null && v.expectedDailyDeclarations !== undefined && String(v.expectedDailyDeclarations) !== '';
  if (expectedTyped && (expected === null || expected <= 0)) problems.expectedDailyDeclarations = { key: 'policy.error.positive' };
  for (const [field, value] of [['controlSharePct', control], ['explorationSharePct', exploration]] as const) {
    const { min, max } = POLICY_BOUNDS[field];
    if (value === null) problems[field] = { key: 'policy.error.required' };
    else if (value < min || value > max) problems[field] = { key: 'policy.error.range', params: { min, max } };
  }
  if (expected !== null && expected > 0 && physical !== null && physical >= 0 && document !== null && document >= 0) {
    if (physical > expected) problems.dailyPhysicalCapacity = { key: 'policy.error.physicalAboveExpected', params: { expected } };
    else if (physical + document > expected) problems.dailyDocumentCapacity = { key: 'policy.error.sumAboveExpected', params: { expected } };
  }
  if (Object.keys(problems).length > 0) return { body: null, problems };
  return {
    body: {
      dailyPhysicalCapacity: physical!,
      dailyDocumentCapacity: document!,
      ...(expected !== null ? { expectedDailyDeclarations: expected } : {}),
      controlShare: percentToShare(control!),
      explorationShare: percentToShare(exploration!),
    },
    problems,
  };
}

/**
 * {@link checkPolicyFigures} plus the reason a new version needs (trimmed, 3..2000 characters).
 * @returns the PUT body, or null with the problems by field.
 */
export function checkPolicyToSave(v: PolicyFormValue): { body: PutRiskPolicyBody | null; problems: PolicyProblems } {
  const { body, problems } = checkPolicyFigures(v);
  const reason = (v.reason ?? '').trim();
  const { min, max } = POLICY_BOUNDS.reason;
  const all: PolicyProblems = { ...problems };
  if (reason.length < min || reason.length > max) all.reason = { key: 'policy.error.reason', params: { min, max } };
  return body && !all.reason ? { body: { ...body, reason }, problems: all } : { body: null, problems: all };
}

/**
 * What a preview was computed for, comparable across edits: the preview body as JSON, or null
 * when the figures do not pass {@link checkPolicyFigures}. A preview on screen is stale once the
 * form's key differs from the key it was computed with (the reason does not count).
 */
export function figuresKey(v: PolicyFormValue): string | null {
  const { body } = checkPolicyFigures(v);
  return body ? JSON.stringify(body) : null;
}
