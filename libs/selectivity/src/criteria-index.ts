import { ConditionNode, SelectivityCriterion, isLeaf } from './criterion';
import type { ScreenedFacts } from './selectivity-engine';
import { keywordTokens } from './operators/contains-any-keyword.operator';

/**
 * One way a declaration can "hit" an index key: a fact equal to a value (`equal`, `in`),
 * an HS fact starting with a prefix (`hsStartsWithAny`), a text fact holding a word
 * token (`containsAnyKeyword`), or a numeric fact at or below a ceiling (`upTo`: `lessThan`,
 * `lessThanInclusive`) or at or above a floor (`from`: `greaterThan`, `greaterThanInclusive`).
 */
export type AnchorKind = 'eq' | 'prefix' | 'token' | 'upTo' | 'from';

/** One key of a criterion's anchor: the declaration must hit at least one key of the anchor for the criterion to possibly fire. */
export interface AnchorKey {
  kind: AnchorKind;
  fact: string;
  /** The value (`eq`: any scalar compared with `===`; `prefix`, `token`: a string; `upTo`, `from`: a finite number). */
  value: unknown;
}

/**
 * A necessary condition of a criterion, as a disjunction of keys (the criterion can only
 * fire when the declaration hits one of them), or `null` when no such condition can be
 * read from the tree (the criterion is then always a candidate).
 */
export type Anchor = AnchorKey[] | null;

/**
 * Rough share of declarations whose fact equals one given value (1 / cardinality),
 * used only to choose the most selective anchor under an `all`. A wrong guess costs
 * speed, never correctness. Guesses from the KCS synthetic data's columns.
 */
const EQUALITY_SHARE: Record<string, number> = {
  declarationId: 1e-7,
  date: 1 / 365,
  officeId: 1 / 20,
  processType: 1 / 4,
  importType: 1 / 8,
  importUse: 1 / 8,
  paymentType: 1 / 4,
  transportMode: 1 / 4,
  declarantId: 1 / 1_000,
  importerId: 1 / 10_000,
  sellerId: 1 / 10_000,
  courierId: 1 / 30,
  hsCode: 1 / 4_000,
  hsChapter: 1 / 90,
  hsHeading: 1 / 1_000,
  departureCountry: 1 / 40,
  originCountry: 1 / 40,
  taxRate: 1 / 20,
  taxType: 1 / 10,
  originIndicator: 1 / 5,
  netMassKg: 1e-4,
  itemPriceKrw: 1e-5,
  unitPriceKrwPerKg: 1e-5,
  goodsDescription: 1 / 4_000,
};
/** Rough share of declarations whose HS code starts with a prefix of n digits. */
const PREFIX_SHARE = [1, 1 / 2, 1 / 90, 1 / 300, 1 / 1_000, 1 / 2_500, 1 / 4_000];
/** Rough share of goods descriptions holding one given word token (longer words are rarer). */
function tokenShare(token: string): number {
  return token.length >= 6 ? 1 / 500 : token.length >= 4 ? 1 / 150 : 1 / 30;
}

/**
 * Guessed share of declarations inside one numeric bound. Bounds are chosen as an anchor only
 * when nothing more selective is there (a numbers-only criterion, such as a bulk-undervaluation
 * band): an equality, prefix or word beats them.
 */
const RANGE_SHARE = 1 / 3;

function keyShare(k: AnchorKey): number {
  if (k.kind === 'upTo' || k.kind === 'from') return RANGE_SHARE;
  if (k.kind === 'eq') return k.value === null ? 1 / 2 : (EQUALITY_SHARE[k.fact] ?? 1 / 10);
  if (k.kind === 'prefix') return PREFIX_SHARE[Math.min((k.value as string).length, 6)];
  return tokenShare(k.value as string);
}

/** Estimated share of declarations that hit an anchor (lower is more selective). */
function anchorShare(keys: AnchorKey[]): number {
  return keys.reduce((s, k) => s + keyShare(k), 0);
}

/** The longest token of a keyword (the rarest, as a rule), or null when it has no word token. */
function keywordAnchorToken(keyword: string): string | null {
  let best: string | null = null;
  for (const t of keywordTokens(keyword)) if (best === null || t.length > best.length) best = t;
  return best;
}

