import { Engine } from 'json-rules-engine';
import { SelectivityCriterion } from './criterion';
import { mockCriterion, mockDeclaration } from './testing/declaration.mock';
import { SelectivityEngine, explainCriterion } from './selectivity-engine';

const weapons = mockCriterion({
  conditions: {
    all: [
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'] },
      { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['pistol', 'pistols', 'revolvers'] },
    ],
  },
});
const highDuty = mockCriterion({
  id: 'CEN-TAX-001',
  lane: 'YELLOW',
  riskArea: 'TAX_EVASION',
  conditions: { all: [{ fact: 'taxRate', operator: 'greaterThanInclusive', value: 27 }] },
});
const local40 = mockCriterion({
  id: 'LOC-40-001',
  scope: 'LOCAL',
  officeId: '40',
  lane: 'YELLOW',
  riskArea: 'UNDERVALUATION',
  conditions: { all: [{ fact: 'importerId', operator: 'equal', value: 'QLRUBN9' }] },
});
const local30 = { ...local40, id: 'LOC-30-001', officeId: '30' };

const pistol = mockDeclaration({
  hsCode: '930200',
  goodsDescription: 'Revolvers and pistols, other than those of heading 9303 or 9304',
  taxRate: 8,
});

describe('SelectivityEngine', () => {
  it('fires nothing and gives GREEN when no criterion matches', async () => {
    const engine = SelectivityEngine.compile([weapons, highDuty]);
    const r = await engine.evaluate(mockDeclaration({ importerId: 'OTHER' }));
    expect(r).toEqual({ fired: [], lane: 'GREEN' });
  });

  it('applies CENTRAL criteria and only the LOCAL criteria of the declaration office', async () => {
    const engine = SelectivityEngine.compile([weapons, highDuty, local40, local30]);
    const at40 = await engine.evaluate(mockDeclaration({ officeId: '40' }));
    expect(at40.fired.map((f) => f.id)).toEqual(['LOC-40-001']);
    expect(at40.lane).toBe('YELLOW');
    const at30 = await engine.evaluate(mockDeclaration({ officeId: '30', taxRate: 30 }));
    expect(at30.fired.map((f) => f.id)).toEqual(['CEN-TAX-001', 'LOC-30-001']);
    const at16 = await engine.evaluate(mockDeclaration({ officeId: '16' }));
    expect(at16.fired).toEqual([]);
  });

  it('gives the most severe lane and a full trace of each fired criterion', async () => {
    const engine = SelectivityEngine.compile([weapons, highDuty, local40]);
    const r = await engine.evaluate({ ...pistol, taxRate: 30 });
    expect(r.lane).toBe('RED');
    expect(r.fired.map((f) => f.id)).toEqual(['CEN-TAX-001', 'CEN-WPN-001', 'LOC-40-001']);
    const wpn = r.fired.find((f) => f.id === 'CEN-WPN-001')!;
    expect(wpn).toMatchObject({ version: 1, scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'SMUGGLING_WEAPONS' });
    expect(wpn.conditions).toEqual([
      { fact: 'hsCode', operator: 'hsStartsWithAny', value: ['9302', '9303'], actual: '930200', result: true, path: 'all[0]', negated: false },
      {
        fact: 'goodsDescription',
        operator: 'containsAnyKeyword',
        value: ['pistol', 'pistols', 'revolvers'],
        actual: pistol.goodsDescription,
        result: true,
        path: 'all[1]',
        negated: false,
      },
    ]);
    expect(explainCriterion(wpn)).toBe('CEN-WPN-001 v1 (RED): hsCode 930200 starts with one of [9302, 9303]; goodsDescription matched keyword "pistols"');
    expect(explainCriterion(r.fired[0])).toBe('CEN-TAX-001 v1 (YELLOW): taxRate 30 >= 27');
  });

  it('marks leaves skipped by short-circuit with result null', async () => {
    const c = mockCriterion({
      conditions: {
        any: [
          { fact: 'originCountry', operator: 'in', value: ['CN', 'VN'] },
          { all: [{ fact: 'taxRate', operator: 'greaterThan', value: 50 }, { fact: 'netMassKg', operator: 'lessThan', value: 1 }] },
          { not: { fact: 'departureCountry', operator: 'equal', value: 'CN' } },
        ],
      },
    });
    const r = await SelectivityEngine.compile([c]).evaluate(mockDeclaration({ originCountry: 'CN' }));
    expect(r.fired[0].conditions.map((t) => [t.path, t.result, t.actual])).toEqual([
      ['any[0]', true, 'CN'],
      ['any[1].all[0]', null, 8],
      ['any[1].all[1]', null, 100],
      ['any[2].not', null, 'CN'],
    ]);
    const c2 = mockCriterion({
      conditions: {
        all: [
          { not: { fact: 'departureCountry', operator: 'equal', value: 'KR' } },
          { any: [{ fact: 'taxRate', operator: 'greaterThan', value: 50 }, { fact: 'netMassKg', operator: 'lessThan', value: 1000 }, { fact: 'courierId', operator: 'equal', value: 'X' }] },
        ],
      },
    });
    const r2 = await SelectivityEngine.compile([c2]).evaluate(mockDeclaration());
    expect(r2.fired[0].conditions.map((t) => [t.path, t.result, t.negated])).toEqual([
      ['all[0].not', false, true],
      ['all[1].any[0]', false, false],
      ['all[1].any[1]', true, false],
      ['all[1].any[2]', null, false],
    ]);
    expect(explainCriterion(r2.fired[0])).toBe('CEN-WPN-001 v1 (RED): not (departureCountry CN equals KR); netMassKg 100 < 1000');
  });

  it('respects status and the validity window on the declaration date (inclusive)', async () => {
    const windowed = { ...highDuty, validFrom: '2020-03-01', validTo: '2020-03-31' };
    const draft: SelectivityCriterion = { ...weapons, status: 'DRAFT' };
    const engine = SelectivityEngine.compile([windowed, draft]);
    const ids = async (date: string) => (await engine.evaluate({ ...pistol, taxRate: 40, date })).fired.map((f) => f.id);
    expect(await ids('2020-02-29')).toEqual([]);
    expect(await ids('2020-03-01')).toEqual(['CEN-TAX-001']);
    expect(await ids('2020-03-31')).toEqual(['CEN-TAX-001']);
    expect(await ids('2020-04-01')).toEqual([]);
    expect(engine.size).toBe(1);
  });

  it('lets a new version replace the old one at its window boundary', async () => {
    const v1 = { ...highDuty, validTo: '2020-06-30' };
    const v2 = { ...highDuty, version: 2, validFrom: '2020-07-01', conditions: { all: [{ fact: 'taxRate', operator: 'greaterThanInclusive', value: 40 }] } } as SelectivityCriterion;
    const engine = SelectivityEngine.compile([v1, v2]);
    expect((await engine.evaluate(mockDeclaration({ taxRate: 30, date: '2020-06-30' }))).fired.map((f) => f.version)).toEqual([1]);
    expect((await engine.evaluate(mockDeclaration({ taxRate: 30, date: '2020-07-01' }))).fired).toEqual([]);
    expect((await engine.evaluate(mockDeclaration({ taxRate: 45, date: '2020-07-01' }))).fired.map((f) => f.version)).toEqual([2]);
    expect(() => SelectivityEngine.compile([v1, v1])).toThrow(/duplicate criterion CEN-TAX-001 version 1/);
  });

  it('fails numeric comparisons on a null fact instead of throwing', async () => {
    const c = mockCriterion({ conditions: { any: [{ fact: 'unitPriceKrwPerKg', operator: 'lessThan', value: 1000 }, { fact: 'unitPriceKrwPerKg', operator: 'greaterThanInclusive', value: 0 }] } });
    const r = await SelectivityEngine.compile([c]).evaluate(mockDeclaration({ netMassKg: 0 }));
    expect(r.fired).toEqual([]);
  });

  it('rejects invalid criteria at compile time', () => {
    const bad = { ...weapons, conditions: { all: [{ fact: 'hsCode', operator: 'regex', value: '93' }] } } as unknown as SelectivityCriterion;
    expect(() => SelectivityEngine.compile([bad])).toThrow(/conditions.all\[0\].operator: unknown operator "regex"/);
  });

  it('gives the same results for many concurrent evaluations as for sequential ones', async () => {
    const engine = SelectivityEngine.compile([weapons, highDuty, local40, local30]);
    const decls = Array.from({ length: 300 }, (_, i) =>
      mockDeclaration({
        declarationId: String(i),
        officeId: ['40', '30', '16'][i % 3],
        taxRate: (i * 7) % 60,
        importerId: i % 5 === 0 ? 'QLRUBN9' : 'OTHER',
        hsCode: i % 4 === 0 ? '930200' : '392690',
        goodsDescription: i % 4 === 0 ? pistol.goodsDescription : 'Plastics',
      }),
    );
    const sequential = [];
    for (const d of decls) sequential.push(await engine.evaluate(d));
    const concurrent = await Promise.all(decls.map((d) => engine.evaluate(d)));
    expect(concurrent).toEqual(sequential);
    expect(sequential.some((r) => r.fired.length >= 2)).toBe(true);
    expect(sequential.some((r) => r.fired.length === 0)).toBe(true);
  });

  it('uses the json-rules-engine built-ins of the installed version (sanity)', async () => {
    const e = new Engine([], { allowUndefinedFacts: true });
    e.addRule({ conditions: { all: [{ fact: 'x', operator: 'lessThan', value: 5 }] }, event: { type: 't' } });
    await expect(e.run({ x: null })).resolves.toMatchObject({ results: [] });
    await expect(e.run({})).resolves.toMatchObject({ results: [] });
  });
});
