import type { ReviewedCriterion } from '../core/api.types';
import { DEFAULT_DOCUMENT, type ConditionRow, type CriterionFormValue } from './criterion-form';

/** A node of a stored criterion's condition tree (json-rules-engine style, `libs/selectivity` `ConditionNode`). */
export type StoredConditionNode =
  | { fact: string; operator: string; value: unknown }
  | { all: StoredConditionNode[] }
  | { any: StoredConditionNode[] }
  | { not: StoredConditionNode };

/**
 * A stored version laid out for the builder's flat form: one combinator, one row per leaf the
 * form can show, and the nodes it cannot (`kept`: a nested group of mixed fields, a `not`),
 * which a revision carries over unchanged.
 */
export interface FlatConditions {
  combinator: 'all' | 'any';
  rows: ConditionRow[];
  kept: StoredConditionNode[];
}

const isLeaf = (n: StoredConditionNode): n is { fact: string; operator: string; value: unknown } => 'fact' in n;
const childrenOf = (n: StoredConditionNode, key: 'all' | 'any'): StoredConditionNode[] | null =>
  key in n ? (n as Record<typeof key, StoredConditionNode[]>)[key] : null;

/** A stored value as the form types it: a list comma-separated, anything else as text. */
export function valueText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value ?? '');
}

/**
 * Flattens a stored condition tree for the builder (`all` or `any` of rows). Groups of the same
 * combinator merge into it; a one-child group is its child; a group of the other combinator
 * whose children all test one field for equality (`equal` or `in`) becomes one `in` row with
 * every value (`any` of `importerId = A`, `importerId = B` under `all` is `importerId in A, B`,
 * the shape `prefill` in the API's risk-case service drafts); anything else is kept whole.
 * @param top the criterion's `conditions` (an `all`, `any` or `not` node).
 */
export function flattenConditions(top: StoredConditionNode): FlatConditions {
  const combinator: 'all' | 'any' = childrenOf(top, 'any') ? 'any' : 'all';
  const other = combinator === 'all' ? 'any' : 'all';
  const out: FlatConditions = { combinator, rows: [], kept: [] };
  const visit = (n: StoredConditionNode): void => {
    if (isLeaf(n)) {
      out.rows.push({ fact: n.fact, operator: n.operator, value: valueText(n.value) });
      return;
    }
    const same = childrenOf(n, combinator);
    if (same) return same.forEach(visit);
    const group = childrenOf(n, other);
    if (group && group.length === 1) return visit(group[0]);
    if (group && group.every(isLeaf) && group.every((c) => isLeaf(c) && c.fact === (group[0] as { fact: string }).fact && ['equal', 'in'].includes(c.operator))) {
      const values = group.flatMap((c) => (isLeaf(c) ? (Array.isArray(c.value) ? c.value : [c.value]) : []));
      out.rows.push({ fact: (group[0] as { fact: string }).fact, operator: 'in', value: valueText([...new Set(values.map(String))]) });
      return;
    }
    out.kept.push(n);
  };
  if (childrenOf(top, combinator)) visit(top);
  else out.kept.push(top);
  return out;
}

/**
 * The builder's form for a revision of a stored version: everything but the conditions as
 * stored (the id kept, so saving writes the next version; the target document kept, import
 * declarations when it names none), the conditions flattened by {@link flattenConditions}.
 * Validity dates are the stored ones (`YYYY-MM-DD`).
 */
export function revisionForm(c: Pick<ReviewedCriterion, 'targetDocument' | 'id' | 'scope' | 'officeId' | 'lane' | 'riskArea' | 'reason' | 'pointsOfInterest' | 'keywords' | 'validFrom' | 'validTo' | 'conditions'>): {
  value: Omit<CriterionFormValue, 'combinator' | 'conditions'>;
  conditions: FlatConditions;
} {
  return {
    value: {
      document: c.targetDocument ?? DEFAULT_DOCUMENT,
      id: c.id,
      scope: c.scope,
      officeId: c.officeId ?? '',
      lane: c.lane === 'RED' ? 'RED' : 'YELLOW',
      riskArea: c.riskArea,
      reason: c.reason,
      pointsOfInterest: c.pointsOfInterest,
      keywords: c.keywords.join(', '),
      validFrom: (c.validFrom ?? '').slice(0, 10),
      validTo: (c.validTo ?? '').slice(0, 10),
    },
    conditions: flattenConditions(c.conditions as StoredConditionNode),
  };
}
