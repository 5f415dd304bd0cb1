import { shortCaseId } from '../risk-cases/short-id';
import type { Desk, InboxItem, InboxQuery, IntelRiskArea, SourceType } from './intelligence.types';

/** The inbox's filters (`''` = any): desk (`CBTC` or an office code), risk area, source type, and linked reports only. */
export interface InboxFilters {
  desk: Desk | '';
  riskArea: IntelRiskArea | '';
  sourceType: SourceType | '';
  linkedOnly: boolean;
}

/** Reports the inbox loads at once (the API allows up to 200). */
export const INBOX_LIMIT = 100;

/**
 * The `GET /api/intelligence` query for the filters: unset ones left out, `linked=true` only when
 * asked; `offset` (reports already shown) only past the first page.
 */
export function inboxQuery(f: InboxFilters, offset = 0, limit = INBOX_LIMIT): InboxQuery {
  return {
    ...(f.desk ? { desk: f.desk } : {}),
    ...(f.riskArea ? { riskArea: f.riskArea } : {}),
    ...(f.sourceType ? { sourceType: f.sourceType } : {}),
    ...(f.linkedOnly ? { linked: 'true' as const } : {}),
    limit,
    ...(offset > 0 ? { offset } : {}),
  };
}

/**
 * A subject as one short phrase: the name of a person or company, `importerId QLRUBN9` for an
 * identifier (the page names the identifier's type in the user's language instead, `intel.idTypes.*`).
 */
export function subjectText(s: InboxItem['subjects'][number]): string {
  return s.kind === 'IDENTIFIER' ? `${s.idType ?? ''} ${s.value ?? ''}`.trim() : (s.name ?? '');
}

/** Subjects the report names beyond those shown (0 when all are shown). */
export function moreSubjects(item: InboxItem): number {
  return Math.max(0, item.subjectCount - item.subjects.length);
}

/** The desks a report went to: `CBTC`, or the offices routing chose. */
export function desksOfReport(item: InboxItem): string[] {
  return item.route === 'CBTC' ? ['CBTC'] : item.officeIds;
}

/** How the case column reads: linked to an open case (a duplicate whose case has not ended), the case it opened, or a case that ended. */
export type CaseLink = 'linkedOpen' | 'linkedEnded' | 'opened' | 'openedEnded';

/** Which {@link CaseLink} a report shows. */
export function caseLink(item: InboxItem): CaseLink {
  if (item.duplicate) return item.caseOpen ? 'linkedOpen' : 'linkedEnded';
  return item.caseOpen ? 'opened' : 'openedEnded';
}

/** A risk case as the inbox names it: `RC-` and the first eight hex digits of its id (`RC-1f2e3d4c`). */
export function caseRef(riskCaseId: string): string {
  return `RC-${shortCaseId(riskCaseId)}`;
}

/** The desks to choose from: CBTC first, then every office seen so far (kept across loads, so a filter never hides its own choices), by number. */
export function deskChoices(known: readonly string[], items: readonly InboxItem[]): string[] {
  const offices = new Set(known.filter((d) => d !== 'CBTC'));
  for (const item of items) for (const o of item.officeIds) offices.add(o);
  return ['CBTC', ...[...offices].sort((a, b) => Number(a) - Number(b))];
}
