import { CASE_STATUSES, LANES, type AuthUser, type Lane, type Role } from '../core/api.types';
import { PAGE_ROLES } from '../page-roles';
import type {
  BookingSummary,
  CompanionLinkView,
  FormOfPayment,
  PassengerDecisionView,
  PassengerOutcome,
  PassengerScreeningStage,
  PassengerSex,
  TravelDocumentType,
} from './passengers.types';

/** Screening stages, in the order a passenger goes through them. */
export const PASSENGER_STAGES: readonly PassengerScreeningStage[] = ['APIS', 'APIS_PNR'];
/** Screening outcomes. */
export const PASSENGER_OUTCOMES: readonly PassengerOutcome[] = ['CLEARED', 'SELECTED'];
/** Travel document types (P passport, I identity card, O other). */
export const TRAVEL_DOCUMENT_TYPES: readonly TravelDocumentType[] = ['P', 'I', 'O'];
/** Sexes as on the travel document. */
export const PASSENGER_SEXES: readonly PassengerSex[] = ['M', 'F', 'X'];
/** Forms of payment of a booking (`FORMS_OF_PAYMENT` of `libs/domain/src/passenger/pnr.ts`). */
export const FORMS_OF_PAYMENT: readonly FormOfPayment[] = ['CASH', 'CARD', 'INVOICE', 'MILES', 'OTHER'];

/** Rows the page asks for first; "show more" asks for {@link MAX_QUEUE_LIMIT}. */
export const QUEUE_LIMIT = 100;
/** The most rows `GET /api/passengers/queue` answers at once. */
export const MAX_QUEUE_LIMIT = 200;
/**
 * The airport office an analyst or auditor (who has no office) sees first: Incheon Airport (40),
 * the office of the passenger desk among the demo users.
 */
export const DEFAULT_AIRPORT_OFFICE = '40';

/**
 * Which office's queue the page asks for: null for a user bound to an office (officers,
 * supervisors, the passenger desk: the API takes their own and allows no other); for analysts
 * and auditors the `?office=` of the URL when it looks like an office code, else
 * {@link DEFAULT_AIRPORT_OFFICE}.
 */
export function queueOffice(user: AuthUser | null, fromUrl: string | null | undefined): string | null {
  if (user?.officeId) return null;
  const code = fromUrl?.trim() ?? '';
  return /^\d{2}$/.test(code) ? code : DEFAULT_AIRPORT_OFFICE;
}

/** One line of "why selected", as the page shows it. */
export type ReasonRow =
  /** A fired criterion: its `ID vN`, lane and the facts that made it fire. */
  | { kind: 'criterion'; criterion: string; lane: Lane; text: string }
  /** The earlier selection on the passenger list (APIS) that a screening with the PNR keeps. */
  | { kind: 'earlier'; lane: Lane; decisionId: string }
  /** Any other reason, in the API's words. */
  | { kind: 'text'; text: string };

const CRITERION_REASON = /^(\S+ v\d+) \((RED|YELLOW|GREEN)\): ([\s\S]*)$/;
const EARLIER_REASON = /^selected (RED|YELLOW|GREEN) on the passenger list before \((.+)\)$/;
const COMPANION_REASON = /^shares booking ([A-Z0-9]+) with a person watched for /;

/**
 * The reasons of a screening, one row each, with the criterion's `ID vN (LANE): ` prefix
 * (`explainCriterion`) and the earlier-selection line (`passengerSelection` of `libs/decision`)
 * taken apart so the page can label them in the reader's language. The reason a companion link
 * writes is left out when the link itself is among `companionLinks` (the page shows the links
 * apart, with their source); other reasons keep their text.
 */
export function reasonRows(d: { reasons: readonly string[]; companionLinks: readonly CompanionLinkView[] }): ReasonRow[] {
  const linked = new Set(d.companionLinks.map((l) => l.bookingReference));
  const rows: ReasonRow[] = [];
  for (const text of d.reasons) {
    const companion = COMPANION_REASON.exec(text);
    if (companion && linked.has(companion[1])) continue;
    const criterion = CRITERION_REASON.exec(text);
    if (criterion) {
      rows.push({ kind: 'criterion', criterion: criterion[1], lane: criterion[2] as Lane, text: criterion[3] });
      continue;
    }
    const earlier = EARLIER_REASON.exec(text);
    rows.push(earlier ? { kind: 'earlier', lane: earlier[1] as Lane, decisionId: earlier[2] } : { kind: 'text', text });
  }
  return rows;
}