/**
 * A necessary condition of `node` (pure). Leaves `equal` and `in` give one `eq` key per
 * value; `hsStartsWithAny` one `prefix` key per prefix; `containsAnyKeyword` one `token`
 * key per keyword (its longest word token: every token of a matched keyword is a whole
 * token of the text, see `keywordTokens`); `lessThan(Inclusive)` an `upTo` key and
 * `greaterThan(Inclusive)` a `from` key (a finite number, as criterion validation demands);
 * other leaves none. An `all` takes the most
 * selective anchor of its children (any one is necessary), an `any` the union of its
 * children's (none if one child has none), a `not` none.
 */
export function anchorOf(node: ConditionNode): Anchor {
  if (isLeaf(node)) {
    const { fact, operator, value } = node;
    switch (operator) {
      case 'equal':
        return [{ kind: 'eq', fact, value }];
      case 'in':
        return Array.isArray(value) ? value.map((v) => ({ kind: 'eq' as const, fact, value: v })) : null;
      case 'hsStartsWithAny':
        return Array.isArray(value) && value.every((p) => typeof p === 'string' && p.length > 0)
          ? value.map((p) => ({ kind: 'prefix' as const, fact, value: p }))
          : null;
      case 'containsAnyKeyword': {
        if (!Array.isArray(value)) return null;
        const keys: AnchorKey[] = [];
        for (const k of value) {
          if (typeof k !== 'string') continue; // the operator skips non-strings too
          const token = keywordAnchorToken(k);
          if (token === null) return null;
          keys.push({ kind: 'token', fact, value: token });
        }
        return keys;
      }
      case 'lessThan':
      case 'lessThanInclusive':
        return typeof value === 'number' && Number.isFinite(value) ? [{ kind: 'upTo', fact, value }] : null;
      case 'greaterThan':
      case 'greaterThanInclusive':
        return typeof value === 'number' && Number.isFinite(value) ? [{ kind: 'from', fact, value }] : null;
      default:
        return null;
    }
  }
  if ('not' in node) return null;
  if ('all' in node) {
    let best: Anchor = null;
    let bestShare = Infinity;
    for (const child of node.all) {
      const a = anchorOf(child);
      if (a === null) continue;
      const share = anchorShare(a);
      if (share < bestShare) {
        best = a;
        bestShare = share;
      }
    }
    return best;
  }
  const union: AnchorKey[] = [];
  for (const child of node.any) {
    const a = anchorOf(child);
    if (a === null) return null;
    union.push(...a);
  }
  return union;
}

/** A criterion in an index, with its position in its group's order (id, then version). */
export interface IndexedCriterion {
  criterion: SelectivityCriterion;
  ordinal: number;
  /** Stamp of the last lookup that returned it (dedupes a lookup without a Set). */
  seen: number;
}

type Postings = Map<string, Map<unknown, IndexedCriterion[]>>;

/** The numeric bounds of one fact, sorted by value, each with its criterion. */
interface Bounds {
  values: number[];
  entries: IndexedCriterion[];
}

