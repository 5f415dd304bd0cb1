import { sampleDeclaration } from '@customs/domain/testing';
import type { Declaration } from '@customs/domain';
import { officeResults } from './office-results';
import { replay, type ReplayRow } from './replay';

const KEYS = [['importerId' as const]];

function rows(): ReplayRow[] {
  const out: ReplayRow[] = [];
  for (const [d, date] of ['2021-01-01', '2021-01-02'].entries()) {
    for (let k = 0; k < 40; k++) out.push({ declaration: sampleDeclaration({ declarationId: `D${d}-A${k}`, date, officeId: 'A', importerId: `IA${k}` }), fraud: k % 4 === 0 ? 1 : 0, critical: 0 });
    for (let k = 0; k < 10; k++) out.push({ declaration: sampleDeclaration({ declarationId: `D${d}-B${k}`, date, officeId: 'B', importerId: `IB${k}` }), fraud: k === 0 ? 1 : 0, critical: 0 });
  }
  return out;
}

const options = {
  capacity: 0.2,
  seed: 3,
  keyDefinitions: KEYS,
  screen: (d: Declaration) => ({ lane: d.declarationId.endsWith('A0') ? ('RED' as const) : ('GREEN' as const), fired: 0 }),
  score: async (decls: readonly Declaration[]) => decls.map((_, i) => 1 - i / decls.length),
};

describe('replay per office', () => {
  it('splits every policy\u2019s counts by office, summing to the totals; recall over the office\u2019s own fraud', async () => {
    const r = await replay(rows(), options);
    expect(Object.keys(r.offices)).toEqual(['A', 'B']);
    expect(r.offices['A']).toMatchObject({ declarations: 80, totalFraud: 20 });
    for (const name of ['criteria', 'exploit', 'explore', 'control'] as const) {
      const a = r.offices['A'].policies[name]!;
      const b = r.offices['B'].policies[name]!;
      expect(a.inspections + b.inspections).toBe(r.policies[name]!.inspections);
      expect(a.fraudFound + b.fraudFound).toBe(r.policies[name]!.fraudFound);
      expect(a.recall).toBe(a.fraudFound === 0 ? 0 : Math.round((a.fraudFound / 20) * 10000) / 10000);
    }
  });

  it('a policy run alone draws as it does beside the others (same seed, same picks)', async () => {
    const all = await replay(rows(), options);
    const alone = await replay(rows(), { ...options, policies: ['control'] });
    expect(alone.inspected.control).toEqual(all.inspected.control);
  });
});

describe('officeResults', () => {
  it('keeps criteria and exploit from the base run and one entry per swept share, ascending', async () => {
    const data = rows();
    const base = await replay(data, options);
    const explore = [0.5, 0.1].map((share) => ({ share, run: replay(data, { ...options, shares: { explore: share, control: 0.05 }, policies: ['explore'] }) }));
    const control = [{ share: 0.2, run: replay(data, { ...options, shares: { explore: 0.1, control: 0.2 }, policies: ['control'] }) }];
    const resolve = async (xs: Array<{ share: number; run: ReturnType<typeof replay> }>) => Promise.all(xs.map(async (x) => ({ share: x.share, result: await x.run })));
    const out = officeResults(
      { source: 'sample', model: 'fake 1', capacity: 0.2, seed: 3, from: '2021-01-01', to: '2021-01-02', command: 'test' },
      base,
      await resolve(explore),
      await resolve(control),
    );
    expect(out.sweep).toEqual({ explore: [0.1, 0.5], control: [0.2] });
    expect(out.offices['B'].exploit).toEqual({
      inspections: base.offices['B'].policies.exploit!.inspections,
      fraudFound: base.offices['B'].policies.exploit!.fraudFound,
      precision: base.offices['B'].policies.exploit!.precision,
      criticalFound: 0,
      unseenInspections: base.offices['B'].policies.exploit!.unseenInspections,
      unseenFraudFound: base.offices['B'].policies.exploit!.unseenFraudFound,
      recall: base.offices['B'].policies.exploit!.recall,
    });
    expect(out.offices['A'].explore.map((e) => e.share)).toEqual([0.1, 0.5]);
    expect(out.overall.control[0]).toMatchObject({ share: 0.2, inspections: base.policies.control!.inspections });
    const controlOnly = (await resolve(control))[0].result;
    expect(() => officeResults({ ...out, command: 'x' }, base, [{ share: 0.1, result: controlOnly }], [])).toThrow(/not run/);
  });
});
