import { Engine, EngineOptions } from 'json-rules-engine';
import { Declaration, Lane, mostSevereLane } from '@customs/domain';
import {
  ConditionNode,
  CriterionLane,
  CriterionScope,
  RiskArea,
  SelectivityCriterion,
  isLeaf,
  validateCriterion,
} from './criterion';
import { CriteriaIndex } from './criteria-index';
import { DeclarationFacts, declarationFacts } from './facts';
import { documentOf, TARGET_DOCUMENTS, type TargetDocument } from './target-documents';

/** The facts of one screened document: a declaration's (`declarationFacts`), a waybill's or a passenger's (`FACT_SPECS_BY_DOCUMENT`). */
export type ScreenedFacts = DeclarationFacts | Readonly<Record<string, unknown>>;
import { findKeyword } from './operators/contains-any-keyword.operator';
import { OPERATOR_SPECS, customOperators } from './operators/criterion-operators';

/** One leaf condition of a fired criterion as evaluated, for the audit trail. */
export interface ConditionTrace {
  fact: string;
  operator: string;
  /** The expected value written in the criterion. */
  value: unknown;
  /** The fact's value for this declaration (`null` when the fact is absent). */
  actual: unknown;
  /** Leaf verdict; `null` when not evaluated because an all/any short-circuited before it. */
  result: boolean | null;
  /** Position in the tree, e.g. `all[0]`, `all[1].any[0]`, `not.all[2]`. */
  path: string;
  /** True when the leaf sits under an odd number of `not` nodes (a false leaf then supports the selection). */
  negated: boolean;
}

/** A criterion that selected the declaration, with the trace of each leaf condition. */
export interface FiredCriterion {
  id: string;
  version: number;
  scope: CriterionScope;
  officeId: string | null;
  lane: CriterionLane;
  riskArea: RiskArea;
  reason: string;
  /** One entry per leaf, in tree order (depth first, left to right). */
  conditions: ConditionTrace[];
}

/** Outcome of screening one declaration against the criteria. */
export interface SelectivityResult {
  /** Fired criteria, CENTRAL first, then by id. */
  fired: FiredCriterion[];
  /** Most severe lane of the fired criteria; GREEN when none fired. */
  lane: Lane;
}

const ENGINE_OPTIONS: EngineOptions = { allowUndefinedFacts: true };

interface OperatorLike {
  evaluate(factValue: unknown, jsonValue: unknown): boolean;
}
interface OperatorMapLike {
  get(name: string): OperatorLike | undefined;
}

function newEngine(): Engine {
  const engine = new Engine([], ENGINE_OPTIONS);
  for (const op of customOperators()) engine.addOperator(op);
  return engine;
}

/**
 * The operator implementations the engines use, taken from a reference Engine so the
 * audit walk judges each leaf with exactly the same code as json-rules-engine.
 * `Engine.operators` is not in the published typings, hence the narrow cast.
 */
const REFERENCE_OPERATORS = (newEngine() as unknown as { operators: OperatorMapLike }).operators;

function evaluateLeaf(operator: string, factValue: unknown, value: unknown): boolean {
  const op = REFERENCE_OPERATORS.get(operator);
  if (!op) throw new Error(`unknown operator "${operator}"`);
  return op.evaluate(factValue, value);
}

/**
 * Walks a condition tree left to right with short-circuit semantics (an `all` stops at
 * the first false child, an `any` at the first true one) and records every leaf.
 * @returns the verdict of `node`.
 */
function walk(
  node: ConditionNode,
  facts: ScreenedFacts,
  path: string,
  negated: boolean,
  skip: boolean,
  out: ConditionTrace[],
): boolean {
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
  if (isLeaf(node)) {
    const actual = (facts as unknown as Record<string, unknown>)[node.fact];
    const result = skip ? null : evaluateLeaf(node.operator, actual, node.value);
    out.push({ fact: node.fact, operator: node.operator, value: node.value, actual: actual ?? null, result, path, negated });
    return result === true;
  }
  if ('not' in node) return !walk(node.not, facts, at('not'), !negated, skip, out);
  const isAll = 'all' in node;
  const children = isAll ? node.all : node.any;
  const key = isAll ? 'all' : 'any';
  let verdict = isAll;
  let decided = skip;
  children.forEach((child, i) => {
    const r = walk(child, facts, at(`${key}[${i}]`), negated, decided, out);
    if (decided) return;
    if (isAll && !r) {
      verdict = false;
      decided = true;
    } else if (!isAll && r) {
      verdict = true;
      decided = true;
    }
  });
  return verdict;
}

