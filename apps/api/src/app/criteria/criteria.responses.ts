import type { CriterionOperator, RiskArea, SelectivityCriterion, TargetDocument } from '@customs/selectivity';
import type { CriterionVersionView } from './criteria.service';

/** One criterion version as the API shows it: its definition and its maker-checker fields. */
export interface ReviewedCriterion extends SelectivityCriterion {
  /** The author (user id). */
  createdBy: string;
  /** ISO timestamp. */
  createdAt: string;
  /** The approver (user id); null while the version awaits approval. */
  approvedBy: string | null;
  /** ISO timestamp; null while the version awaits approval. */
  approvedAt: string | null;
  /** False: awaiting approval, not in force. */
  approved: boolean;
}

/**
 * The body of `POST /api/criteria`: a selectivity criterion without its version (the API numbers
 * versions); `validFrom` defaults to today (UTC), `validTo` to 14 days later, `status` to ACTIVE.
 * Checked by `validateCriterion` (`@customs/selectivity`), which also checks what this schema
 * cannot state: each leaf's value against its fact and operator, `validTo` not before
 * `validFrom`, a LOCAL id's office part equal to `officeId`, at most 50 leaves.
 */
export type CriterionInput = Omit<SelectivityCriterion, 'version' | 'validFrom' | 'validTo' | 'status'> &
  Partial<Pick<SelectivityCriterion, 'validFrom' | 'validTo' | 'status'>>;

/** `GET /api/criteria`: the newest version of every criterion. */
export interface CriteriaList {
  criteria: ReviewedCriterion[];
}

/** `GET /api/criteria/:id`: every version of one criterion, oldest first. */
export interface CriterionHistory {
  id: string;
  versions: ReviewedCriterion[];
}

/** `GET /api/criteria/meta`: what a criterion may use. */
export interface CriteriaMeta {
  /** Every fact of an import declaration by name, in display order (the default target document). */
  facts: Record<string, { type: 'string' | 'number'; nullable: boolean; unit: string | null; description: string }>;
  /** The documents a criterion can target (`targetDocument`; absent means IMPORT_DECLARATION). */
  targetDocuments: readonly TargetDocument[];
  /** The facts of each target document by name, in display order: what the builder offers once a document is chosen. */
  factsByDocument: Record<TargetDocument, Record<string, { type: 'string' | 'number'; nullable: boolean; unit: string | null; description: string }>>;
  operators: readonly CriterionOperator[];
  riskAreas: readonly RiskArea[];
  /** Days a new criterion is valid when `validTo` is not given. */
  defaultValidityDays: number;
}

/** A stored version as the API answers it (definition flattened with its review fields). */
export function reviewed(v: CriterionVersionView): ReviewedCriterion {
  return { ...v.definition, createdBy: v.createdBy, createdAt: v.createdAt, approvedBy: v.approvedBy, approvedAt: v.approvedAt, approved: v.approvedBy !== null };
}

/** A central and a local criterion that mostly select the same declarations. */
export interface CriterionOverlap {
  criterionId: string;
  /** Declarations it selected in the period. */
  selected: number;
  /** The criterion of the other scope that selected most of the same ones. */
  otherId: string;
  /** How many of them `otherId` selected too. */
  both: number;
  /** both / selected, % (one decimal). */
  share: number;
}

/** `GET /api/criteria/overlaps`: the overlaps at or above the configured share over the last 28 days. */
export interface CriteriaOverlaps {
  /** CRITERIA_OVERLAP_SHARE as %, e.g. 80. */
  threshold: number;
  days: number;
  overlaps: CriterionOverlap[];
}
