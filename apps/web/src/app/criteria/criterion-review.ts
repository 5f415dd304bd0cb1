import type { AuthUser, ReviewedCriterion, TargetDocument } from '../core/api.types';

/** Where a criterion version stands: awaiting approval, in force, or out of force. */
export type CriterionState = 'AWAITING' | 'IN_FORCE' | 'RETIRED' | 'DRAFT' | 'EXPIRED' | 'SCHEDULED';

/**
 * The state of the newest version of a criterion on `today`, first match wins: RETIRED (a
 * retiring version, approved or not), AWAITING (not approved yet), DRAFT, EXPIRED (`validTo`
 * before today), SCHEDULED (`validFrom` after today), else IN_FORCE. Both bounds are inclusive.
 * @param today `YYYY-MM-DD` (UTC, as the API judges validity).
 */
export function criterionState(c: Pick<ReviewedCriterion, 'status' | 'approved' | 'validFrom' | 'validTo'>, today: string): CriterionState {
  if (c.status === 'RETIRED') return 'RETIRED';
  if (!c.approved) return 'AWAITING';
  if (c.status === 'DRAFT') return 'DRAFT';
  if (c.validTo && c.validTo < today) return 'EXPIRED';
  if (c.validFrom && c.validFrom > today) return 'SCHEDULED';
  return 'IN_FORCE';
}

/**
 * Maker-checker as the API applies it (the API has the last word: 403 / 409): nobody approves
 * an approved version or their own; a LOCAL criterion is approved by a supervisor of its
 * office, a CENTRAL one by a CBTC analyst.
 */
export function canApprove(me: AuthUser | null, c: Pick<ReviewedCriterion, 'approved' | 'createdBy' | 'scope' | 'officeId'>): boolean {
  if (!me || c.approved || c.createdBy === me.id) return false;
  if (c.scope === 'LOCAL') return me.role === 'supervisor' && me.officeId === c.officeId;
  return me.role === 'cbtc_analyst';
}

/** The document a stored criterion screens: its `targetDocument`, import declarations when it names none (as the API reads it). */
export function criterionDocument(c: Pick<ReviewedCriterion, 'targetDocument'>): TargetDocument {
  return c.targetDocument ?? 'IMPORT_DECLARATION';
}

/**
 * The i18n key of the chip the criteria list shows for a criterion's document (a short name:
 * "Express", "Passenger"), or null for import declarations, which carry none.
 */
export function documentChipKey(document: TargetDocument): string | null {
  return document === 'IMPORT_DECLARATION' ? null : `criteria.documentChip.${document}`;
}

/**
 * The criteria whose id, reason, risk area, lane, scope, office or any keyword contains
 * `text` (trimmed, case-insensitive; all of them when blank) and, when `document` is given,
 * that screen that document (see {@link criterionDocument}). Keeps the order.
 */
export function filterCriteria<C extends Pick<ReviewedCriterion, 'id' | 'reason' | 'riskArea' | 'lane' | 'scope' | 'officeId' | 'keywords' | 'targetDocument'>>(
  criteria: readonly C[],
  text: string,
  document: TargetDocument | null = null,
): readonly C[] {
  const f = text.trim().toLowerCase();
  if (!f && !document) return criteria;
  return criteria.filter(
    (c) =>
      (!document || criterionDocument(c) === document) &&
      (!f || [c.id, c.reason, c.riskArea, c.lane, c.scope, c.officeId ?? '', ...(c.keywords ?? [])].some((s) => s.toLowerCase().includes(f))),
  );
}

/** A validity bound as `YYYY-MM-DD` (the date part of an ISO date or timestamp), "…" when open. */
export function validityDay(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '…';
}
