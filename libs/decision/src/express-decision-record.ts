import type { ExpressManifest, ExpressWaybill, Lane } from '@customs/domain';
import type { FiredCriterion } from '@customs/selectivity';
import { expressSelection, type ExpressOutcome } from './stream-selection';

/** The header of an express manifest (everything but its waybills). */
export type ExpressManifestHeader = Omit<ExpressManifest, 'waybills'>;

/**
 * The append-only decision record of one house waybill (`express_decision.record`), complete
 * enough to replay: the manifest header and the waybill as received, every fact the express
 * criteria saw (including the manifest-wide split-shipment tallies), the criteria set in force,
 * the fired criteria with their condition traces, and the outcome with its reasons.
 */
export interface ExpressDecisionRecord {
  documentType: 'EXPRESS_MANIFEST';
  /** Upper-cased house waybill number (the record's key). */
  waybillNumber: string;
  manifestId: string;
  /** 0-based position of the waybill in its manifest (the conveyor order at the centre). */
  position: number;
  /** Customs office code of the logistics centre. */
  centreId: string;
  manifest: ExpressManifestHeader;
  waybill: ExpressWaybill;
  /** The facts as `EXPRESS_FACT_SPECS` names them (`waybillFacts`). */
  facts: Record<string, string | number>;
  /** Fingerprint of the criteria set in force (`criteria_set`), or null when none was. */
  criteriaSet: string | null;
  firedCriteria: FiredCriterion[];
  outcome: ExpressOutcome;
  lane: Lane;
  /** One line per fired criterion. */
  reasons: string[];
  summary: string;
  /** Model score 0..1; null: no model is trained for express cargo yet. */
  riskScore: number | null;
  /** ISO date-time of the decision. */
  decidedAt: string;
}

/**
 * Builds the decision record of one waybill (pure): the selection (`expressSelection`) from the
 * express criteria that fired on its facts.
 */
export function expressDecision(input: {
  manifest: ExpressManifestHeader;
  waybill: ExpressWaybill;
  position: number;
  facts: Record<string, string | number>;
  fired: FiredCriterion[];
  criteriaSet: string | null;
  decidedAt: string;
}): ExpressDecisionRecord {
  const waybillNumber = input.waybill.waybillNumber.toUpperCase();
  const s = expressSelection(waybillNumber, input.fired);
  return {
    documentType: 'EXPRESS_MANIFEST',
    waybillNumber,
    manifestId: input.manifest.manifestId,
    position: input.position,
    centreId: input.manifest.logisticsCentreId,
    manifest: input.manifest,
    waybill: input.waybill,
    facts: input.facts,
    criteriaSet: input.criteriaSet,
    firedCriteria: input.fired,
    outcome: s.outcome,
    lane: s.lane,
    reasons: s.reasons,
    summary: s.summary,
    riskScore: null,
    decidedAt: input.decidedAt,
  };
}
