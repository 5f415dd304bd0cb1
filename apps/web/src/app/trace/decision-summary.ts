import { summaryReasons } from '@customs/decision/summary';
import type { DecisionRecord } from '../core/api.types';

/** A text to translate: its i18n key and the values it names. */
export interface SummaryText {
  key: string;
  params: Record<string, string | number>;
}

/**
 * The one-sentence summary of a decision in the user's language, from the record's structured
 * parts (`summaryReasons` of `@customs/decision`, which the server's English sentence is made of
 * too): the lead names the declaration and its lane, then each reason. Translate each text with
 * its params; join the reasons with `summary.separator` and end with `summary.end`.
 */
export function summaryTexts(r: DecisionRecord): { lead: SummaryText; reasons: SummaryText[] } {
  return {
    lead: { key: `summary.lead.${r.lane}`, params: { id: r.declarationId } },
    reasons: summaryReasons(r).map((reason) =>
      reason.key === 'criteriaFired' && reason.params.count === 1
        ? { key: 'summary.criterionFired', params: reason.params }
        : { key: `summary.${reason.key}`, params: reason.params },
    ),
  };
}
