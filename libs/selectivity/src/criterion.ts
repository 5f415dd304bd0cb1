import { CRITERION_FACTS, type FactSpec } from './facts';
import { FACT_SPECS_BY_DOCUMENT, TARGET_DOCUMENTS, type AnyCriterionFact, type TargetDocument } from './target-documents';
import { CRITERION_OPERATORS, CriterionOperator, OPERATOR_SPECS } from './operators/criterion-operators';

export { CRITERION_FACTS, CRITERION_OPERATORS };

/** Where a criterion applies: CENTRAL to every office, LOCAL to one office. */
export const CRITERION_SCOPES = ['CENTRAL', 'LOCAL'] as const;
/** Where a criterion applies. */
export type CriterionScope = (typeof CRITERION_SCOPES)[number];

/** Lanes a criterion can send a declaration to (GREEN is the absence of a selection). */
export const CRITERION_LANES = ['YELLOW', 'RED'] as const;
/** YELLOW document review, RED physical inspection. */
export type CriterionLane = (typeof CRITERION_LANES)[number];

/** Risk areas of the CBTC risk lifecycle. */
export const RISK_AREAS = [
  'TAX_EVASION',
  'UNFAIR_TRADE',
  'ENVIRONMENT',
  'NATIONAL_SECURITY',
  'PUBLIC_HEALTH',
  'ILLEGAL_FOREIGN_EXCHANGE',
  'SMUGGLING_DRUGS',
  'SMUGGLING_WEAPONS',
  'SMUGGLING_OTHER',
  'ORIGIN_FRAUD',
  'UNDERVALUATION',
] as const;
/** A risk area of the CBTC risk lifecycle. */
export type RiskArea = (typeof RISK_AREAS)[number];

/** Life-cycle status of a criterion version; only ACTIVE ones are evaluated. */
export const CRITERION_STATUSES = ['DRAFT', 'ACTIVE', 'RETIRED'] as const;
/** Life-cycle status of a criterion version. */
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

/** Maximum depth of nested all/any/not nodes (the root counts as 1). */
export const MAX_CONDITION_DEPTH = 5;
/** Maximum number of leaf conditions in one criterion. */
export const MAX_CONDITION_LEAVES = 50;
/** Minimum number of search keywords on a criterion. */
export const MIN_KEYWORDS = 3;
/** Maximum number of search keywords on a criterion. */
export const MAX_KEYWORDS = 50;
/** Maximum length of one search keyword, characters. */
export const MAX_KEYWORD_LENGTH = 100;
/** Maximum length of `reason` and `pointsOfInterest`, characters (a page of text). */
export const MAX_CRITERION_TEXT_LENGTH = 4000;

/** A leaf condition: `fact operator value`, e.g. `{ fact: 'taxRate', operator: 'greaterThanInclusive', value: 27 }`. */
export interface LeafCondition {
  /** A fact of the criterion's target document. */
  fact: AnyCriterionFact;
  operator: CriterionOperator;
  value: unknown;
}
/** All children must hold. */
export interface AllCondition {
  /** @minItems 1 */
  all: ConditionNode[];
}
/** At least one child must hold. */
export interface AnyCondition {
  /** @minItems 1 */
  any: ConditionNode[];
}
/** The child must not hold. */
export interface NotCondition {
  not: ConditionNode;
}
/** A node of a json-rules-engine style condition tree. */
export type ConditionNode = LeafCondition | AllCondition | AnyCondition | NotCondition;
/** The root of a criterion's conditions: a boolean node (never a bare leaf). */
export type TopLevelConditions = AllCondition | AnyCondition | NotCondition;

/**
 * A search keyword of a criterion: non-blank, at most 100 characters (`MAX_KEYWORD_LENGTH`).
 * @minLength 1
 * @maxLength 100
 * @pattern \S
 */
export type CriterionKeyword = string;

/**
 * One version of a selectivity criterion. A version never changes; an edit makes a new one.
 * Ids look like `CEN-DRG-001` (central) or `LOC-40-003` (local to office 40).
 */
export interface SelectivityCriterion {
  /**
   * `CEN-<area>-<nnn>` (central) or `LOC-<office>-<nnn>` (local).
   * @pattern ^(CEN-[A-Z]{2,5}-[0-9]{3}|LOC-[0-9A-Z]{1,6}-[0-9]{3})$
   */
  id: string;
  /**
   * Version number, integer >= 1.
   * @asType integer
   * @minimum 1
   */
  version: number;
  scope: CriterionScope;
  /** Office code for LOCAL criteria; `null` for CENTRAL ones. */
  officeId: string | null;
  lane: CriterionLane;
  riskArea: RiskArea;
  /**
   * Why the criterion exists (the intelligence behind it).
   * @minLength 1
   * @maxLength 4000
   * @pattern \S
   */
  reason: string;
  /**
   * What the inspecting officer should look at.
   * @minLength 1
   * @maxLength 4000
   * @pattern \S
   */
  pointsOfInterest: string;
  /**
   * Search keywords for finding the criterion.
   * @minItems 3
   * @maxItems 50
   */
  keywords: CriterionKeyword[];
  /**
   * First day of validity, ISO `YYYY-MM-DD`, inclusive.
   * @format date
   */
  validFrom: string;
  /**
   * Last day of validity, ISO `YYYY-MM-DD`, inclusive (>= validFrom).
   * @format date
   */
  validTo: string;
  status: CriterionStatus;
  /**
   * The document it screens: import declarations (the default when absent, as for every
   * criterion written before the express and passenger streams), express manifest waybills, or
   * passengers. Its conditions name that document's facts (`FACT_SPECS_BY_DOCUMENT`).
   */
  targetDocument?: TargetDocument;
  conditions: TopLevelConditions;
}

