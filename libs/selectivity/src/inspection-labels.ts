import type { RiskArea } from './criterion';

/**
 * The KCS training labels (Fraud, Critical Fraud) of an inspection result: one rule for the
 * supply-chain history the case worker feeds (`inspection_outcome`) and the training export.
 */

/**
 * Inspection outcomes that count as fraud (KCS `Fraud` = 1): DISCREPANCY (duty, origin or value
 * found wrong) and SEIZURE (goods seized). The same outcomes count as hits in the hit-rate figures.
 */
export const FRAUD_OUTCOMES: readonly string[] = ['DISCREPANCY', 'SEIZURE'];

/**
 * Risk areas whose findings threaten public safety (KCS `Critical Fraud` = 2): drugs, weapons,
 * national security and public health (the areas the CBTC desk takes whoever reports them).
 */
export const PUBLIC_SAFETY_RISK_AREAS: readonly RiskArea[] = ['SMUGGLING_DRUGS', 'SMUGGLING_WEAPONS', 'NATIONAL_SECURITY', 'PUBLIC_HEALTH'];

/** One labelled inspection result as stored: outcome, the criteria that fired and the officer's verdicts. */
export interface InspectionResultInput {
  outcome: string;
  firedCriteria: Array<{ id: string; riskArea?: string }>;
  verdicts: Array<{ criterionId: string; appropriate: boolean }> | null;
}

/** KCS labels of one inspection result. */
export interface InspectionLabels {
  /** 1 when the outcome is in FRAUD_OUTCOMES, else 0. */
  fraud: 0 | 1;
  /** 0 no fraud, 1 fraud, 2 fraud in a public-safety risk area. */
  criticalFraud: 0 | 1 | 2;
}

/**
 * The KCS labels of an inspection result. The result form records no risk area of its own, so the
 * finding's area is that of the fired criteria the officer did not judge inappropriate: fraud found
 * on a declaration selected by a public-safety criterion (PUBLIC_SAFETY_RISK_AREAS) is critical (2);
 * other fraud is 1 (also a seizure on a model, control or exploration selection: its area is unknown).
 */
export function inspectionLabels(r: InspectionResultInput): InspectionLabels {
  if (!FRAUD_OUTCOMES.includes(r.outcome)) return { fraud: 0, criticalFraud: 0 };
  const refuted = new Set((r.verdicts ?? []).filter((v) => v.appropriate === false).map((v) => v.criterionId));
  const critical = r.firedCriteria.some((c) => !refuted.has(c.id) && (PUBLIC_SAFETY_RISK_AREAS as readonly string[]).includes(c.riskArea ?? ''));
  return { fraud: 1, criticalFraud: critical ? 2 : 1 };
}

