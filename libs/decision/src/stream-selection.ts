import { mostSevereLane, type CompanionLink, type Lane } from '@customs/domain';
import { explainCriterion, type FiredCriterion } from '@customs/selectivity';

/**
 * What happens to a house waybill of an express manifest. Every waybill passes an X-ray scanner
 * at its logistics centre (KCS: 13 % of the items are selected automatically, 87 % by the X-ray
 * interpreters): RELEASE leaves it to the interpreter's judgement, XRAY_FLAGGED tells the
 * interpreter why selection flagged it, INTRUSIVE_INSPECTION sends it to be opened whatever the
 * image shows.
 */
export type ExpressOutcome = 'RELEASE' | 'XRAY_FLAGGED' | 'INTRUSIVE_INSPECTION';

/** The selection of one waybill or passenger: lane, the criteria behind it, one sentence for the officer. */
export interface StreamSelection<O extends string> {
  outcome: O;
  lane: Lane;
  /** One line per fired criterion (`explainCriterion`), and per companion link for a passenger. */
  reasons: string[];
  summary: string;
}

const EXPRESS_OUTCOME: Record<Lane, ExpressOutcome> = { GREEN: 'RELEASE', YELLOW: 'XRAY_FLAGGED', RED: 'INTRUSIVE_INSPECTION' };
const EXPRESS_WORDS: Record<ExpressOutcome, string> = {
  RELEASE: 'left to the X-ray interpreter (no criterion fired)',
  XRAY_FLAGGED: 'flagged for the X-ray interpreter (YELLOW)',
  INTRUSIVE_INSPECTION: 'sent to intrusive inspection (RED)',
};

/**
 * The selection of one waybill from the express criteria that fired on it (pure): the most severe
 * criterion lane decides (RED -> INTRUSIVE_INSPECTION, YELLOW -> XRAY_FLAGGED, none -> RELEASE).
 * No model score decides yet: none is trained for express cargo.
 */
export function expressSelection(waybillNumber: string, fired: readonly FiredCriterion[]): StreamSelection<ExpressOutcome> {
  const lane = mostSevereLane(fired.map((f) => f.lane));
  const outcome = EXPRESS_OUTCOME[lane];
  const reasons = fired.map(explainCriterion);
  return { outcome, lane, reasons, summary: `Waybill ${waybillNumber} was ${EXPRESS_WORDS[outcome]}${reasons.length ? `: ${reasons.join('; ')}` : ''}.` };
}

/** What happens to an arriving passenger: cleared, or selected for the arrival-hall inspection queue of the airport's office. */
export type PassengerOutcome = 'CLEARED' | 'SELECTED';

/** The passenger's earlier selection (on APIS), which a screening with the PNR supersedes. */
export interface EarlierSelection {
  /** Id of the earlier decision. */
  decisionId: string;
  lane: Lane;
}

/**
 * The selection of one passenger (pure), from the passenger criteria that fired and the companion
 * links found for them: a link to a watched person selects for at least YELLOW (document and
 * baggage check), criteria may ask for more. A screening with the PNR never lowers the lane of
 * the same passenger's earlier screening on APIS: the officer already has them on the list.
 */
export function passengerSelection(
  passengerRecordId: string,
  fired: readonly FiredCriterion[],
  links: readonly CompanionLink[],
  earlier: EarlierSelection | null = null,
): StreamSelection<PassengerOutcome> & { supersedes: string | null } {
  const lanes: Lane[] = fired.map((f) => f.lane);
  if (links.length > 0) lanes.push('YELLOW');
  if (earlier) lanes.push(earlier.lane);
  const lane = mostSevereLane(lanes);
  const reasons = [
    ...fired.map(explainCriterion),
    ...links.map((l) => `shares booking ${l.bookingReference} with a person watched for ${l.watched.reason} (${l.watched.sourceId})`),
    ...(earlier && earlier.lane !== 'GREEN' ? [`selected ${earlier.lane} on the passenger list before (${earlier.decisionId})`] : []),
  ];
  const outcome: PassengerOutcome = lane === 'GREEN' ? 'CLEARED' : 'SELECTED';
  const what = outcome === 'CLEARED' ? 'cleared' : `selected for the arrival-hall inspection (${lane})`;
  return { outcome, lane, reasons, summary: `Passenger ${passengerRecordId} was ${what}${reasons.length ? `: ${reasons.join('; ')}` : ''}.`, supersedes: earlier?.decisionId ?? null };
}
