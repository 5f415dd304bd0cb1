import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import type { KeyPart } from '../feature-spec';
import { MODELS_DIR } from '../risk-scorer';
import { EMPTY_AGGREGATE, historyKey, labelledOutcome, OutcomeHistory, type LabelledOutcome } from './outcome-history';

const IMPORTER: KeyPart[] = ['importerId'];
const IMPORTER_SELLER: KeyPart[] = ['importerId', 'sellerId'];
const HEADING: KeyPart[] = ['hsHeading'];

function outcome(date: string, fraud: 0 | 1, over: Partial<Declaration> = {}, critical: 0 | 1 = 0): LabelledOutcome {
  return {
    declaration: { date, importerId: 'IMP1', sellerId: 'SEL1', hsCode: '850440', netMassKg: 10, itemPriceKrw: 1000, ...over },
    fraud,
    critical,
  };
}

describe('OutcomeHistory: the leakage guard', () => {
  const h = () => new OutcomeHistory([IMPORTER, IMPORTER_SELLER, HEADING]);

  it('counts only outcomes dated strictly before the date asked for', () => {
    const history = h();
    history.add([outcome('2021-01-05', 1), outcome('2021-01-10', 0), outcome('2021-01-10', 1, {}, 1), outcome('2021-02-01', 1)]);
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-05')).toEqual(EMPTY_AGGREGATE); // not its own day
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-06')).toMatchObject({ n: 1, frauds: 1, criticals: 0 });
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-10')).toMatchObject({ n: 1, frauds: 1 }); // same day excluded
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-11')).toMatchObject({ n: 3, frauds: 2, criticals: 1 });
    expect(history.aggregate(IMPORTER, 'IMP1', '2030-01-01')).toMatchObject({ n: 4, frauds: 3 });
  });

  it('a result recorded later for a later declaration never changes an earlier date\'s statistics', () => {
    const history = h();
    history.add([outcome('2021-01-05', 1), outcome('2021-01-07', 0)]);
    const before = history.aggregate(IMPORTER, 'IMP1', '2021-01-08');
    history.add([outcome('2021-01-08', 1), outcome('2021-03-01', 1)]);
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-08')).toEqual(before);
    // a late result for an EARLIER declaration does count (it was dated before)
    history.add([outcome('2021-01-06', 1)]);
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-08')).toMatchObject({ n: before.n + 1, frauds: before.frauds + 1 });
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-01-07')).toMatchObject({ n: 2, frauds: 2 });
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-03-02')).toMatchObject({ n: 5, frauds: 4 });
  });

  it('keeps keys apart, has no history for a missing party and sums unit prices', () => {
    const history = h();
    history.add([outcome('2021-01-01', 1, { sellerId: null }), outcome('2021-01-01', 0, { importerId: 'IMP2', netMassKg: 0 })]);
    expect(historyKey({ importerId: 'IMP1', sellerId: null }, IMPORTER_SELLER)).toBeNull();
    expect(history.aggregate(IMPORTER_SELLER, 'IMP1|', '2021-02-01')).toEqual(EMPTY_AGGREGATE);
    expect(history.aggregate(IMPORTER, 'IMP1', '2021-02-01')).toMatchObject({ n: 1, frauds: 1 });
    const heading = history.aggregate(HEADING, '8504', '2021-02-01');
    expect(heading).toMatchObject({ n: 2, priceN: 1 }); // zero mass: no unit price
    expect(heading.priceSum).toBeCloseTo(Math.log1p(100), 12);
    expect(() => history.aggregate(['courierId'], 'X', '2021-02-01')).toThrow(/not indexed/);
  });
});

describe.each(['2.0.0', '3.0.0'])('OutcomeHistory: parity with python history_aggregates() on the keys of %s', (version) => {
  const fixtureFile = path.join(MODELS_DIR, version, 'history-fixtures.json');
  const sample = path.resolve(__dirname, '../../../../e2e/fixtures/kcs-valid-sample.csv');

  it('gives the aggregates Python computed on the committed KCS sample', async () => {
    expect(existsSync(fixtureFile)).toBe(true);
    const fx: { keys: Record<string, KeyPart[]>; rows: Array<{ declarationId: string; date: string; aggregates: Record<string, number[]> }> } =
      JSON.parse(readFileSync(fixtureFile, 'utf8'));
    const outcomes: LabelledOutcome[] = [];
    const byId = new Map<string, Declaration>();
    for await (const r of readDeclarationFile(sample)) {
      if (!('declaration' in r) || !r.labels) throw new Error(`sample row ${r.rowNumber} lacks a declaration or labels`);
      outcomes.push(labelledOutcome(r.declaration, r.labels));
      byId.set(r.declaration.declarationId, r.declaration);
    }
    // (date, file) order, as Python adds them
    const ordered = outcomes.map((o, i) => ({ o, i })).sort((a, b) => (a.o.declaration.date < b.o.declaration.date ? -1 : a.o.declaration.date > b.o.declaration.date ? 1 : a.i - b.i));
    const history = new OutcomeHistory(Object.values(fx.keys));
    history.add(ordered.map((x) => x.o));
    expect(history.size).toBe(outcomes.length);
    let compared = 0;
    for (const row of fx.rows) {
      const d = byId.get(row.declarationId)!;
      for (const [name, parts] of Object.entries(fx.keys)) {
        const key = historyKey(d, parts);
        const got = key === null ? EMPTY_AGGREGATE : history.aggregate(parts, key, row.date);
        const [n, frauds, criticals, priceN, priceSum, priceSumSq] = row.aggregates[name];
        expect({ id: row.declarationId, name, ...got }).toEqual({ id: row.declarationId, name, n, frauds, criticals, priceN, priceSum, priceSumSq });
        compared += 1;
      }
    }
    expect(compared).toBe(fx.rows.length * Object.keys(fx.keys).length);
  });
});
