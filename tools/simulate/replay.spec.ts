import type { Declaration } from '@customs/domain';
import { sampleDeclaration } from '@customs/domain/testing';
import type { HistoryLookup } from '@customs/risk-model';
import { replay, type DayScorer, type ReplayRow } from './replay';

const KEYS = [['importerId'] as const].map((k) => [...k]);

function row(id: string, date: string, officeId: string, importerId: string, fraud: 0 | 1, critical: 0 | 1 = 0): ReplayRow {
  return { declaration: sampleDeclaration({ declarationId: id, date, officeId, importerId }), fraud, critical };
}

/** Three days, two offices, one importer per declaration (so the history of each importer tells which were inspected). */
function rows(): ReplayRow[] {
  const out: ReplayRow[] = [];
  const dates = ['2021-01-01', '2021-01-02', '2021-01-03'];
  dates.forEach((date, d) => {
    for (let k = 0; k < 30; k++) out.push(row(`D${d}-A${k}`, date, 'A', `IMP-A${k % 10}`, k % 3 === 0 ? 1 : 0));
    for (let k = 0; k < 5; k++) out.push(row(`D${d}-B${k}`, date, 'B', `IMP-B${k}`, k === 0 ? 1 : 0));
  });
  return out;
}

/** A fake model: the score is the declaration's position in the day, reversed; records what the history says. */
function fakeScorer(seen: Array<{ date: string; importerId: string; n: number; frauds: number }>): DayScorer {
  return async (decls: readonly Declaration[], history: HistoryLookup) => {
    for (const d of decls) {
      const a = history.aggregate(['importerId'], d.importerId, d.date);
      seen.push({ date: d.date, importerId: d.importerId, n: a.n, frauds: a.frauds });
    }
    return decls.map((_, i) => 1 - i / decls.length);
  };
}

const screen = (d: Declaration) => ({ lane: d.declarationId.endsWith('A1') ? ('RED' as const) : ('GREEN' as const), fired: 0 });

describe('replay', () => {
  it('puts only the inspected declarations of earlier days into the history the model reads', async () => {
    const data = rows();
    const seen: Array<{ date: string; importerId: string; n: number; frauds: number }> = [];
    const result = await replay(data, { policies: ['exploit'], keyDefinitions: KEYS, score: fakeScorer(seen), screen });
    const inspected = new Set(result.inspected.exploit);
    for (const s of seen) {
      const before = data.filter((r) => r.declaration.importerId === s.importerId && r.declaration.date < s.date && inspected.has(r.declaration.declarationId));
      expect(s.n).toBe(before.length);
      expect(s.frauds).toBe(before.reduce((a, r) => a + r.fraud, 0));
    }
    // some declarations were not inspected, and their labels never showed
    expect(inspected.size).toBeLessThan(data.length);
  });

  it('respects the capacity of each office-day', async () => {
    const result = await replay(rows(), { capacity: 0.1, keyDefinitions: KEYS, score: fakeScorer([]), screen });
    for (const name of ['exploit', 'explore', 'control'] as const) {
      const ids = result.inspected[name] ?? [];
      const per = new Map<string, number>();
      for (const id of ids) per.set(id.replace(/\d+$/, ''), (per.get(id.replace(/\d+$/, '')) ?? 0) + 1);
      for (const [officeDay, n] of per) expect(n).toBeLessThanOrEqual(officeDay.endsWith('A') ? 3 : 1);
      expect(result.policies[name]?.inspections).toBe(3 * 3 + 3 * 1); // 10 % of 30 = 3, of 5 -> at least 1
    }
    expect(result.policies.criteria?.inspections).toBe(3); // only the RED one per day in office A; no fill
  });

  it('explores outside the exploitation picks and is deterministic for a seed', async () => {
    const opts = { capacity: 0.2, shares: { explore: 0.5, control: 0.05 }, keyDefinitions: KEYS, score: fakeScorer([]), screen };
    const a = await replay(rows(), opts);
    const b = await replay(rows(), opts);
    expect(a.inspected).toEqual(b.inspected);
    const exploit = new Set(a.inspected.exploit);
    expect((a.inspected.explore ?? []).some((id) => !exploit.has(id))).toBe(true);
    expect(a.policies.explore?.exploreInspections).toBeGreaterThan(0);
  });

  it('counts the metrics of a hand-made day', async () => {
    // one office, one day, 20 declarations -> capacity 1 at 5 %; the fake model ranks the first highest
    const data = [row('X0', '2021-02-01', 'A', 'NEW', 1, 1), ...Array.from({ length: 19 }, (_, k) => row(`X${k + 1}`, '2021-02-01', 'A', 'OLD', k < 3 ? 1 : 0))];
    const seedHistory = [row('H0', '2021-01-01', 'A', 'OLD', 0)];
    const r = await replay(data, { policies: ['exploit'], seedHistory, keyDefinitions: KEYS, score: fakeScorer([]), screen });
    expect(r.days).toBe(1);
    expect(r.totalFraud).toBe(4);
    expect(r.policies.exploit).toMatchObject({ inspections: 1, fraudFound: 1, criticalFound: 1, unseenInspections: 1, unseenFraudFound: 1, precision: 1, recall: 0.25 });
  });

  it('starts every policy from the seed history', async () => {
    const seedHistory = [row('H0', '2020-12-31', 'A', 'IMP-A0', 1)];
    const seen: Array<{ date: string; importerId: string; n: number; frauds: number }> = [];
    await replay(rows().slice(0, 30), { policies: ['exploit'], seedHistory, keyDefinitions: KEYS, score: fakeScorer(seen), screen });
    expect(seen.find((s) => s.importerId === 'IMP-A0')).toMatchObject({ n: 1, frauds: 1 });
  });
});