/** First position in ascending `values` whose value is >= `v` (`values.length` when none). */
function firstAtLeast(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First position in ascending `values` whose value is > `v` (`values.length` when none). */
function firstAbove(values: readonly number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts collected bounds by value (ties keep insertion order). */
function sortBounds(map: Map<string, Array<{ value: number; entry: IndexedCriterion }>>): Map<string, Bounds> {
  const out = new Map<string, Bounds>();
  for (const [fact, list] of map) {
    list.sort((a, b) => a.value - b.value);
    out.set(fact, { values: list.map((x) => x.value), entries: list.map((x) => x.entry) });
  }
  return out;
}

function post(map: Postings, fact: string, value: unknown, entry: IndexedCriterion): void {
  let byValue = map.get(fact);
  if (!byValue) map.set(fact, (byValue = new Map()));
  const list = byValue.get(value);
  if (!list) byValue.set(value, [entry]);
  else if (list[list.length - 1] !== entry) list.push(entry);
}

const TOKEN_CACHE_LIMIT = 20_000;

/**
 * An inverted index over one group of criteria (CENTRAL, or one office's LOCAL ones) that
 * returns, for a declaration, a superset of the criteria that can fire: every criterion
 * whose anchor ({@link anchorOf}) the declaration hits, plus those without an anchor.
 * Lookup cost: one map probe per `eq` fact indexed, one per prefix length of each HS fact
 * indexed, one per word of each text fact indexed, one binary search per bounded numeric
 * fact, plus the candidates returned.
 *
 * Numeric bounds (a criterion anchored on `netMassKg > 20000`, say) are kept sorted per
 * fact: a declaration is a candidate of every ceiling at or above its value and every floor
 * at or below it. The numeric operators (json-rules-engine's) are false for a fact that
 * `parseFloat` reads as NaN (null, absent, NaN), so such a value hits no bound; a value of
 * another type (a numeric string) hits every bound of its fact, and the full judgement decides.
 */
export class CriteriaIndex {
  private readonly eq: Postings = new Map();
  private readonly prefix: Postings = new Map();
  private readonly token: Postings = new Map();
  /** `upTo` keys per fact: candidate when the fact is at or below the bound. */
  private readonly upTo: Map<string, Bounds>;
  /** `from` keys per fact: candidate when the fact is at or above the bound. */
  private readonly from: Map<string, Bounds>;
  private readonly always: IndexedCriterion[] = [];
  private readonly tokenCache = new Map<string, string[]>();
  private stamp = 0;

  /** @param criteria the group's criteria in evaluation order (the order of the results). */
  constructor(criteria: readonly SelectivityCriterion[]) {
    const upTo = new Map<string, Array<{ value: number; entry: IndexedCriterion }>>();
    const from = new Map<string, Array<{ value: number; entry: IndexedCriterion }>>();
    criteria.forEach((criterion, ordinal) => {
      const entry: IndexedCriterion = { criterion, ordinal, seen: 0 };
      const anchor = anchorOf(criterion.conditions);
      if (anchor === null || anchor.length === 0) {
        this.always.push(entry);
        return;
      }
      for (const k of anchor) {
        if (k.kind === 'upTo' || k.kind === 'from') {
          const bounds = k.kind === 'upTo' ? upTo : from;
          let list = bounds.get(k.fact);
          if (!list) bounds.set(k.fact, (list = []));
          list.push({ value: k.value as number, entry });
        } else post(k.kind === 'eq' ? this.eq : k.kind === 'prefix' ? this.prefix : this.token, k.fact, k.value, entry);
      }
    });
    this.upTo = sortBounds(upTo);
    this.from = sortBounds(from);
  }

  /** Number of criteria that are candidates for every declaration (no anchor). */
  get alwaysCandidates(): number {
    return this.always.length;
  }

  /**
   * The criteria that may fire for `facts`, each once, in evaluation order.
   * Not re-entrant (synchronous, so safe under concurrent async callers).
   */
  candidates(facts: ScreenedFacts): SelectivityCriterion[] {
    const stamp = ++this.stamp;
    const found: IndexedCriterion[] = [];
    const take = (list: IndexedCriterion[] | undefined, start = 0, end = list?.length ?? 0) => {
      if (!list) return;
      for (let i = start; i < end; i++) {
        const e = list[i];
        if (e.seen === stamp) continue;
        e.seen = stamp;
        found.push(e);
      }
    };
    const values = facts as unknown as Record<string, unknown>;
    take(this.always);
    for (const [fact, byValue] of this.eq) take(byValue.get(values[fact]));
    for (const [fact, byPrefix] of this.prefix) {
      const v = values[fact];
      if (typeof v !== 'string') continue;
      for (let n = 1; n <= v.length; n++) take(byPrefix.get(v.slice(0, n)));
    }
    for (const [fact, byToken] of this.token) {
      const v = values[fact];
      if (typeof v !== 'string') continue;
      for (const t of this.tokensOf(v)) take(byToken.get(t));
    }
    // Ceilings at or above the value ([first >= v, end)), floors at or below it ([0, first > v)).
    for (const [bounds, upTo] of [[this.upTo, true], [this.from, false]] as const) {
      for (const [fact, b] of bounds) {
        const v = values[fact];
        if (typeof v === 'number') {
          if (Number.isNaN(v)) continue;
          if (upTo) take(b.entries, firstAtLeast(b.values, v));
          else take(b.entries, 0, firstAbove(b.values, v));
        } else if (!Number.isNaN(Number.parseFloat(v as string))) take(b.entries);
      }
    }
    found.sort((a, b) => a.ordinal - b.ordinal);
    return found.map((e) => e.criterion);
  }

  private tokensOf(text: string): string[] {
    let tokens = this.tokenCache.get(text);
    if (!tokens) {
      if (this.tokenCache.size >= TOKEN_CACHE_LIMIT) this.tokenCache.clear();
      tokens = keywordTokens(text);
      this.tokenCache.set(text, tokens);
    }
    return tokens;
  }
}
