import type { ExpressOutcome } from '@customs/decision';
import type { ExpressWaybill, Lane } from '@customs/domain';
import type { XrayDecision } from '@customs/persistence';

export type { ExpressOutcome, XrayDecision };

/** What screening answered for one house waybill of a manifest. */
export interface ExpressWaybillOutcome {
  /** Upper-cased house waybill number. */
  waybillNumber: string;
  outcome: ExpressOutcome;
  lane: Lane;
  /** Ids of the express criteria that fired. */
  firedCriteria: string[];
  /** The selection in one sentence, for the interpreter. */
  summary: string;
  /** The inspection case queued for an INTRUSIVE_INSPECTION waybill; null otherwise. */
  caseId: string | null;
  /** True when the waybill had been screened before: the stored selection is returned. */
  duplicate: boolean;
}

/** `POST /api/express/manifests`: the selection of every waybill, in input order, and the counts. */
export interface ExpressManifestScreening {
  manifestId: string;
  results: ExpressWaybillOutcome[];
  summary: {
    /** Waybills in the manifest. */
    received: number;
    release: number;
    xrayFlagged: number;
    intrusiveInspection: number;
    /** Waybills screened before (re-sent). */
    duplicates: number;
    /** Inspection cases this call queued (INTRUSIVE_INSPECTION waybills screened now). */
    casesStarted: number;
  };
}

/** One X-ray interpreter's decision on a waybill, with who and when. */
export interface XrayInterpretation {
  waybillNumber: string;
  decision: XrayDecision;
  note: string | null;
  /** The interpreter's user id. */
  interpretedBy: string;
  /** ISO date-time. */
  interpretedAt: string;
  /** The inspection case an INSPECT opened (or found); null otherwise. */
  caseId: string | null;
}

/** A fired express criterion as the X-ray page shows it. */
export interface XrayFlag {
  id: string;
  version: number;
  /** What the criterion is about (its reason, as written by the analyst). */
  name: string;
  lane: Lane;
}

/** One waybill in a logistics centre's X-ray queue: manifest data, the selection's flags and score. */
export interface XrayItem {
  waybillNumber: string;
  manifestId: string;
  transportMode: 'AIR' | 'SEA';
  /** Flight or voyage number. */
  voyage: string;
  /** ISO date-time of arrival. */
  arrivalAt: string;
  centreId: string;
  waybill: ExpressWaybill;
  outcome: ExpressOutcome;
  lane: Lane;
  /** Why selection flagged it, one line per fired criterion (empty for RELEASE). */
  reasons: string[];
  summary: string;
  firedCriteria: XrayFlag[];
  /** Model score 0..1; null: no model is trained for express cargo yet. */
  riskScore: number | null;
  /** The latest interpretation (a HOLD in the held list), or null. */
  interpretation: XrayInterpretation | null;
  /** The inspection case of the waybill, when one exists; null otherwise. */
  caseId: string | null;
}

/** `GET /api/express/xray-queue`: the next items of a centre's queue and its counts. */
export interface XrayQueue {
  centreId: string;
  state: 'PENDING' | 'HELD';
  /** Waybills nobody has interpreted yet. */
  pending: number;
  /** Waybills on hold. */
  held: number;
  /** In conveyor order (arrival, manifest, position in the manifest). */
  items: XrayItem[];
}

/** `GET /api/express/waybills/:waybillNumber`: a waybill, its selection with the criteria traces, and every interpretation. */
export interface ExpressWaybillDetail extends XrayItem {
  /** The fired criteria with each condition as evaluated (fact, operator, expected, actual). */
  trace: Array<{ id: string; version: number; lane: Lane; reason: string; conditions: Array<{ fact: string; operator: string; value: unknown; actual: unknown; result: boolean | null }> }>;
  /** Every interpretation, oldest first. */
  interpretations: XrayInterpretation[];
  /** Fingerprint of the criteria set in force at screening; null when none was. */
  criteriaSet: string | null;
  /** ISO date-time of the selection. */
  decidedAt: string;
}

/** A waybill's selection in brief: outcome, lane and the fired criteria as `id@version`. */
export interface ExpressSelectionOutline {
  outcome: ExpressOutcome;
  lane: Lane;
  firedCriteria: string[];
}

/** `GET /api/express/waybills/:waybillNumber/replay`: the recorded selection and the same facts screened again. */
export interface ExpressReplayResult {
  waybillNumber: string;
  recorded: ExpressSelectionOutline;
  replayed: ExpressSelectionOutline;
  /** True when outcome, lane and fired criteria are all the same. */
  identical: boolean;
  /** The criterion versions evaluated (those in force at the decision), `id@version`. */
  criteriaVersions: string[];
}
