/**
 * Risk-policy shapes the page sends and reads: the API contract's schemas
 * (`@customs/api-contract`), under the names the page uses.
 */
import type { Schema } from '@customs/api-contract';

/** `GET /api/offices/:officeId/risk-policy`: the policy in force (figures null for the global default) and its cut-offs. */
export type RiskPolicyView = Schema<'RiskPolicyView'>;
/** `PUT /api/offices/:officeId/risk-policy` answer: the policy in force after the write, `created` false when nothing changed. */
export type RiskPolicyWrite = Schema<'RiskPolicyWrite'>;
/** `PUT` body: the figures of a new version and why. */
export type PutRiskPolicyBody = Schema<'PutRiskPolicyDto'>;
/** `POST .../preview` body: the figures to try (no reason). */
export type PreviewRiskPolicyBody = Schema<'PreviewRiskPolicyDto'>;
/** `POST .../preview` answer: the office's last days decided again under the policy in force and the proposed one. */
export type RiskPolicyPreview = Schema<'RiskPolicyPreview'>;
/** `GET .../history` answer: every version, newest first. */
export type RiskPolicyHistory = Schema<'RiskPolicyHistory'>;
/** One stored version of an office's policy, with what was derived when it was written. */
export type PolicyVersion = Schema<'PolicyVersionView'>;
/** RED / YELLOW score cut-offs, shares and expected daily selections derived from a policy. */
export type DerivedThresholds = Schema<'DerivedThresholds'>;
