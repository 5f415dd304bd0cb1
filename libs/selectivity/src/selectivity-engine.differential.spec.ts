import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Declaration, HsNomenclature, kcsRowToDeclaration } from '@customs/domain';
import { CriteriaIndex } from './criteria-index';
import {
  CRITERION_LANES,
  ConditionNode,
  LeafCondition,
  MAX_CONDITION_DEPTH,
  RISK_AREAS,
  SelectivityCriterion,
  TopLevelConditions,
  validateCriterion,
} from './criterion';
import { CRITERION_FACT_SPECS, CriterionFact, declarationFacts } from './facts';
import { CriterionOperator } from './operators/criterion-operators';
import { FiredVersion, RulesEngineReference } from './rules-engine-reference';
import { SelectivityEngine } from './selectivity-engine';
import { prng } from '@customs/domain/testing';

/**
 * Differential test of the fast path: on every row of the bundled KCS sample (plus a few
 * edge-case variants) and on randomly generated criteria sets, `SelectivityEngine` fires
 * exactly the criteria (ids and versions) that a plain json-rules-engine `Engine.run` over
 * all criteria in force fires. Criteria are drawn with a seeded PRNG from the sample's own
 * values, so they do fire: every operator, nested all/any/not, central and local, validity
 * windows, several versions of one id, DRAFT and RETIRED ones.
 */

const SAMPLE = join(__dirname, '../../../e2e/fixtures/kcs-valid-sample.csv');


type Rng = () => number;
const pick = <T,>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const some = <T,>(r: Rng, xs: readonly T[], max: number): T[] => Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(r, xs));

const STRING_FACTS = (Object.keys(CRITERION_FACT_SPECS) as CriterionFact[]).filter((f) => CRITERION_FACT_SPECS[f].type === 'string');
const NUMBER_FACTS = (Object.keys(CRITERION_FACT_SPECS) as CriterionFact[]).filter((f) => CRITERION_FACT_SPECS[f].type === 'number');
const HS_FACTS: CriterionFact[] = ['hsCode', 'hsHeading', 'hsChapter'];
/** Keywords that stress the tokeniser: punctuation, case, spacing, no word character at all, non-Latin text. */
const ODD_KEYWORDS = ['n.e.c.', 'NES', '  Other  ', 'of', '-', '(', 'plastics;', 'steel,', 'parts and accessories', '권총', 'café', '_x', 'heading no. 3926'];

/** Values seen in the sample, per fact, to draw conditions from. */
interface Pools {
  strings: Map<CriterionFact, Array<string | null>>;
  numbers: Map<CriterionFact, number[]>;
  words: string[];
  phrases: string[];
  offices: string[];
  dates: string[];
}

function poolsOf(decls: Declaration[]): Pools {
  const strings = new Map<CriterionFact, Array<string | null>>();
  const numbers = new Map<CriterionFact, number[]>();
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const d of decls) {
    const f = declarationFacts(d) as unknown as Record<string, unknown>;
    for (const fact of STRING_FACTS) {
      const v = f[fact];
      if (typeof v === 'string' || v === null) strings.set(fact, [...(strings.get(fact) ?? []), v]);
    }
    for (const fact of NUMBER_FACTS) {
      const v = f[fact];
      if (typeof v === 'number') numbers.set(fact, [...(numbers.get(fact) ?? []), v]);
    }
    const text = d.goodsDescription ?? '';
    const ws = text.split(/[^A-Za-z]+/).filter((w) => w.length > 2);
    ws.forEach((w) => words.add(w));
    for (let i = 0; i + 1 < ws.length; i++) phrases.add(`${ws[i]} ${ws[i + 1]}`);
  }
  return {
    strings,
    numbers,
    words: [...words],
    phrases: [...phrases],
    offices: [...new Set(decls.map((d) => d.officeId)), '999'],
    dates: [...new Set(decls.map((d) => d.date))].sort(),
  };
}

