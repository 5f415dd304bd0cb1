import type { AuthUser, ConditionNodeInput, CriteriaMeta, CriterionInput, FactSpec, LeafConditionInput, TargetDocument } from '../core/api.types';
import { AREA_CODES, CRITERION_ID_PATTERN, MIN_KEYWORDS, addDays, nextId, operatorsFor, parseValue, splitList } from './criterion-rules';

/**
 * The criteria builder's form checks and the mapping of the API's answer back to the form's
 * fields. Field names: the form control names (`reason`, `keywords`, `officeId`, ...), one
 * `cond.<i>.fact|operator|value` per condition row (i from 0), `conditions` for the list as a
 * whole and `form` for what belongs to no field.
 */

/** A problem shown under a field: an i18n key with its parameters (our own check) or the API's text. */
export interface FieldProblem {
  key?: string;
  params?: Record<string, unknown>;
  text?: string;
}

/** Problems by field name (see the module comment); a field without problems has no entry. */
export type FieldProblems = Record<string, FieldProblem[]>;

/** One condition row as typed: field, operator and the compare value text. */
export interface ConditionRow {
  fact: string;
  operator: string;
  value: string;
}

/** The builder's form value (`getRawValue()`): every field as typed, before any checking. */
export interface CriterionFormValue {
  /** The document the criterion screens; its conditions may use that document's facts only. */
  document: TargetDocument;
  combinator: 'all' | 'any';
  conditions: ConditionRow[];
  pointsOfInterest: string;
  reason: string;
  /** Comma-separated. */
  keywords: string;
  scope: 'CENTRAL' | 'LOCAL';
  officeId: string;
  lane: 'YELLOW' | 'RED';
  riskArea: string;
  id: string;
  /** `YYYY-MM-DD` (the date input's value), or '' when empty. */
  validFrom: string;
  validTo: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The document of criteria that name none (libs/selectivity `DEFAULT_TARGET_DOCUMENT`). */
export const DEFAULT_DOCUMENT: TargetDocument = 'IMPORT_DECLARATION';

/** The i18n key naming a target document (`builder.documents.EXPRESS_MANIFEST`: "Express manifest"). */
export function documentKey(document: TargetDocument): string {
  return `builder.documents.${document}`;
}

/**
 * The facts a criterion on `document` may test, by name in the API's display order
 * (`meta.factsByDocument`; for import declarations `meta.facts` when an older API answers
 * without it); none for a document the API does not offer.
 */
export function factsOf(meta: CriteriaMeta, document: TargetDocument): Record<string, FactSpec> {
  return meta.factsByDocument?.[document] ?? (document === DEFAULT_DOCUMENT ? meta.facts : {});
}

/**
 * Whether the draft backtest (`POST /api/criteria/backtest`) and a stored version's backtest
 * mean anything for `document`: the API replays a criterion over the stored import-declaration
 * decisions only (criterion-backtest.service reads `decision_record`; `CriterionBacktest`
 * evaluates declaration facts), so a manifest or passenger criterion would be counted against
 * declarations that happen to share a fact name (`originCountry`, `goodsDescription`).
 */
export function canBacktest(document: TargetDocument): boolean {
  return document === DEFAULT_DOCUMENT;
}

/**
 * The condition rows once the target document changes to one whose facts are `facts`: a row
 * keeps its field when the new document has it with the same type, its operator when still
 * valid, and its value; any other row starts again on `defaultFact` with its first operator and
 * no value. A kept group (a revision's nested group) stays only when every field it names is in
 * the new document.
 * @returns the new rows, the kept groups that stay, and how many rows were reset and groups
 *   dropped (for the notice the builder shows).
 */
export function rowsForDocument(
  rows: readonly ConditionRow[],
  kept: readonly ConditionNodeInput[],
  from: Record<string, FactSpec>,
  to: Record<string, FactSpec>,
  operators: readonly string[],
): { rows: ConditionRow[]; kept: ConditionNodeInput[]; reset: number; dropped: number } {
  const first = defaultFact(Object.keys(to));
  let reset = 0;
  const next = rows.map((r): ConditionRow => {
    const spec = to[r.fact];
    if (spec && from[r.fact]?.type === spec.type) return r;
    reset += 1;
    return { fact: first, operator: operatorsFor(first, to[first], operators)[0] ?? '', value: '' };
  });
  const stays = kept.filter((n) => factsIn(n).every((f) => f in to));
  return { rows: next, kept: stays, reset, dropped: kept.length - stays.length };
}

/** Every field a condition node names. */
function factsIn(n: ConditionNodeInput): string[] {
  if ('fact' in n) return [n.fact];
  if ('not' in n) return factsIn(n.not);
  return ('all' in n ? n.all : n.any).flatMap(factsIn);
}

/**
 * Checks the whole form before saving, the way the API's `validateCriterion` would, and builds
 * the `POST /api/criteria` body: a target document the API offers (sent as `targetDocument`
 * except for import declarations, the API's default), conditions (field one of that document's
 * facts, operator valid for its type, value
 * parsed for the type: see `parseValue`), points of interest and reason required, at least
 * {@link MIN_KEYWORDS} keywords, an office for LOCAL, CENTRAL only for analysts, a known risk
 * area, an id of the right form and prefix (upper-cased), ISO dates with `validTo >= validFrom`.
 * Texts and the office are trimmed; new criteria are written `ACTIVE` (in force once approved).
 * @param kept condition groups a revision carries over from the stored version as they are
 *   (see `flattenConditions`), added after the rows.
 * @returns the body (null when anything is wrong) and every problem found, by field, as i18n
 *   keys (`builder.error.*`), condition ones with `{ n }` = the row number from 1.
 */
export function checkCriterionForm(
  v: CriterionFormValue,
  meta: CriteriaMeta,
  isAnalyst: boolean,
  kept: readonly ConditionNodeInput[] = [],
): { body: CriterionInput | null; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const add = (field: string, key: string, params?: Record<string, unknown>) => (problems[field] ??= []).push({ key, params });
  const leaves: LeafConditionInput[] = [];
  const documentOffered = (meta.targetDocuments ?? [DEFAULT_DOCUMENT]).includes(v.document);
  if (!documentOffered) add('document', 'builder.error.document');
  const facts = documentOffered ? factsOf(meta, v.document) : {};
  v.conditions.forEach((c, i) => {
    const spec = facts[c.fact];
    if (!spec) add(`cond.${i}.fact`, 'builder.error.fact', { n: i + 1 });
    else if (!operatorsFor(c.fact, spec, meta.operators).includes(c.operator)) add(`cond.${i}.operator`, 'builder.error.operator', { n: i + 1 });
    else {
      const parsed = parseValue(c.value, c.operator, spec);
      if (parsed.ok) leaves.push({ fact: c.fact, operator: c.operator, value: parsed.value });
      else add(`cond.${i}.value`, parsed.error, { n: i + 1 });
    }
  });
  if (v.conditions.length === 0 && kept.length === 0) add('conditions', 'builder.error.noCondition');
  if (!v.pointsOfInterest.trim()) add('pointsOfInterest', 'builder.error.required');
  if (!v.reason.trim()) add('reason', 'builder.error.required');
  const keywords = splitList(v.keywords);
  if (keywords.length < MIN_KEYWORDS) add('keywords', 'builder.error.keywords', { min: MIN_KEYWORDS });
  const officeId = v.scope === 'LOCAL' ? v.officeId.trim() : null;
  if (v.scope === 'LOCAL' && !officeId) add('officeId', 'builder.error.office');
  if (v.scope === 'CENTRAL' && !isAnalyst) add('scope', 'builder.error.centralAnalystsOnly');
  if (!(meta.riskAreas as readonly string[]).includes(v.riskArea)) add('riskArea', 'builder.error.required');
  const id = v.id.trim().toUpperCase();
  if (!CRITERION_ID_PATTERN.test(id)) add('id', 'builder.error.idFormat');
  else if (v.scope === 'LOCAL' && !id.startsWith(`LOC-${officeId}-`)) add('id', 'builder.error.idLocal', { office: officeId });
  else if (v.scope === 'CENTRAL' && !id.startsWith('CEN-')) add('id', 'builder.error.idCentral');
  if (!ISO_DAY.test(v.validFrom)) add('validFrom', 'builder.error.date');
  if (!ISO_DAY.test(v.validTo)) add('validTo', 'builder.error.date');
  else if (v.validTo < v.validFrom) add('validTo', 'builder.error.dateOrder');
  if (Object.keys(problems).length > 0) return { body: null, problems };
  const nodes: ConditionNodeInput[] = [...leaves, ...kept];
  const conditions = v.combinator === 'any' ? { any: nodes } : { all: nodes };
  return {
    body: {
      ...(v.document === DEFAULT_DOCUMENT ? {} : { targetDocument: v.document }),
      id, scope: v.scope, officeId, lane: v.lane, riskArea: v.riskArea, reason: v.reason.trim(),
      pointsOfInterest: v.pointsOfInterest.trim(), keywords, validFrom: v.validFrom, validTo: v.validTo, status: 'ACTIVE', conditions,
    },
    problems,
  };
}

/**
 * Which form field an API problem (`path: message`, as `POST /api/criteria`'s `errors` lists
 * them) belongs to: `conditions.all[2].value: ...` -> `cond.2.value` (a condition path without
 * a leaf key -> its `value`), `keywords: ...` -> `keywords`, `(root): ...` -> `(root)`; `form`
 * when the path is empty.
 */
export function fieldOfPath(problem: string): string {
  const path = problem.split(':')[0].trim();
  const cond = /^conditions\.(?:all|any)\[(\d+)\](?:\.(fact|operator|value))?/.exec(path);
  if (cond) return `cond.${cond[1]}.${cond[2] ?? 'value'}`;
  return path.split(/[.[]/)[0] || 'form';
}

/** The API's `errors` (`path: message`) by form field (see {@link fieldOfPath}), each shown as the API wrote it. */
export function problemsByField(errors: readonly string[]): FieldProblems {
  const byField: FieldProblems = {};
  for (const p of errors) (byField[fieldOfPath(p)] ??= []).push({ text: p });
  return byField;
}

/** The problems of several fields in the order asked, for one place in the form. */
export function problemsOf(problems: FieldProblems, ...fields: string[]): FieldProblem[] {
  return fields.flatMap((f) => problems[f] ?? []);
}

/**
 * The id suggested for a new criterion: the next free number after `LOC-<office>-` (office
 * trimmed, `XX` while empty) or `CEN-<area code>-` (`GEN` for an area without one), e.g.
 * `LOC-40-004` when `LOC-40-003` is the highest in use. See `nextId`.
 */
export function suggestedId(v: Pick<CriterionFormValue, 'scope' | 'officeId' | 'riskArea'>, existingIds: readonly string[]): string {
  const prefix = v.scope === 'LOCAL' ? `LOC-${v.officeId.trim() || 'XX'}-` : `CEN-${AREA_CODES[v.riskArea] ?? 'GEN'}-`;
  return nextId(prefix, existingIds);
}

/** A field as the picker lists it: its name, with its unit in brackets when it has one ("netMassKg (kg)"). */
export function factLabel(fact: string, spec: FactSpec | undefined): string {
  const unit = spec?.unit;
  return unit ? `${fact} (${unit})` : fact;
}

/** The field a new condition row starts with: `hsCode` when the API offers it, else the first field ('' when none). */
export function defaultFact(factNames: readonly string[]): string {
  return factNames.includes('hsCode') ? 'hsCode' : (factNames[0] ?? '');
}

/**
 * What the form starts with once the API's meta data is in: risk area UNDERVALUATION when
 * offered (else the first), and a validity window of `defaultValidityDays` days from `today`
 * inclusive (15 days: today .. today + 14).
 * @param today `YYYY-MM-DD` (UTC).
 */
export function initialFormValues(meta: CriteriaMeta, today: string): Pick<CriterionFormValue, 'riskArea' | 'validFrom' | 'validTo'> {
  return {
    riskArea: meta.riskAreas.includes('UNDERVALUATION') ? 'UNDERVALUATION' : meta.riskAreas[0],
    validFrom: today,
    validTo: addDays(today, meta.defaultValidityDays - 1),
  };
}

/**
 * Scope and office a new criterion starts with for its author: CENTRAL for CBTC analysts,
 * else LOCAL to the author's own office ('' when the user has none).
 */
export function authorDefaults(user: AuthUser | null): Pick<CriterionFormValue, 'scope' | 'officeId'> {
  return { scope: user?.role === 'cbtc_analyst' ? 'CENTRAL' : 'LOCAL', officeId: user?.officeId ?? '' };
}
