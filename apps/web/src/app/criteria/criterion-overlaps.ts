import type { CriteriaOverlaps, CriterionOverlap } from '../core/api.types';

/**
 * The overlap flags of `GET /api/criteria/overlaps` by criterion: for each criterion, the
 * criteria of the other scope that selected most of its declarations, highest share first.
 */
export function overlapsByCriterion(o: CriteriaOverlaps): Map<string, CriterionOverlap[]> {
  const by = new Map<string, CriterionOverlap[]>();
  for (const x of o.overlaps) by.set(x.criterionId, [...(by.get(x.criterionId) ?? []), x]);
  for (const list of by.values()) list.sort((a, b) => b.share - a.share || a.otherId.localeCompare(b.otherId));
  return by;
}
