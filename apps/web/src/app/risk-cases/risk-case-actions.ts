import type { AuthUser } from '../core/api.types';
import type { CriterionFeedback, RiskCaseDetail, RiskCaseStatus } from './risk-case.types';

/** What the case page offers in each state (the workflow refuses the rest with 409). */
export interface RiskCaseActions {
  assess: boolean;
  draftCriterion: boolean;
  adjustWindow: boolean;
  retire: boolean;
  close: boolean;
}

/** The actions legal in `status` for a user who may act on the case; none otherwise. */
export function actionsFor(status: RiskCaseStatus, mayAct: boolean): RiskCaseActions {
  return {
    assess: mayAct && status === 'IDENTIFIED',
    draftCriterion: mayAct && ['ASSESSED', 'TARGETING', 'ACTIVE', 'FEEDBACK'].includes(status),
    adjustWindow: mayAct && status === 'ACTIVE',
    retire: mayAct && ['ACTIVE', 'FEEDBACK'].includes(status),
    close: mayAct && status === 'FEEDBACK',
  };
}

/** CBTC analysts act on every case; supervisors on the cases routed (LOCAL) to their office (`RiskCasesService.head`). */
export function mayActOn(user: AuthUser | null, c: Pick<RiskCaseDetail, 'route' | 'routing'>): boolean {
  if (!user) return false;
  if (user.role === 'cbtc_analyst') return true;
  return user.role === 'supervisor' && c.route === 'LOCAL' && c.routing.officeIds.includes(user.officeId ?? '');
}

/** Abbreviations of risk areas in central criterion ids (`CEN-WPN-101`). */
const AREA_CODES: Record<string, string> = {
  TAX_EVASION: 'TAX', UNFAIR_TRADE: 'UFT', ENVIRONMENT: 'ENV', NATIONAL_SECURITY: 'SEC', PUBLIC_HEALTH: 'HLT',
  ILLEGAL_FOREIGN_EXCHANGE: 'FX', ORIGIN_FRAUD: 'ORG', UNDERVALUATION: 'VAL',
};
const SUBTYPE_CODES: Record<string, string> = { DRUGS: 'DRG', WEAPONS: 'WPN' };

/**
 * A criterion id to start from: `CEN-<area>-<nnn>` for analysts, `LOC-<office>-<nnn>` for a
 * supervisor, the number (100-999) derived from the case id so two cases rarely suggest the same,
 * skipping the ids in `taken` (the criteria already drafted from the case).
 */
export function suggestedCriterionId(c: Pick<RiskCaseDetail, 'riskCaseId' | 'riskArea' | 'smugglingSubtype'>, user: AuthUser | null, taken: readonly string[] = []): string {
  let h = 0;
  for (const ch of c.riskCaseId) h = (h * 31 + ch.charCodeAt(0)) % 900;
  const area = c.riskArea === 'SMUGGLING' ? (SUBTYPE_CODES[c.smugglingSubtype ?? ''] ?? 'SMG') : (AREA_CODES[c.riskArea] ?? 'RSK');
  const prefix = user?.role === 'supervisor' && user.officeId ? `LOC-${user.officeId}` : `CEN-${area}`;
  // The next free number from the case's own, wrapping within 100-999.
  for (let i = 0; i < 900; i++) {
    const id = `${prefix}-${100 + ((h + i) % 900)}`;
    if (!taken.includes(id)) return id;
  }
  return `${prefix}-${100 + h}`;
}

/** A linked criterion as the page lists it: the newest version linked, its approval, and its feedback. */
export interface LinkedCriterionRow {
  criterionId: string;
  version: number;
  approved: boolean;
  approvedBy: string | null;
  retires: boolean;
  /** In force from this case (approved, not a retirement): it may be retired. */
  inForce: boolean;
  feedback: CriterionFeedback | null;
  /** hits / results in %, one decimal; null before the first result. */
  hitRatePct: number | null;
}

/** One row per linked criterion (its newest linked version), with the feedback the case collected on it. */
export function linkedCriteria(c: Pick<RiskCaseDetail, 'criteria' | 'feedback'>): LinkedCriterionRow[] {
  const newest = new Map<string, RiskCaseDetail['criteria'][number]>();
  for (const k of c.criteria) {
    const seen = newest.get(k.criterionId);
    if (!seen || k.version > seen.version) newest.set(k.criterionId, k);
  }
  return [...newest.values()].map((k) => {
    const feedback = c.feedback.find((f) => f.criterionId === k.criterionId) ?? null;
    const inForce = c.criteria.some((x) => x.criterionId === k.criterionId && x.approved && !x.retires) && !(k.retires && k.approved);
    return {
      criterionId: k.criterionId, version: k.version, approved: k.approved, approvedBy: k.approvedBy, retires: Boolean(k.retires), inForce, feedback,
      hitRatePct: feedback?.hitRate === null || feedback?.hitRate === undefined ? null : Math.round(feedback.hitRate * 1000) / 10,
    };
  });
}

/**
 * A criterion's hit rate over the control sample's (both in %): how many times more often its
 * selections found something than random inspections did. Null when either is unknown, or the
 * control sample found nothing yet (no baseline to divide by).
 */
export function liftOverControl(criterionPct: number | null, controlPct: number | null): number | null {
  if (criterionPct === null || controlPct === null || controlPct <= 0) return null;
  return criterionPct / controlPct;
}

/** The UTC day (`YYYY-MM-DD`) the case first became ACTIVE (its window opened), from its events; null when it never did. */
export function activationDay(events: ReadonlyArray<{ type: string; occurredAt: string }>): string | null {
  const activated = events.find((e) => e.type === 'ACTIVATED');
  return activated ? activated.occurredAt.slice(0, 10) : null;
}