/** Thrown by {@link validateCriterion}; `problems` lists every `path: message`. */
export class CriterionValidationError extends Error {
  constructor(
    readonly problems: string[],
    context?: string,
  ) {
    super(`${context ? context + ': ' : ''}invalid criterion: ${problems.join('; ')}`);
    this.name = 'CriterionValidationError';
  }
}

const ID_PATTERN = /^(CEN-[A-Z]{2,5}-\d{3}|LOC-[0-9A-Z]{1,6}-\d{3})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const KNOWN_KEYS = new Set([
  'id', 'version', 'scope', 'officeId', 'lane', 'riskArea', 'reason', 'pointsOfInterest',
  'keywords', 'validFrom', 'validTo', 'status', 'conditions', 'targetDocument',
]);
/** Facts `hsStartsWithAny` may be applied to. */
const HS_FACTS: readonly string[] = ['hsCode', 'hsHeading', 'hsChapter'];

function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !DATE_PATTERN.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function nonBlank(x: unknown): x is string {
  return typeof x === 'string' && x.trim().length > 0;
}

function oneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

/**
 * Checks the condition tree and appends `path: message` problems.
 * @returns the number of leaves under `node`.
 */
function checkConditions(node: unknown, path: string, depth: number, problems: string[], facts: Readonly<Record<string, FactSpec>>): number {
  if (!isObject(node)) {
    problems.push(`${path}: must be an object`);
    return 0;
  }
  const bools = ['all', 'any', 'not'].filter((k) => k in node);
  if (bools.length > 0) {
    if (depth > MAX_CONDITION_DEPTH) {
      problems.push(`${path}: nesting too deep (more than ${MAX_CONDITION_DEPTH} levels)`);
      return 0;
    }
    if (bools.length > 1 || Object.keys(node).length > 1) {
      problems.push(`${path}: a boolean node must have exactly one of all/any/not and nothing else`);
    }
    const op = bools[0];
    const children = node[op];
    if (op === 'not') return checkConditions(children, `${path}.not`, depth + 1, problems, facts);
    if (!Array.isArray(children) || children.length === 0) {
      problems.push(`${path}.${op}: must be a non-empty array`);
      return 0;
    }
    return children.reduce<number>((n, c, i) => n + checkConditions(c, `${path}.${op}[${i}]`, depth + 1, problems, facts), 0);
  }
  // A leaf.
  const extra = Object.keys(node).filter((k) => !['fact', 'operator', 'value'].includes(k));
  if (extra.length > 0) problems.push(`${path}: unexpected key(s) ${extra.join(', ')}`);
  const { fact, operator, value } = node;
  let factOk = false;
  if (typeof fact !== 'string' || !Object.prototype.hasOwnProperty.call(facts, fact)) problems.push(`${path}.fact: unknown fact ${JSON.stringify(fact)}`);
  else factOk = true;
  if (!oneOf(CRITERION_OPERATORS, operator)) {
    problems.push(`${path}.operator: unknown operator ${JSON.stringify(operator)}`);
    return 1;
  }
  if (!('value' in node)) {
    problems.push(`${path}.value: missing`);
    return 1;
  }
  if (!factOk) return 1;
  const factSpec = facts[fact as string];
  const opSpec = OPERATOR_SPECS[operator];
  if (!opSpec.factTypes.includes(factSpec.type)) {
    problems.push(`${path}.operator: "${operator}" does not apply to ${factSpec.type} fact "${fact}"`);
    return 1;
  }
  if (operator === 'hsStartsWithAny' && !HS_FACTS.includes(fact as string)) {
    problems.push(`${path}.operator: "hsStartsWithAny" applies only to ${HS_FACTS.join(', ')}`);
    return 1;
  }
  const err = opSpec.validateValue(value, factSpec.type, factSpec.nullable);
  if (err) problems.push(`${path}.value: "${operator}" on "${fact}" ${err}`);
  return 1;
}

/**
 * Validates untrusted input (a JSON file, an API body) as a {@link SelectivityCriterion}.
 * @param input the parsed JSON value.
 * @param context optional prefix for the error message, e.g. the file path.
 * @returns the same object, typed.
 * @throws CriterionValidationError naming every problem with its path, e.g.
 *   `conditions.all[1].operator: unknown operator "regex"`.
 */