/**
 * Traces a criterion's conditions against a declaration's facts (pure).
 * @returns the overall verdict and one {@link ConditionTrace} per leaf.
 */
export function traceConditions(
  criterion: Pick<SelectivityCriterion, 'conditions'>,
  facts: ScreenedFacts,
): { result: boolean; conditions: ConditionTrace[] } {
  const conditions: ConditionTrace[] = [];
  const result = walk(criterion.conditions, facts, '', false, false, conditions);
  return { result, conditions };
}

function judge(node: ConditionNode, facts: Record<string, unknown>): boolean {
  if (isLeaf(node)) return evaluateLeaf(node.operator, facts[node.fact], node.value);
  if ('not' in node) return !judge(node.not, facts);
  if ('all' in node) {
    for (const child of node.all) if (!judge(child, facts)) return false;
    return true;
  }
  for (const child of node.any) if (judge(child, facts)) return true;
  return false;
}

/**
 * The verdict of a criterion's conditions on a declaration's facts (pure): the same
 * short-circuit walk and operators as {@link traceConditions}, without building the trace.
 */
export function criterionHolds(criterion: Pick<SelectivityCriterion, 'conditions'>, facts: ScreenedFacts): boolean {
  return judge(criterion.conditions, facts as unknown as Record<string, unknown>);
}

/** The rule name of a criterion version in a json-rules-engine Engine: `id@vN`. */
export function ruleName(c: Pick<SelectivityCriterion, 'id' | 'version'>): string {
  return `${c.id}@v${c.version}`;
}

/**
 * Adds a criterion to a json-rules-engine Engine as one rule (name {@link ruleName},
 * event `selected` with the id and version): the definition of what the criterion means.
 */
export function addCriterionRule(engine: Engine, c: SelectivityCriterion): void {
  engine.addRule({ name: ruleName(c), conditions: c.conditions as never, event: { type: 'selected', params: { id: c.id, version: c.version } } });
}

/** A new json-rules-engine Engine with the selectivity operators and options (no rules). */
export function newSelectivityRulesEngine(): Engine {
  return newEngine();
}

/**
 * Screens declarations against a fixed set of criteria.
 *
 * Applies CENTRAL criteria plus the LOCAL criteria of the declaration's office, keeping
 * only ACTIVE ones whose validity window contains the declaration's acceptance date
 * (`validFrom <= date <= validTo`, so a replay gives the same answer).
 *
 * The fast path: a {@link CriteriaIndex} per group (CENTRAL, each office's LOCAL) gives
 * the candidates, the criteria that can possibly fire (by equality and `in` values, HS
 * prefix and keyword token of one necessary "anchor" condition; criteria without an
 * anchor are always candidates); each candidate is judged with json-rules-engine's own
 * operator implementations, with the same short-circuit walk as the audit trace. The
 * cost per declaration grows with the number of candidates, not of criteria. The
 * differential spec (`selectivity-engine.differential.spec.ts`) proves it fires exactly
 * what a plain json-rules-engine `Engine.run` over all criteria in force fires.
 * Evaluation is synchronous inside, so concurrent {@link evaluate} calls are safe.
 */
export class SelectivityEngine {
  private readonly indexes = new Map<string, CriteriaIndex>();

  private constructor(private readonly groups: ReadonlyMap<string, readonly SelectivityCriterion[]>) {}

