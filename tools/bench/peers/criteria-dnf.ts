/**
 * The engine-neutral half of the peer translators (`to-rego.ts`, `to-drl.ts`): a selectivity
 * criterion's condition tree rewritten, mechanically and exactly, as a disjunction of
 * conjunctions of simple tests on one declaration's facts (disjunctive normal form).
 *
 * Each DNF alternative becomes one OPA rule body or one Drools rule, all firing the same
 * criterion key. Positive list conditions (`in`, `hsStartsWithAny`, `containsAnyKeyword`) are
 * expanded into one alternative per listed value, so that every alternative tests equalities
 * the peer's rule index can use; a negated list becomes a conjunction of negated values.
 *
 * Exactness rests on these facts about our engine (libs/selectivity):
 * - `equal`/`notEqual`/`in`/`notIn` are json-rules-engine's `===`, `!==` and `indexOf`;
 * - numeric comparisons fail on a fact that is not a number (a `null` `unitPriceKrwPerKg`);
 * - `hsStartsWithAny` is `String.prototype.startsWith` on a string fact;
 * - `containsAnyKeyword` with a one-word keyword holds exactly when the keyword, lower-cased,
 *   is one of `keywordTokens(text)` (see `keywordTokens` in contains-any-keyword.operator.ts);
 *   multi-word keywords (phrases) are refused here rather than approximated;
 * - declarations carry a 6-digit `hsCode` (validated at ingest), with `hsChapter` and
 *   `hsHeading` its first 2 and 4 digits, so an HS prefix of 2, 4 or 6 digits on `hsCode` is
 *   an equality on `hsChapter`, `hsHeading` or `hsCode` (option `hsPrefixAsEquality`).
 * What the criterion wraps around its conditions (ACTIVE status, validity window, office
 * scope) is read by {@link criterionAlternatives}.
 */
import { CRITERION_FACT_SPECS, ConditionNode, CriterionFact, SelectivityCriterion, isLeaf, keywordTokens, ruleName } from '@customs/selectivity';

/** A scalar a condition compares a fact with. */
export type Scalar = string | number | null;

/** Numeric comparison operators, with json-rules-engine's meaning on number facts. */
export type Comparison = '<' | '<=' | '>' | '>=';

/**
 * One test on the facts of a declaration:
 * - `eq`: fact `===` value;
 * - `member`: the fact `===` one of the values (a list left unexpanded);
 * - `prefix`: the fact is a string starting with one of the prefixes;
 * - `word`: one of the words (lower-case single tokens) is a token of the fact's text;
 * - `cmp`: the fact is a number and `fact op value` holds.
 */
export type Atom =
  | { kind: 'eq'; fact: string; value: Scalar }
  | { kind: 'member'; fact: string; values: Scalar[] }
  | { kind: 'prefix'; fact: string; prefixes: string[] }
  | { kind: 'word'; fact: string; words: string[] }
  | { kind: 'cmp'; fact: string; op: Comparison; value: number };

/** An atom or its negation. Negated list atoms never occur (they are split into negated single values). */
export interface Literal {
  atom: Atom;
  negated: boolean;
}

/** Literals that must all hold. */
export type Conjunction = Literal[];
/** Conjunctions of which one must hold: `[]` is false, `[[]]` is true. */
export type Dnf = Conjunction[];

/** Choices of the translation (defaults: {@link DEFAULT_DNF_OPTIONS}). */
export interface DnfOptions {
  /** Expand positive `in` / `hsStartsWithAny` / `containsAnyKeyword` lists into one alternative per value. */
  expandLists: boolean;
  /** Most alternatives per criterion before lists are left unexpanded (guards against a product blow-up). */
  maxAlternatives: number;
  /** Rewrite 2/4/6-digit prefixes on `hsCode` as equalities on `hsChapter` / `hsHeading` / `hsCode`. */
  hsPrefixAsEquality: boolean;
}

/** The translation's defaults: lists expanded up to 64 alternatives, HS prefixes as equalities. */
export const DEFAULT_DNF_OPTIONS: DnfOptions = { expandLists: true, maxAlternatives: 64, hsPrefixAsEquality: true };

/** A criterion the translators cannot express exactly (the run stops rather than approximating). */
export class UnsupportedCriterionError extends Error {}

/** The only text fact with a precomputed word set in the peers' facts, and the name of that set. */
export const WORD_SET_FACTS: Readonly<Record<string, string>> = { goodsDescription: 'words' };

const HS_PREFIX_FACTS: Readonly<Record<number, CriterionFact>> = { 2: 'hsChapter', 4: 'hsHeading', 6: 'hsCode' };

