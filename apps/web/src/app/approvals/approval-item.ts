import type { ApiError } from '../core/api-error';
import type { CriterionBacktestResult, ReviewedCriterion } from '../core/api.types';

/** One version waiting in the inbox with its backtest (null while it runs, or when it failed: `backtestError`). */
export interface ApprovalItem {
  key: string;
  criterion: ReviewedCriterion;
  backtest: CriterionBacktestResult | null;
  backtestError: ApiError | null;
}

/** A version's key in the inbox: `CEN-WPN-101@2`. */
export function approvalKey(c: Pick<ReviewedCriterion, 'id' | 'version'>): string {
  return `${c.id}@${c.version}`;
}