  /**
   * Builds an engine from criteria (each re-validated; DRAFT and RETIRED ones are ignored).
   * @throws CriterionValidationError for an invalid criterion; Error for a duplicate id+version.
   */
  static compile(criteria: readonly SelectivityCriterion[]): SelectivityEngine {
    const groups = new Map<string, SelectivityCriterion[]>();
    const seen = new Set<string>();
    for (const raw of criteria) {
      const c = validateCriterion(raw, `criterion ${String((raw as { id?: unknown }).id)}`);
      const name = ruleName(c);
      if (seen.has(name)) throw new Error(`duplicate criterion ${c.id} version ${c.version}`);
      seen.add(name);
      if (c.status !== 'ACTIVE') continue;
      const key = groupKey(documentOf(c), c.scope, c.officeId);
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(c);
    }
    for (const list of groups.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version));
    return new SelectivityEngine(groups);
  }

  /** Number of ACTIVE criteria held (all offices, all windows). */
  get size(): number {
    let n = 0;
    for (const list of this.groups.values()) n += list.length;
    return n;
  }

  /**
   * Screens one declaration.
   * @returns the fired criteria (CENTRAL first, then by id and version) with their
   *   condition traces, and the resulting lane.
   */
  async evaluate(decl: Declaration): Promise<SelectivityResult> {
    return this.evaluateNow(decl);
  }

  /** {@link evaluate}, synchronously (for batch loops and benchmarks). */
  evaluateNow(decl: Declaration): SelectivityResult {
    return this.evaluateFacts('IMPORT_DECLARATION', declarationFacts(decl), decl.date, decl.officeId);
  }

  /**
   * Screens one document of any target document by its facts: the ACTIVE criteria of that
   * document, CENTRAL and those LOCAL to `officeId`, valid on `date` (`YYYY-MM-DD`).
   * @param facts the document's facts, as `FACT_SPECS_BY_DOCUMENT[document]` names them
   * @returns the fired criteria with their traces, and the lane (as {@link evaluateNow}).
   */
  evaluateFacts(document: TargetDocument, facts: ScreenedFacts, date: string, officeId: string): SelectivityResult {
    const fired: FiredCriterion[] = [];
    for (const key of [groupKey(document, 'CENTRAL', null), groupKey(document, 'LOCAL', officeId)]) {
      const index = this.index(key);
      if (!index) continue;
      for (const c of index.candidates(facts)) {
        if (c.validFrom > date || date > c.validTo) continue;
        if (!criterionHolds(c, facts)) continue;
        const trace = traceConditions(c, facts);
        fired.push({
          id: c.id,
          version: c.version,
          scope: c.scope,
          officeId: c.officeId,
          lane: c.lane,
          riskArea: c.riskArea,
          reason: c.reason,
          conditions: trace.conditions,
        });
      }
    }
    return { fired, lane: mostSevereLane(fired.map((f) => f.lane)) };
  }

  private index(group: string): CriteriaIndex | undefined {
    let index = this.indexes.get(group);
    if (!index) {
      const list = this.groups.get(group);
      if (!list) return undefined;
      index = new CriteriaIndex(list);
      this.indexes.set(group, index);
    }
    return index;
  }
}

/** The CENTRAL group's key of each document, made once: screening asks for it per declaration. */
const CENTRAL_KEYS = Object.fromEntries(TARGET_DOCUMENTS.map((d) => [d, `${d}|CENTRAL`])) as Record<TargetDocument, string>;

function groupKey(document: TargetDocument, scope: CriterionScope, officeId: string | null): string {
  return scope === 'CENTRAL' ? CENTRAL_KEYS[document] : `${document}|LOCAL:${officeId}`;
}

function fmt(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ')}]`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'string') return v;
  return JSON.stringify(v ?? null);
}

function describeLeaf(t: ConditionTrace): string {
  if (t.operator === 'containsAnyKeyword' && !t.negated) {
    const kw = typeof t.actual === 'string' ? findKeyword(t.actual, t.value) : null;
    return `${t.fact} matched keyword "${kw ?? '?'}"`;
  }
  const phrase = OPERATOR_SPECS[t.operator as keyof typeof OPERATOR_SPECS]?.phrase ?? t.operator;
  const text = `${t.fact} ${fmt(t.actual)} ${phrase} ${fmt(t.value)}`;
  return t.negated ? `not (${text})` : text;
}

/**
 * One plain-English sentence saying why a criterion fired, listing the leaf conditions
 * that supported the selection, e.g.
 * `CEN-WPN-001 v1 (RED): hsCode 930200 starts with one of [9302, 9303]; goodsDescription matched keyword "pistol"`.
 */
export function explainCriterion(fired: FiredCriterion): string {
  const supporting = fired.conditions.filter((t) => t.result !== null && t.result !== t.negated);
  return `${fired.id} v${fired.version} (${fired.lane}): ${supporting.map(describeLeaf).join('; ')}`;
}