const COMPARISONS: Readonly<Record<string, Comparison>> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

/** Thrown while expanding when a criterion's alternatives outgrow `maxAlternatives` (it is then translated with lists whole). */
class TooManyAlternatives extends Error {}

/** The conjunction of two DNFs (pairwise concatenation), at most `limit` alternatives. */
function and(a: Dnf, b: Dnf, limit: number): Dnf {
  if (a.length * b.length > limit) throw new TooManyAlternatives();
  const out: Dnf = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out;
}

/** One atom per listed value. */
function singles(a: Atom): Atom[] {
  switch (a.kind) {
    case 'member':
      return a.values.map((value) => ({ kind: 'eq', fact: a.fact, value }));
    case 'prefix':
      return a.prefixes.map((p) => ({ kind: 'prefix', fact: a.fact, prefixes: [p] }));
    case 'word':
      return a.words.map((w) => ({ kind: 'word', fact: a.fact, words: [w] }));
    default:
      return [a];
  }
}

/** A positive list atom as a DNF: expanded into alternatives, or one list literal. Empty lists never hold. */
function positiveList(a: Atom, opts: DnfOptions): Dnf {
  const each = singles(a);
  if (each.length === 0) return [];
  if (opts.expandLists && each.length > opts.maxAlternatives) throw new TooManyAlternatives();
  if (opts.expandLists || each.length === 1) return each.map((atom) => [{ atom, negated: false }]);
  return [[{ atom: a, negated: false }]];
}

/** A negated list atom: every value negated (one conjunction). An empty list never holds, so its negation always does. */
function negatedList(a: Atom): Dnf {
  return [singles(a).map((atom) => ({ atom, negated: true }))];
}

/** An `hsStartsWithAny` prefix list, each prefix an equality where `hsPrefixAsEquality` allows it. */
function hsPrefixAtoms(fact: string, prefixes: string[], opts: DnfOptions): Atom[] {
  const rest: string[] = [];
  const out: Atom[] = [];
  for (const p of prefixes) {
    const eqFact = fact === 'hsCode' && opts.hsPrefixAsEquality ? HS_PREFIX_FACTS[p.length] : undefined;
    if (eqFact) out.push({ kind: 'eq', fact: eqFact, value: p });
    else rest.push(p);
  }
  if (rest.length > 0) out.push({ kind: 'prefix', fact, prefixes: rest });
  return out;
}

/** Lower-cased single-token keywords of a `containsAnyKeyword` list; phrases are refused. */
function keywordWords(keywords: unknown[], where: string): string[] {
  const words: string[] = [];
  for (const k of keywords) {
    if (typeof k !== 'string') continue; // the operator skips non-strings
    const normalised = k.toLowerCase().replace(/\s+/g, ' ').trim();
    if (normalised === '') continue; // a blank keyword never matches
    const tokens = keywordTokens(k);
    if (tokens.length !== 1 || tokens[0] !== normalised) throw new UnsupportedCriterionError(`${where}: keyword "${k}" is not a single word (phrases are not translated)`);
    words.push(tokens[0]);
  }
  return [...new Set(words)];
}

function scalars(value: unknown, where: string): Scalar[] {
  if (!Array.isArray(value)) throw new UnsupportedCriterionError(`${where}: expected a list`);
  return value.map((v) => scalar(v, where));
}

function scalar(v: unknown, where: string): Scalar {
  if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  throw new UnsupportedCriterionError(`${where}: value ${JSON.stringify(v)} is not a string, finite number or null`);
}

function leafDnf(fact: string, operator: string, value: unknown, opts: DnfOptions, where: string, negated: boolean): Dnf {
  if (!(fact in CRITERION_FACT_SPECS)) throw new UnsupportedCriterionError(`${where}: fact ${fact} is not an import-declaration fact`);
  const positive = (atom: Atom): Dnf => (negated ? negatedList(atom) : positiveList(atom, opts));
  switch (operator) {
    case 'equal':
    case 'notEqual': {
      const lit: Literal = { atom: { kind: 'eq', fact, value: scalar(value, where) }, negated: (operator === 'notEqual') !== negated };
      return [[lit]];
    }
    case 'in':
      return positive({ kind: 'member', fact, values: scalars(value, where) });
    case 'notIn':
      return leafDnf(fact, 'in', value, opts, where, !negated);
    case 'hsStartsWithAny': {
      const prefixes = (Array.isArray(value) ? value : []).filter((p): p is string => typeof p === 'string' && p.length > 0);
      const atoms = hsPrefixAtoms(fact, prefixes, opts);
      if (negated) return [atoms.flatMap((a) => negatedList(a)[0])];
      return atoms.flatMap((a) => positiveList(a, opts));
    }
    case 'containsAnyKeyword': {
      if (!(fact in WORD_SET_FACTS)) throw new UnsupportedCriterionError(`${where}: containsAnyKeyword on ${fact} (only ${Object.keys(WORD_SET_FACTS).join(', ')} has a word set)`);
      return positive({ kind: 'word', fact, words: keywordWords(Array.isArray(value) ? value : [], where) });
    }
    default: {
      const op = COMPARISONS[operator];
      if (!op) throw new UnsupportedCriterionError(`${where}: operator ${operator} is not translated`);
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new UnsupportedCriterionError(`${where}: ${operator} needs a finite number`);
      return [[{ atom: { kind: 'cmp', fact, op, value }, negated }]];
    }
  }
}

