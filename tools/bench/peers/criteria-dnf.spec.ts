import { Declaration } from '@customs/domain';
import { sampleDeclaration } from '@customs/domain/testing';
import { SelectivityCriterion, SelectivityEngine, criterionHolds, declarationFacts } from '@customs/selectivity';
import { readDeclarations, SAMPLE } from '../declarations';
import { generateCriteria } from '../generate-criteria';
import { Atom, DEFAULT_DNF_OPTIONS, Dnf, UnsupportedCriterionError, conditionsDnf, criterionAlternatives } from './criteria-dnf';
import { PeerFacts, peerFacts } from './peer-facts';
import { prng } from '../../synthetic/random';
import { randomCriteria, randomTree } from './random-criteria';

/** The meaning of a DNF on a declaration's peer facts, as the translators intend it (test oracle). */
function atomHolds(a: Atom, f: PeerFacts): boolean {
  const v = f[a.fact];
  switch (a.kind) {
    case 'eq':
      return v === a.value;
    case 'member':
      return a.values.indexOf(v as never) > -1;
    case 'prefix':
      return typeof v === 'string' && a.prefixes.some((p) => v.startsWith(p));
    case 'word':
      return a.words.some((w) => f.words.includes(w));
    case 'cmp':
      if (typeof v !== 'number') return false;
      return a.op === '<' ? v < a.value : a.op === '<=' ? v <= a.value : a.op === '>' ? v > a.value : v >= a.value;
  }
}

function dnfHolds(d: Dnf, f: PeerFacts): boolean {
  return d.some((conj) => conj.every((l) => atomHolds(l.atom, f) !== l.negated));
}

describe('conditionsDnf', () => {
  let decls: Declaration[];
  beforeAll(async () => {
    decls = await readDeclarations(SAMPLE);
    // Edge cases: mass 0 (null unit price), no seller, no goods description.
    decls.push({ ...decls[0], declarationId: 'EDGE1', netMassKg: 0, sellerId: null, goodsDescription: undefined });
  });

  it.each([
    ['lists expanded', DEFAULT_DNF_OPTIONS],
    ['lists whole', { ...DEFAULT_DNF_OPTIONS, expandLists: false }],
    ['HS prefixes as prefixes', { ...DEFAULT_DNF_OPTIONS, hsPrefixAsEquality: false }],
  ])('means exactly what our engine means on random trees and the KCS sample (%s)', (_name, opts) => {
    const r = prng(7);
    const facts = decls.map((d) => ({ ours: declarationFacts(d), peer: peerFacts(d) }));
    let holds = 0;
    for (let i = 0; i < 300; i++) {
      const tree = { all: [randomTree(r, decls, 3)] };
      const dnf = conditionsDnf(tree, opts);
      for (const f of facts) {
        const expected = criterionHolds({ conditions: tree }, f.ours);
        if (dnfHolds(dnf, f.peer) !== expected) throw new Error(`differs on ${f.ours.declarationId}: ${JSON.stringify(tree)}`);
        if (expected) holds++;
      }
    }
    expect(holds).toBeGreaterThan(1000); // the trees do fire
  });

  it('matches our engine on the generated benchmark criteria', () => {
    const criteria = generateCriteria(1000, decls, 42);
    const facts = decls.map((d) => ({ ours: declarationFacts(d), peer: peerFacts(d) }));
    let differences = 0;
    for (const c of criteria) {
      const dnf = conditionsDnf(c.conditions);
      for (const f of facts) if (dnfHolds(dnf, f.peer) !== criterionHolds(c, f.ours)) differences++;
    }
    expect(differences).toBe(0);
  });

  it('expands positive lists into one alternative per value, HS prefixes of 2, 4, 6 digits as equalities', () => {
    const dnf = conditionsDnf({
      all: [
        { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '93031'] },
        { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['Pistol', 'rifle'] },
      ],
    });
    expect(dnf).toEqual([
      [{ atom: { kind: 'eq', fact: 'hsHeading', value: '9302' }, negated: false }, { atom: { kind: 'word', fact: 'goodsDescription', words: ['pistol'] }, negated: false }],
      [{ atom: { kind: 'eq', fact: 'hsHeading', value: '9302' }, negated: false }, { atom: { kind: 'word', fact: 'goodsDescription', words: ['rifle'] }, negated: false }],
      [{ atom: { kind: 'prefix', fact: 'hsCode', prefixes: ['93031'] }, negated: false }, { atom: { kind: 'word', fact: 'goodsDescription', words: ['pistol'] }, negated: false }],
      [{ atom: { kind: 'prefix', fact: 'hsCode', prefixes: ['93031'] }, negated: false }, { atom: { kind: 'word', fact: 'goodsDescription', words: ['rifle'] }, negated: false }],
    ]);
  });

  it('negates lists as conjunctions of negated values (De Morgan)', () => {
    expect(conditionsDnf({ not: { fact: 'importerId', operator: 'in', value: ['A', 'B'] } })).toEqual([
      [
        { atom: { kind: 'eq', fact: 'importerId', value: 'A' }, negated: true },
        { atom: { kind: 'eq', fact: 'importerId', value: 'B' }, negated: true },
      ],
    ]);
  });

  it('leaves lists whole when the expansion would exceed maxAlternatives', () => {
    const values = Array.from({ length: 10 }, (_, i) => `I${i}`);
    const dnf = conditionsDnf(
      { all: [{ fact: 'importerId', operator: 'in', value: values }, { fact: 'sellerId', operator: 'in', value: values }] },
      { ...DEFAULT_DNF_OPTIONS, maxAlternatives: 64 },
    );
    expect(dnf).toEqual([
      [
        { atom: { kind: 'member', fact: 'importerId', values }, negated: false },
        { atom: { kind: 'member', fact: 'sellerId', values }, negated: false },
      ],
    ]);
  });

  it('refuses phrases rather than approximating them', () => {
    expect(() => conditionsDnf({ all: [{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['parts and accessories'] }] })).toThrow(UnsupportedCriterionError);
    expect(() => conditionsDnf({ all: [{ fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['n.e.c.'] }] })).toThrow(UnsupportedCriterionError);
  });
});