export function validateCriterion(input: unknown, context?: string): SelectivityCriterion {
  const problems: string[] = [];
  if (!isObject(input)) throw new CriterionValidationError(['(root): must be an object'], context);
  const c = input;
  for (const k of Object.keys(c)) if (!KNOWN_KEYS.has(k)) problems.push(`${k}: unknown field`);

  if (typeof c.id !== 'string' || !ID_PATTERN.test(c.id)) {
    problems.push(`id: must look like CEN-XXX-001 or LOC-<office>-001, got ${JSON.stringify(c.id)}`);
  }
  if (typeof c.version !== 'number' || !Number.isInteger(c.version) || c.version < 1) {
    problems.push(`version: must be an integer >= 1, got ${JSON.stringify(c.version)}`);
  }
  if (!oneOf(CRITERION_SCOPES, c.scope)) problems.push(`scope: must be one of ${CRITERION_SCOPES.join(', ')}`);
  if (c.scope === 'LOCAL') {
    if (!nonBlank(c.officeId)) problems.push('officeId: required (non-empty string) for a LOCAL criterion');
    else if (typeof c.id === 'string' && c.id.startsWith('LOC-') && c.id.split('-')[1] !== c.officeId) {
      problems.push(`id: office part of "${c.id}" does not match officeId "${c.officeId}"`);
    }
    if (typeof c.id === 'string' && !c.id.startsWith('LOC-')) problems.push('id: a LOCAL criterion id starts with LOC-');
  } else if (c.scope === 'CENTRAL') {
    if (c.officeId !== null) problems.push('officeId: must be null for a CENTRAL criterion');
    if (typeof c.id === 'string' && !c.id.startsWith('CEN-')) problems.push('id: a CENTRAL criterion id starts with CEN-');
  }
  if (!oneOf(CRITERION_LANES, c.lane)) problems.push(`lane: must be one of ${CRITERION_LANES.join(', ')}`);
  if (!oneOf(RISK_AREAS, c.riskArea)) problems.push(`riskArea: must be one of ${RISK_AREAS.join(', ')}`);
  for (const field of ['reason', 'pointsOfInterest'] as const) {
    const text = c[field];
    if (!nonBlank(text)) problems.push(`${field}: required non-empty text`);
    else if (text.length > MAX_CRITERION_TEXT_LENGTH) problems.push(`${field}: at most ${MAX_CRITERION_TEXT_LENGTH} characters, got ${text.length}`);
  }
  if (!Array.isArray(c.keywords) || c.keywords.filter(nonBlank).length < MIN_KEYWORDS) {
    problems.push(`keywords: needs at least ${MIN_KEYWORDS} non-blank keywords`);
  } else if (c.keywords.some((k) => !nonBlank(k))) problems.push('keywords: every keyword must be a non-blank string');
  else if (c.keywords.length > MAX_KEYWORDS) problems.push(`keywords: at most ${MAX_KEYWORDS} keywords, got ${c.keywords.length}`);
  else if (c.keywords.some((k) => (k as string).length > MAX_KEYWORD_LENGTH)) problems.push(`keywords: each keyword at most ${MAX_KEYWORD_LENGTH} characters`);
  const fromOk = isIsoDate(c.validFrom);
  const toOk = isIsoDate(c.validTo);
  if (!fromOk) problems.push(`validFrom: must be an ISO date YYYY-MM-DD, got ${JSON.stringify(c.validFrom)}`);
  if (!toOk) problems.push(`validTo: must be an ISO date YYYY-MM-DD, got ${JSON.stringify(c.validTo)}`);
  if (fromOk && toOk && (c.validTo as string) < (c.validFrom as string)) {
    problems.push(`validTo: ${c.validTo} is before validFrom ${c.validFrom}`);
  }
  if (!oneOf(CRITERION_STATUSES, c.status)) problems.push(`status: must be one of ${CRITERION_STATUSES.join(', ')}`);
  if ('targetDocument' in c && !oneOf(TARGET_DOCUMENTS, c.targetDocument)) {
    problems.push(`targetDocument: must be one of ${TARGET_DOCUMENTS.join(', ')}, got ${JSON.stringify(c.targetDocument)}`);
  }
  const facts = FACT_SPECS_BY_DOCUMENT[oneOf(TARGET_DOCUMENTS, c.targetDocument) ? c.targetDocument : 'IMPORT_DECLARATION'];

  if (!isObject(c.conditions) || !['all', 'any', 'not'].some((k) => k in (c.conditions as object))) {
    problems.push('conditions: must be an object with all, any or not at the top');
  } else {
    const leaves = checkConditions(c.conditions, 'conditions', 1, problems, facts);
    if (leaves > MAX_CONDITION_LEAVES) problems.push(`conditions: too many leaf conditions (${leaves} > ${MAX_CONDITION_LEAVES})`);
  }

  if (problems.length > 0) throw new CriterionValidationError(problems, context);
  return input as unknown as SelectivityCriterion;
}

/** True when `node` is a leaf condition (not all/any/not). */
export function isLeaf(node: ConditionNode): node is LeafCondition {
  return !('all' in node) && !('any' in node) && !('not' in node);
}