function nodeDnf(node: ConditionNode, opts: DnfOptions, where: string, negated: boolean): Dnf {
  if (isLeaf(node)) return leafDnf(node.fact, node.operator, node.value, opts, where, negated);
  if ('not' in node) return nodeDnf(node.not, opts, where, !negated);
  const children = 'all' in node ? node.all : node.any;
  const conjunctive = ('all' in node) !== negated; // De Morgan: not(all) = any(not), not(any) = all(not)
  const parts = children.map((c) => nodeDnf(c, opts, where, negated));
  const limit = opts.expandLists ? opts.maxAlternatives : Infinity;
  if (conjunctive) return parts.reduce<Dnf>((acc, p) => and(acc, p, limit), [[]]);
  const union = parts.flat();
  if (union.length > limit) throw new TooManyAlternatives();
  return union;
}

/**
 * A condition tree as a DNF (pure). Lists are expanded per `opts`; if the expansion would
 * exceed `opts.maxAlternatives`, the tree is translated again with lists left whole.
 * @throws UnsupportedCriterionError for what the translators cannot express exactly
 */
export function conditionsDnf(node: ConditionNode, opts: DnfOptions = DEFAULT_DNF_OPTIONS, where = 'criterion'): Dnf {
  try {
    return nodeDnf(node, opts, where, false);
  } catch (e) {
    if (!(e instanceof TooManyAlternatives)) throw e;
    return nodeDnf(node, { ...opts, expandLists: false }, where, false);
  }
}

/** Order of literals inside an alternative: equalities first (what rule indexes hash on), then lists, words, prefixes, comparisons, negations. */
function rank(l: Literal): number {
  if (l.negated) return 9;
  return { eq: 0, member: 1, word: 2, prefix: 3, cmp: 4 }[l.atom.kind];
}

/** One translated criterion: its key, the office a LOCAL one is scoped to, its validity window and its alternatives. */
export interface CriterionAlternatives {
  /** What the engines report when it fires: `id@vN` (our `ruleName`). */
  key: string;
  /** The office of a LOCAL criterion (the declaration's `officeId` must equal it); null for CENTRAL. */
  officeId: string | null;
  /** Validity window, ISO dates, inclusive: `validFrom <= date <= validTo`. */
  validFrom: string;
  validTo: string;
  /** The condition tree as alternatives, each ordered equalities first. */
  alternatives: Dnf;
}

/**
 * What one engine must check for a criterion, as our engine does: ACTIVE only (others give
 * null, as `SelectivityEngine.compile` skips them), CENTRAL or LOCAL to the declaration's
 * office, validity window containing the declaration's date, and the conditions.
 * @throws UnsupportedCriterionError for another target document or an untranslatable condition
 */
export function criterionAlternatives(c: SelectivityCriterion, opts: DnfOptions = DEFAULT_DNF_OPTIONS): CriterionAlternatives | null {
  if (c.status !== 'ACTIVE') return null;
  const document = (c as { targetDocument?: string }).targetDocument;
  if (document !== undefined && document !== 'IMPORT_DECLARATION') throw new UnsupportedCriterionError(`${c.id}: target document ${document} is not translated`);
  if (c.scope === 'LOCAL' && c.officeId === null) throw new UnsupportedCriterionError(`${c.id}: LOCAL without an office`);
  const alternatives = conditionsDnf(c.conditions, opts, ruleName(c)).map((conj) => [...conj].sort((a, b) => rank(a) - rank(b)));
  return { key: ruleName(c), officeId: c.scope === 'LOCAL' ? c.officeId : null, validFrom: c.validFrom, validTo: c.validTo, alternatives };
}
