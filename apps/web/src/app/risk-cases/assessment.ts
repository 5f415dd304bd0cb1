import type { AssessmentScores } from './risk-case.types';

/** The six assessment factors, in the order the form shows them. */
export const ASSESSMENT_FACTORS: readonly (keyof AssessmentScores)[] = ['timeliness', 'importance', 'applicability', 'accuracy', 'reliability', 'influence'];

/** Levels of each factor, 1 (weak) to 5 (strong); `assess.level.<n>` names each. */
export const FACTOR_LEVELS: readonly number[] = [1, 2, 3, 4, 5];

/** Risk levels of a composite. */
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/**
 * Composite and risk level of an assessment, as the risk-case workflow computes them
 * (`assessRisk` in workflows/src/risk-case/risk-case.messages.ts, which the web app may not
 * import): the mean of the six factors to two decimals; HIGH from 4.0, MEDIUM from 3.0, else LOW.
 */
export function assessRisk(scores: AssessmentScores): { composite: number; riskLevel: RiskLevel } {
  const sum = ASSESSMENT_FACTORS.reduce((s, f) => s + scores[f], 0);
  const composite = Math.round((sum / ASSESSMENT_FACTORS.length) * 100) / 100;
  return { composite, riskLevel: composite >= 4 ? 'HIGH' : composite >= 3 ? 'MEDIUM' : 'LOW' };
}

/** The form's starting scores: 3 (moderate) on every factor. */
export function initialScores(): AssessmentScores {
  return { timeliness: 3, importance: 3, applicability: 3, accuracy: 3, reliability: 3, influence: 3 };
}

/**
 * Offices typed as "40, 41 20" into the list SHARE needs: trimmed, de-duplicated, in order;
 * `problem` names what is wrong (none given for SHARE, or a code that is not 2-3 digits).
 */
export function parseOffices(text: string, decision: string): { offices: string[]; problem: string | null } {
  const offices = [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
  if (offices.some((o) => !/^\d{2,3}$/.test(o))) return { offices, problem: 'assess.error.officeCode' };
  if (decision === 'SHARE' && offices.length === 0) return { offices, problem: 'assess.error.shareWith' };
  return { offices, problem: null };
}