function leaf(r: Rng, p: Pools): LeafCondition {
  const op = pick<CriterionOperator>(r, [
    'equal', 'equal', 'in', 'in', 'hsStartsWithAny', 'hsStartsWithAny', 'containsAnyKeyword', 'containsAnyKeyword',
    'notEqual', 'notIn', 'greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive',
  ]);
  if (op === 'hsStartsWithAny') {
    const fact = pick(r, HS_FACTS);
    const codes = p.strings.get('hsCode') as string[];
    return { fact, operator: op, value: some(r, codes, 3).map((c) => c.slice(0, pick(r, [2, 2, 4, 4, 6, 3, 5]))) };
  }
  if (op === 'containsAnyKeyword') {
    const fact = r() < 0.9 ? 'goodsDescription' : pick(r, STRING_FACTS);
    const kw = () => {
      const x = r();
      const w = x < 0.6 ? pick(r, p.words) : x < 0.85 ? pick(r, p.phrases) : pick(r, ODD_KEYWORDS);
      return r() < 0.3 ? w.toUpperCase() : w;
    };
    return { fact, operator: op, value: Array.from({ length: 1 + Math.floor(r() * 3) }, kw) };
  }
  if (op.startsWith('greater') || op.startsWith('less')) {
    const fact = pick(r, NUMBER_FACTS);
    return { fact, operator: op, value: pick(r, p.numbers.get(fact) ?? [0]) };
  }
  const numeric = r() < 0.2;
  const fact = numeric ? pick(r, NUMBER_FACTS) : pick(r, STRING_FACTS.filter((f) => f !== 'goodsDescription' || r() < 0.1));
  const pool: Array<string | number | null> = numeric ? (p.numbers.get(fact) ?? [0]) : (p.strings.get(fact) ?? ['X']);
  const value1 = () => {
    const v = pick(r, pool);
    // A value of the wrong type or null on a nullable fact now and then (validation allows null only there).
    if (v === null && !CRITERION_FACT_SPECS[fact].nullable) return 'X';
    return v;
  };
  if (op === 'equal' || op === 'notEqual') return { fact, operator: op, value: value1() };
  return { fact, operator: op, value: Array.from({ length: 1 + Math.floor(r() * 4) }, value1) };
}

function node(r: Rng, p: Pools, depth: number): ConditionNode {
  if (depth >= MAX_CONDITION_DEPTH || r() < 0.55) return leaf(r, p);
  return boolNode(r, p, depth);
}

function boolNode(r: Rng, p: Pools, depth: number): TopLevelConditions {
  const x = r();
  if (x < 0.12) return { not: node(r, p, depth + 1) };
  const children = Array.from({ length: 1 + Math.floor(r() * 3) }, () => node(r, p, depth + 1));
  return x < 0.7 ? { all: children } : { any: children };
}

function criteriaSet(seed: number, n: number, p: Pools): SelectivityCriterion[] {
  const r = prng(seed);
  const out: SelectivityCriterion[] = [];
  // Window boundaries on a few dates, before, inside and after the sample's range.
  const bounds = ['2020-12-01', p.dates[0], p.dates[3], p.dates[Math.floor(p.dates.length / 2)], p.dates[p.dates.length - 1], '2099-12-31'];
  for (let i = 0; i < n; i++) {
    const local = r() < 0.4;
    const officeId = local ? pick(r, p.offices) : null;
    const id = local ? `LOC-${officeId}-${String(i % 1000).padStart(3, '0')}` : `CEN-GEN-${String(i % 1000).padStart(3, '0')}`;
    const versions = r() < 0.15 ? 2 : 1;
    for (let version = 1; version <= versions; version++) {
      const [a, b] = [pick(r, bounds), pick(r, bounds)].sort();
      const conditions = r() < 0.1 ? { not: node(r, p, 2) } : r() < 0.75 ? { all: [leaf(r, p), ...Array.from({ length: Math.floor(r() * 3) }, () => node(r, p, 2))] } : boolNode(r, p, 1);
      out.push(
        validateCriterion({
          id,
          version,
          scope: local ? 'LOCAL' : 'CENTRAL',
          officeId,
          lane: pick(r, CRITERION_LANES),
          riskArea: pick(r, RISK_AREAS),
          reason: 'generated',
          pointsOfInterest: 'generated',
          keywords: ['generated', 'differential', 'test'],
          validFrom: a,
          validTo: b,
          status: r() < 0.9 ? 'ACTIVE' : pick(r, ['DRAFT', 'RETIRED'] as const),
          conditions,
        }),
      );
    }
  }
  return out;
}

