/**
 * The day-by-day replay of the selection-policy simulator (after the active-learning inspection
 * simulators of the customs-ML literature, e.g. Kim et al., DATE, KDD 2020): declarations are
 * replayed in date order; each office inspects at most its capacity per day; a policy learns only
 * what its own inspections reveal, so each policy keeps its own supply-chain history
 * (`OutcomeHistory`) and the outcomes of a day's inspections enter it after that day, never the
 * labels of declarations it did not inspect.
 */
import type { Declaration } from '@customs/domain';
import { OutcomeHistory, type HistoryLookup, type KeyPart, type LabelledOutcome } from '@customs/risk-model';
import { SeededRandom } from '../synthetic/random';
import { count, emptyCounts, finish, type FoundFraud, type PolicyCounts, type PolicyMetrics } from './metrics';
import { capacityFor, DEFAULT_SHARES, POLICY_NAMES, selectFor, type Candidate, type PolicyName, type PolicyShares } from './policies';

/** A replayed declaration with what inspection would find (read only once it is inspected, and to measure). */
export type ReplayRow = LabelledOutcome & { declaration: Declaration };

/**
 * Scores one day's declarations with the history as the policy knows it (outcomes dated strictly
 * before the day count): one fraud score in [0, 1] per declaration, in order. In the CLI the
 * deciding model through `RiskScorer.scoreDetailed`; in tests a fake.
 */
export type DayScorer = (decls: readonly Declaration[], history: HistoryLookup) => Promise<number[]>;

/** The criteria's verdict on a declaration: its lane and the number of criteria fired. */
export type CriteriaScreen = (decl: Declaration) => Pick<Candidate, 'lane' | 'fired'>;

export interface ReplayOptions {
  /** Share of each office-day's declarations that can be inspected (default 0.05; at least 1 per office-day). */
  capacity?: number;
  /** Exploration and control shares of the capacity (default 0.10 / 0.05). */
  shares?: PolicyShares;
  /** Seed of the policies' random draws (default 17). */
  seed?: number;
  /** Policies to run (default all four). */
  policies?: readonly PolicyName[];
  /** Outcomes known before the replay (e.g. the train split, all inspected); every policy starts from them. */
  seedHistory?: readonly LabelledOutcome[];
  /** The history's key definitions (`historyKeyDefinitions([scorer.spec])` in the CLI). */
  keyDefinitions: ReadonlyArray<readonly KeyPart[]>;
  score: DayScorer;
  screen: CriteriaScreen;
}

export interface ReplayResult {
  policies: Partial<Record<PolicyName, PolicyMetrics>>;
  /** Ids of the declarations each policy inspected, in replay order. */
  inspected: Partial<Record<PolicyName, string[]>>;
  /** The fraudulent declarations each policy's inspections found, in replay order, with whether the importer was unseen by that policy then. */
  found: Partial<Record<PolicyName, FoundFraud[]>>;
  /** The same metrics per customs office (recall over the office's own fraud), with the office's declarations and frauds. */
  offices: Record<string, { declarations: number; totalFraud: number; policies: Partial<Record<PolicyName, PolicyMetrics>> }>;
  declarations: number;
  days: number;
  /** Fraudulent declarations among the replayed ones. */
  totalFraud: number;
}

interface PolicyState {
  name: PolicyName;
  history: OutcomeHistory;
  seenImporters: Set<string>;
  rng: SeededRandom;
  counts: PolicyCounts;
  /** Counts per office id. */
  officeCounts: Map<string, PolicyCounts>;
  inspected: string[];
  found: FoundFraud[];
}

/** Groups positions of `items` by `key`, keys in sorted order, positions in input order. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): Array<[string, number[]]> {
  const m = new Map<string, number[]>();
  items.forEach((x, i) => {
    const k = key(x);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(i);
  });
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Replays `rows` (any order; replayed by date, then input order) under each policy.
 * @returns each policy's metrics and inspected ids, the number of declarations, days and frauds.
 */
export async function replay(rows: readonly ReplayRow[], options: ReplayOptions): Promise<ReplayResult> {
  const share = options.capacity ?? 0.05;
  const shares = options.shares ?? DEFAULT_SHARES;
  const seed = options.seed ?? 17;
  const names = options.policies ?? POLICY_NAMES;
  const states: PolicyState[] = names.map((name) => {
    const p = POLICY_NAMES.indexOf(name); // the draw of a policy does not depend on which others run
    const history = new OutcomeHistory(options.keyDefinitions);
    history.add(options.seedHistory ?? []);
    const seenImporters = new Set<string>();
    for (const o of options.seedHistory ?? []) if (o.declaration.importerId) seenImporters.add(o.declaration.importerId);
    return { name, history, seenImporters, rng: new SeededRandom(seed * 7919 + p), counts: emptyCounts(), officeCounts: new Map(), inspected: [], found: [] };
  });
  const days = groupBy(rows, (r) => r.declaration.date);
  for (const [, positions] of days) {
    const day = positions.map((i) => rows[i]);
    const decls = day.map((r) => r.declaration);
    const screened = decls.map((d) => options.screen(d));
    const offices = groupBy(decls, (d) => d.officeId);
    for (const state of states) {
      for (const [office] of offices) if (!state.officeCounts.has(office)) state.officeCounts.set(office, emptyCounts());
      const scores = state.name === 'criteria' ? decls.map(() => 0) : await options.score(decls, state.history);
      if (scores.length !== decls.length) throw new Error(`scorer returned ${scores.length} scores for ${decls.length} declarations`);
      const revealed: ReplayRow[] = [];
      for (const [office, members] of offices) {
        const candidates: Candidate[] = members.map((i) => ({ score: scores[i], lane: screened[i].lane, fired: screened[i].fired }));
        const picks = selectFor(state.name, candidates, capacityFor(members.length, share), shares, state.rng);
        for (const pick of picks) {
          const row = day[members[pick.index]];
          const inspected = { fraud: row.fraud, critical: row.critical, unseen: !state.seenImporters.has(row.declaration.importerId), reason: pick.reason };
          count(state.counts, inspected);
          count(state.officeCounts.get(office)!, inspected);
          state.inspected.push(row.declaration.declarationId);
          if (row.fraud === 1) state.found.push({ id: row.declaration.declarationId, unseen: inspected.unseen });
          revealed.push(row);
        }
      }
      // The day's inspection results reach this policy's history only after the whole day.
      state.history.add(revealed);
      for (const r of revealed) state.seenImporters.add(r.declaration.importerId);
    }
  }
  const totalFraud = rows.reduce((a, r) => a + r.fraud, 0);
  const perOffice = new Map<string, { declarations: number; totalFraud: number }>();
  for (const r of rows) {
    const o = perOffice.get(r.declaration.officeId) ?? { declarations: 0, totalFraud: 0 };
    o.declarations += 1;
    o.totalFraud += r.fraud;
    perOffice.set(r.declaration.officeId, o);
  }
  const offices: ReplayResult['offices'] = {};
  for (const [office, o] of [...perOffice].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    offices[office] = { ...o, policies: Object.fromEntries(states.map((s) => [s.name, finish(s.officeCounts.get(office) ?? emptyCounts(), o.totalFraud)])) };
  return {
    offices,
    policies: Object.fromEntries(states.map((s) => [s.name, finish(s.counts, totalFraud)])),
    inspected: Object.fromEntries(states.map((s) => [s.name, s.inspected])),
    found: Object.fromEntries(states.map((s) => [s.name, s.found])),
    declarations: rows.length,
    days: days.length,
    totalFraud,
  };
}