/** A text to translate: its i18n key and the values it takes. */
export interface Phrase {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The booking facts of a selected passenger as short phrases, in the order an officer reads
 * them: booked N days before departure, form of payment, travelling alone or with N others,
 * stay (or one-way), bags.
 */
export function bookingPhrases(b: BookingSummary): Phrase[] {
  const n = (key: string, value: number): Phrase => ({ key: countedKey(key, value), params: { n: value } });
  return [
    n('pax.booking.daysBefore', b.bookingDaysBeforeDeparture),
    { key: paymentKey(b.formOfPayment) },
    b.companions === 0 ? { key: 'pax.booking.alone' } : n('pax.booking.companions', b.companions),
    b.lengthOfStayDays === null ? { key: 'pax.booking.oneWay' } : n('pax.booking.stay', b.lengthOfStayDays),
    n('pax.booking.bags', b.bags),
  ];
}

/** The i18n key of a counted phrase: `<key>.one` for 1, `<key>.other` for any other count ("1 bag", "2 bags"). */
export function countedKey(key: string, n: number): string {
  return `${key}.${n === 1 ? 'one' : 'other'}`;
}

/** i18n key of a form of payment; one the page does not know reads "other". */
export function paymentKey(formOfPayment: string): string {
  return `pax.payment.${(FORMS_OF_PAYMENT as readonly string[]).includes(formOfPayment) ? formOfPayment : 'OTHER'}`;
}

/** Airports in travel order as one line: `YYZ → LAX → ICN`. */
export function routeText(airports: readonly string[]): string {
  return airports.join(' → ');
}

/** i18n key of a screening stage ("APIS" / "APIS + PNR"). */
export function stageKey(stage: PassengerScreeningStage): string {
  return `pax.stage.${stage}`;
}

/** i18n key of an inspection case status (`status.QUEUED`...), or null for one the page does not know (shown as the API wrote it). */
export function caseStatusKey(status: string): string | null {
  return (CASE_STATUSES as readonly string[]).includes(status) ? `status.${status}` : null;
}

/** The case page's route of an inspection case when `role` may open it (`PAGE_ROLES.case`), else null (the id is shown as text). */
export function caseLink(caseId: string | null, role: Role | null | undefined): string[] | null {
  return caseId && role && (PAGE_ROLES.case as readonly Role[]).includes(role) ? ['/cases', caseId] : null;
}

/**
 * The route of a companion link's source when `role` may open it: a risk case (`risk-case-...`)
 * on the risk-case page, the inspection case of an earlier seizure (`inspection-case-...`) on the
 * case page; null otherwise.
 */
export function sourceLink(sourceId: string, role: Role | null | undefined): string[] | null {
  if (!role) return null;
  if (sourceId.startsWith('risk-case-')) return (PAGE_ROLES.riskCases as readonly Role[]).includes(role) ? ['/risk-cases', sourceId] : null;
  if (sourceId.startsWith('inspection-case-')) return caseLink(sourceId, role);
  return null;
}

/** True when a value is shown masked (the API replaces the hidden characters with `*`). */
export function isMasked(value: string): boolean {
  return value.includes('*');
}

/** The full name as on the document, `SURNAME Given Names`; the surname alone for a mononym. */
export function fullName(p: { surname: string; givenNames: string }): string {
  return p.givenNames ? `${p.surname} ${p.givenNames}` : p.surname;
}

/** One screening of the decision chain, with which later screening replaced it. */
export interface ChainStep {
  decision: PassengerDecisionView;
  /** The id of the later decision that supersedes this one, or null. */
  supersededBy: string | null;
  /** True for the decision in force (superseded by none). */
  current: boolean;
}

/**
 * The screenings of a passenger oldest first (as the API lists them), each marked with the later
 * decision that supersedes it (`supersedes` of the later one names it), and the one in force.
 */
export function decisionChain(decisions: readonly PassengerDecisionView[]): ChainStep[] {
  const supersededBy = new Map<string, string>();
  for (const d of decisions) if (d.supersedes) supersededBy.set(d.supersedes, d.decisionId);
  return decisions.map((decision) => {
    const by = supersededBy.get(decision.decisionId) ?? null;
    return { decision, supersededBy: by, current: by === null };
  });
}

/**
 * Every i18n key the page composes from a value (stage, outcome, document type, sex, payment,
 * counted booking phrase, lane), for the key-completeness spec; the page's fixed keys are checked
 * by the same spec's language parity.
 */
export function passengerComposedKeys(): string[] {
  const counted = ['daysBefore', 'companions', 'stay', 'bags'].flatMap((k) => [1, 2].map((n) => countedKey(`pax.booking.${k}`, n)));
  return [
    ...PASSENGER_STAGES.map(stageKey),
    ...PASSENGER_OUTCOMES.map((o) => `pax.outcome.${o}`),
    ...TRAVEL_DOCUMENT_TYPES.map((t) => `pax.docType.${t}`),
    ...PASSENGER_SEXES.map((s) => `pax.sex.${s}`),
    ...FORMS_OF_PAYMENT.map(paymentKey),
    ...counted,
    'pax.booking.alone',
    'pax.booking.oneWay',
    ...LANES.map((l) => `lane.${l}`),
    ...[true, false].map((m) => `pax.masked.${m}`),
  ];
}