/** The bundled KCS sample's rows as declarations (the file readers of @customs/io do the same, with per-row errors). */
async function sampleDeclarations(): Promise<Declaration[]> {
  const hs = HsNomenclature.default();
  const rows = parse(readFileSync(SAMPLE, 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((row, i) => {
    const d = kcsRowToDeclaration(row, { rowNumber: i + 1, nomenclature: hs });
    return d.goodsDescription === undefined ? { ...d, goodsDescription: hs.describe(d.hsCode) ?? undefined } : d;
  });
}

/** Edge-case variants: no description, zero mass (null unit price), odd text, unknown office, no seller or courier. */
function variants(decls: Declaration[]): Declaration[] {
  return decls.slice(0, 40).map((d, i) => {
    switch (i % 5) {
      case 0:
        return { ...d, declarationId: `${d.declarationId}-a`, goodsDescription: undefined };
      case 1:
        return { ...d, declarationId: `${d.declarationId}-b`, netMassKg: 0 };
      case 2:
        return { ...d, declarationId: `${d.declarationId}-c`, goodsDescription: `  ${(d.goodsDescription ?? '').toUpperCase()} -- 권총, CAFÉ (n.e.c.) _x 𝐀of` };
      case 3:
        return { ...d, declarationId: `${d.declarationId}-d`, officeId: '999' };
      default:
        return { ...d, declarationId: `${d.declarationId}-e`, sellerId: null, courierId: null };
    }
  });
}

const key = (f: FiredVersion) => `${f.id}@${f.version}`;

describe('SelectivityEngine fast path vs plain json-rules-engine (differential)', () => {
  let decls: Declaration[];
  let pools: Pools;

  beforeAll(async () => {
    const sample = await sampleDeclarations();
    expect(sample.length).toBe(1000);
    pools = poolsOf(sample);
    decls = [...sample, ...variants(sample)];
  });

  // Plain json-rules-engine costs about 0.1 ms per rule per declaration here, so the whole
  // sample runs against one set and two more sets each take a different slice of it.
  it.each([
    [1, 300, 0, 1000],
    [2, 300, 0, 150],
    [3, 400, 500, 650],
  ])('seed %i, %i criteria, sample rows %i-%i and edge variants: same criteria fired', async (seed, n, from, to) => {
    const criteria = criteriaSet(seed, n, pools);
    const fast = SelectivityEngine.compile(criteria);
    const plain = new RulesEngineReference(criteria);
    let fires = 0;
    let firing = 0;
    const mismatches: string[] = [];
    const rows = [...decls.slice(from, to), ...decls.slice(1000)];
    for (const d of rows) {
      const expected = (await plain.fired(d)).map(key);
      const got = (await fast.evaluate(d)).fired.map(key).sort();
      if (expected.join() !== got.sort().join()) mismatches.push(`${d.declarationId}: expected [${expected}] got [${got}]`);
      fires += expected.length;
      if (expected.length > 0) firing++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Not vacuous: criteria fire on a good share of declarations, but not on all of them.
    expect(firing).toBeGreaterThan(rows.length * 0.2);
    expect(fires).toBeGreaterThan(rows.length * 0.3);
    // And the index does prune: most criteria have an anchor.
    const always = new CriteriaIndex(criteria).alwaysCandidates;
    expect(always).toBeLessThan(criteria.length * 0.5);
  });

  it('fires CENTRAL first, then by id and version, with a trace that supports each selection', async () => {
    const criteria = criteriaSet(4, 200, pools);
    const fast = SelectivityEngine.compile(criteria);
    for (const d of decls.slice(0, 200)) {
      const { fired } = fast.evaluateNow(d);
      const order = fired.map((f) => `${f.scope === 'CENTRAL' ? 0 : 1}|${f.id}|${String(f.version).padStart(3, '0')}`);
      expect(order).toEqual([...order].sort());
      for (const f of fired) expect(f.conditions.some((t) => t.result !== null)).toBe(true);
    }
  });
});