describe('criterionAlternatives', () => {
  const base: SelectivityCriterion = {
    id: 'LOC-40-001',
    version: 2,
    scope: 'LOCAL',
    officeId: '40',
    lane: 'RED',
    riskArea: 'TAX_EVASION',
    reason: 'test',
    pointsOfInterest: 'test',
    keywords: ['a', 'b', 'c'],
    validFrom: '2021-01-01',
    validTo: '2021-06-30',
    status: 'ACTIVE',
    conditions: { all: [{ fact: 'taxRate', operator: 'greaterThan', value: 5 }, { fact: 'importerId', operator: 'equal', value: sampleDeclaration().importerId }] },
  };

  it('keeps the key, office, window, and orders equalities first', () => {
    expect(criterionAlternatives(base)).toEqual({
      key: 'LOC-40-001@v2',
      officeId: '40',
      validFrom: '2021-01-01',
      validTo: '2021-06-30',
      alternatives: [
        [
          { atom: { kind: 'eq', fact: 'importerId', value: sampleDeclaration().importerId }, negated: false },
          { atom: { kind: 'cmp', fact: 'taxRate', op: '>', value: 5 }, negated: false },
        ],
      ],
    });
  });

  it('gives null for a criterion our engine ignores (not ACTIVE), no office for a CENTRAL one', () => {
    expect(criterionAlternatives({ ...base, status: 'DRAFT' })).toBeNull();
    expect(criterionAlternatives({ ...base, scope: 'CENTRAL', officeId: null })?.officeId).toBeNull();
  });
});

describe('randomCriteria (the translation check of npm run bench:peers)', () => {
  it('gives valid criteria that our engine compiles, and that fire on the sample', async () => {
    const decls = await readDeclarations(SAMPLE);
    const criteria = randomCriteria(300, decls, 7);
    const engine = SelectivityEngine.compile(criteria);
    const fired = decls.reduce((n, d) => n + engine.evaluateNow(d).fired.length, 0);
    expect(engine.size).toBeGreaterThan(250);
    expect(fired).toBeGreaterThan(1000);
  });
});
