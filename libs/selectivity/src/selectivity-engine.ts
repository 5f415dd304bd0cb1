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
import { DeclarationFacts, declarationFacts } from './facts';
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
  facts: DeclarationFacts,
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
  facts: DeclarationFacts,
): { result: boolean; conditions: ConditionTrace[] } {
  const conditions: ConditionTrace[] = [];
  const result = walk(criterion.conditions, facts, '', false, false, conditions);
  return { result, conditions };
}

/** A compiled json-rules-engine Engine whose runs are serialised (one run at a time). */
class EngineSlot {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(
    readonly engine: Engine,
    readonly byRuleName: Map<string, SelectivityCriterion>,
  ) {}

  /**
   * Runs the engine after every earlier run on it has finished: json-rules-engine keeps
   * run status on the Engine instance, so overlapping runs are not guaranteed safe.
   */
  run(facts: DeclarationFacts): Promise<SelectivityCriterion[]> {
    const next = this.tail.then(async () => {
      const { results } = await this.engine.run(facts as unknown as Record<string, unknown>);
      return results.map((r) => this.byRuleName.get(r.name as string)!);
    });
    this.tail = next.catch(() => undefined);
    return next;
  }
}

function ruleName(c: SelectivityCriterion): string {
  return `${c.id}@v${c.version}`;
}

/**
 * Screens declarations against a fixed set of criteria with json-rules-engine.
 *
 * Applies CENTRAL criteria plus the LOCAL criteria of the declaration's office, keeping
 * only ACTIVE ones whose validity window contains the declaration's acceptance date
 * (`validFrom <= date <= validTo`, so a replay gives the same answer). One Engine is
 * compiled lazily per (scope group, set of criteria valid on the date) and cached; the
 * set of distinct sets is small because windows change rarely. Runs on one Engine are
 * serialised, so concurrent {@link evaluate} calls are safe.
 */
export class SelectivityEngine {
  private readonly slots = new Map<string, EngineSlot>();

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
      const key = groupKey(c.scope, c.officeId);
      groups.set(key, [...(groups.get(key) ?? []), c]);
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
   * @returns the fired criteria with their condition traces and the resulting lane.
   * @throws Error if the audit walk disagrees with json-rules-engine (a bug, never expected).
   */
  async evaluate(decl: Declaration): Promise<SelectivityResult> {
    const facts = declarationFacts(decl);
    const fired: FiredCriterion[] = [];
    for (const key of [groupKey('CENTRAL', null), groupKey('LOCAL', decl.officeId)]) {
      const applicable = (this.groups.get(key) ?? []).filter((c) => c.validFrom <= decl.date && decl.date <= c.validTo);
      if (applicable.length === 0) continue;
      const selected = await this.slot(key, applicable).run(facts);
      const order = new Map(applicable.map((c, i) => [c, i]));
      selected.sort((a, b) => order.get(a)! - order.get(b)!);
      for (const c of selected) {
        const trace = traceConditions(c, facts);
        if (!trace.result) throw new Error(`audit trace of ${c.id} v${c.version} disagrees with the rules engine`);
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

  private slot(group: string, applicable: readonly SelectivityCriterion[]): EngineSlot {
    const key = `${group}|${applicable.map(ruleName).join(',')}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const engine = newEngine();
      const byRuleName = new Map<string, SelectivityCriterion>();
      for (const c of applicable) {
        byRuleName.set(ruleName(c), c);
        engine.addRule({ name: ruleName(c), conditions: c.conditions as never, event: { type: 'selected', params: { id: c.id, version: c.version } } });
      }
      slot = new EngineSlot(engine, byRuleName);
      this.slots.set(key, slot);
    }
    return slot;
  }
}

function groupKey(scope: CriterionScope, officeId: string | null): string {
  return scope === 'CENTRAL' ? 'CENTRAL' : `LOCAL:${officeId}`;
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
