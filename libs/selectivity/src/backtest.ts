import type { Declaration } from '@customs/domain';
import { declarationFacts } from './facts';
import { isLeaf, type ConditionNode, type SelectivityCriterion } from './criterion';
import { findKeyword, CONTAINS_ANY_KEYWORD } from './operators/contains-any-keyword.operator';
import { criterionHolds } from './selectivity-engine';

/** The lanes a stored decision may have. */
export type BacktestLane = 'GREEN' | 'YELLOW' | 'RED';

/** One stored decision, as a backtest reads it. */
export interface BacktestDecision {
  declaration: Declaration;
  /** When it was decided, ISO timestamp (its UTC day is the day it counts for). */
  decidedAt: string;
  /** The lane it got. */
  lane: BacktestLane;
  /** Ids of the criteria that fired on it then. */
  firedCriteria: string[];
  /** Whether a recorded inspection found fraud (true), found none (false), or there is none (null). */
  fraud: boolean | null;
}

/** How many declarations a backtested criterion selects in one office, by the lane they actually got. */
export interface BacktestOfficeCount {
  officeId: string;
  selected: number;
  /** The lanes those declarations got when they were screened. */
  byLane: Record<BacktestLane, number>;
  /**
   * Selected declarations that were not already going where this criterion sends them: GREEN ones
   * for a YELLOW criterion, GREEN or YELLOW ones for a RED criterion. The extra inspections.
   */
  extra: number;
}

/** A criterion in force that also selected some of the same declarations. */
export interface BacktestOverlap {
  criterionId: string;
  /** Of the declarations the backtested criterion selects, how many this one selected too. */
  selected: number;
  /** `selected` over all the backtested criterion selects, % (0-100, one decimal). */
  share: number;
}

/** Goods descriptions a keyword condition matched, grouped by the keyword that matched. */
export interface BacktestKeywordMatch {
  keyword: string;
  count: number;
  /** Up to five distinct descriptions it matched, for a human to judge ("GUN" in "GLUE GUN"). */
  examples: string[];
}

/** What a criterion would have done to the declarations of a past period. */
export interface BacktestTotals {
  /** Declarations read. */
  scanned: number;
  /** Declarations the criterion selects. */
  selected: number;
  byOffice: BacktestOfficeCount[];
  /** Per UTC day of decision, the days with a selection, in order. */
  byDay: Array<{ date: string; selected: number }>;
  /** Criteria in force that selected the same declarations, most overlapping first. */
  overlap: BacktestOverlap[];
  /** Selected declarations with a recorded inspection result, and those where it found fraud. */
  inspected: number;
  hits: number;
  /** hits / inspected, 0-1 (four decimals); null without inspected declarations. */
  hitRate: number | null;
  keywordMatches: BacktestKeywordMatch[];
}

const EXAMPLES = 5;

/** The keyword lists of every `containsAnyKeyword` leaf of a condition tree. */
function keywordLeaves(node: ConditionNode, out: string[][] = []): string[][] {
  if (isLeaf(node)) {
    if (node.operator === CONTAINS_ANY_KEYWORD && Array.isArray(node.value)) out.push(node.value.filter((k): k is string => typeof k === 'string'));
  } else if ('not' in node) keywordLeaves(node.not, out);
  else for (const child of 'all' in node ? node.all : node.any) keywordLeaves(child, out);
  return out;
}

/**
 * Runs one criterion (a draft or a stored version) over stored decisions, one at a time, with the
 * same condition semantics as screening (`criterionHolds` on `declarationFacts`), and counts what
 * it would have done: selections per office, lane and day, the criteria in force already
 * selecting the same declarations, the hit rate where inspections were recorded, and the goods
 * descriptions its keyword conditions matched. Memory is bounded by the number of offices, days,
 * criteria and keywords, not by the number of declarations, so a caller can stream them.
 *
 * Validity dates and status are not applied: a backtest asks what the conditions select.
 */
export class CriterionBacktest {
  private scanned = 0;
  private selected = 0;
  private inspected = 0;
  private hits = 0;
  private readonly offices = new Map<string, BacktestOfficeCount>();
  private readonly days = new Map<string, number>();
  private readonly overlap = new Map<string, number>();
  private readonly keywords = new Map<string, { count: number; examples: Set<string> }>();
  private readonly keywordLists: string[][];

  constructor(private readonly criterion: Pick<SelectivityCriterion, 'id' | 'lane' | 'conditions'>) {
    this.keywordLists = keywordLeaves(criterion.conditions);
  }

  /** Counts one stored decision. */
  add(d: BacktestDecision): void {
    this.scanned += 1;
    if (!criterionHolds(this.criterion, declarationFacts(d.declaration))) return;
    this.selected += 1;
    const office = this.officeOf(d.declaration.officeId);
    office.selected += 1;
    office.byLane[d.lane] += 1;
    if (d.lane === 'GREEN' || (this.criterion.lane === 'RED' && d.lane === 'YELLOW')) office.extra += 1;
    const day = d.decidedAt.slice(0, 10);
    this.days.set(day, (this.days.get(day) ?? 0) + 1);
    for (const id of new Set(d.firedCriteria)) if (id !== this.criterion.id) this.overlap.set(id, (this.overlap.get(id) ?? 0) + 1);
    if (d.fraud !== null) {
      this.inspected += 1;
      if (d.fraud) this.hits += 1;
    }
    const description = d.declaration.goodsDescription ?? '';
    for (const list of this.keywordLists) {
      const keyword = description ? findKeyword(description, list) : null;
      if (keyword === null) continue;
      const k = this.keywords.get(keyword) ?? { count: 0, examples: new Set<string>() };
      k.count += 1;
      if (k.examples.size < EXAMPLES) k.examples.add(description);
      this.keywords.set(keyword, k);
    }
  }

  /** The counts so far. */
  totals(): BacktestTotals {
    const share = (n: number) => (this.selected === 0 ? 0 : Math.round((n / this.selected) * 1000) / 10);
    return {
      scanned: this.scanned,
      selected: this.selected,
      byOffice: [...this.offices.values()].sort((a, b) => b.selected - a.selected || a.officeId.localeCompare(b.officeId)),
      byDay: [...this.days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, selected]) => ({ date, selected })),
      overlap: [...this.overlap.entries()]
        .map(([criterionId, selected]) => ({ criterionId, selected, share: share(selected) }))
        .sort((a, b) => b.selected - a.selected || a.criterionId.localeCompare(b.criterionId)),
      inspected: this.inspected,
      hits: this.hits,
      hitRate: this.inspected === 0 ? null : Math.round((this.hits / this.inspected) * 10_000) / 10_000,
      keywordMatches: [...this.keywords.entries()]
        .map(([keyword, k]) => ({ keyword, count: k.count, examples: [...k.examples] }))
        .sort((a, b) => b.count - a.count || a.keyword.localeCompare(b.keyword)),
    };
  }

  private officeOf(officeId: string): BacktestOfficeCount {
    let o = this.offices.get(officeId);
    if (!o) this.offices.set(officeId, (o = { officeId, selected: 0, byLane: { GREEN: 0, YELLOW: 0, RED: 0 }, extra: 0 }));
    return o;
  }
}
