import type { Lane } from '../core/api.types';
import type { ExpressOutcome, XrayDecision, XrayItem, XrayQueueState } from './xray.types';

/** Selection outcomes in the order of their severity, for the i18n completeness check. */
export const EXPRESS_OUTCOMES: readonly ExpressOutcome[] = ['RELEASE', 'XRAY_FLAGGED', 'INTRUSIVE_INSPECTION'];
/** Interpreter decisions, in the order of the buttons. */
export const XRAY_DECISIONS: readonly XrayDecision[] = ['RELEASE', 'INSPECT', 'HOLD'];

/** The two lists of a centre's queue, in the order of the page's tabs. */
export const XRAY_QUEUE_STATES: readonly XrayQueueState[] = ['PENDING', 'HELD'];
/** Transport modes of a manifest. */
export const TRANSPORT_MODES: readonly XrayItem['transportMode'][] = ['AIR', 'SEA'];

/**
 * Every i18n key the page composes from a value (outcome, decision, list, transport mode), for
 * the key-completeness spec: the page's fixed keys are checked by the same spec's language parity.
 */
export function xrayComposedKeys(): string[] {
  return [
    ...EXPRESS_OUTCOMES.map(outcomeKey),
    ...XRAY_DECISIONS.flatMap((d) => [decisionKey(d), doneKey(d), `xray.help.${d}`, `xray.priorBy.${d}`]),
    'xray.done.HOLD_AGAIN',
    'xray.holdAgain',
    ...XRAY_QUEUE_STATES.flatMap((s) => [`xray.tab.${s}`, `xray.empty.${s}`]),
    ...TRANSPORT_MODES.map((m) => `xray.mode.${m}`),
  ];
}

/** i18n key of the flag shown for a selection outcome: "No flag", "Flagged", "Intrusive inspection". */
export function outcomeKey(outcome: ExpressOutcome): string {
  return `xray.outcome.${outcome}`;
}

/** i18n key of a decision's button label. */
export function decisionKey(decision: XrayDecision): string {
  return `xray.decision.${decision}`;
}

/** i18n key of the line confirming a decision (`{{waybill}}` released / sent to inspection / held). */
export function doneKey(decision: XrayDecision): string {
  return `xray.done.${decision}`;
}

/**
 * The model's risk score (probability 0..1) as a whole percentage, "73 %" (below 1 % with one
 * decimal, "0.4 %", so a small score is not shown as none); null when no model scored the item.
 */
export function scoreText(score: number | null | undefined): string | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  const pct = Math.min(100, Math.max(0, score * 100));
  return pct > 0 && pct < 1 ? `${pct.toFixed(1)} %` : `${Math.round(pct)} %`;
}

/** One line of "why selected": the fired criterion's id, name and lane beside the API's reason for it. */
export interface ReasonRow {
  lane: Lane | null;
  criterion: string | null;
  name: string | null;
  text: string;
}

/**
 * The reasons of an item, one row each, paired with the fired criterion of the same position
 * (the API writes one reason per fired criterion, in the same order); a reason without one keeps
 * its text alone.
 */
export function reasonRows(item: Pick<XrayItem, 'reasons' | 'firedCriteria'>): ReasonRow[] {
  return item.reasons.map((text, i) => {
    const c = item.firedCriteria[i];
    return { lane: c?.lane ?? null, criterion: c ? `${c.id} v${c.version}` : null, name: c?.name || null, text: stripCriterionPrefix(text, c) };
  });
}

/**
 * A reason without its leading `ID vN (LANE): ` when the row shows the criterion already
 * (`explainCriterion` starts every reason with it).
 */
function stripCriterionPrefix(text: string, c: XrayItem['firedCriteria'][number] | undefined): string {
  if (!c) return text;
  const prefix = `${c.id} v${c.version} (${c.lane}): `;
  return text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
