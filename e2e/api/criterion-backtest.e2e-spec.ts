import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import { loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

/**
 * Issue 13, backtest before approval: a draft criterion run over the decisions stored for the
 * last 28 days, through the API, on the real database; then the stored version as the checker
 * sees it at approval.
 */
describe('criterion backtest (e2e)', () => {
  let stack: E2eStack;
  let service: AuthorisedHttp;
  let analyst: AuthorisedHttp;
  const importerId = `BKT${randomBytes(3).toString('hex').toUpperCase()}`;
  const id = `CEN-BKT-${String(100 + Math.floor(Math.random() * 900))}`;
  const criterion = {
    id, scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'SMUGGLING_WEAPONS', reason: 'pistols hidden in tool shipments',
    pointsOfInterest: 'open the cartons', keywords: ['gun', 'pistol', 'tools'],
    conditions: { all: [{ fact: 'importerId', operator: 'equal', value: importerId }, { fact: 'goodsDescription', operator: 'containsAnyKeyword', value: ['gun', 'pistol'] }] },
  };

  beforeAll(async () => {
    stack = await startE2eStack();
    [service, analyst] = await Promise.all(['svc-ingest', 'analyst-kim'].map((u) => loginAs(stack, u)));
    const screen = (officeId: string, goodsDescription: string) =>
      service.post('/api/declarations').send(sampleDeclaration({ declarationId: uniqueDeclarationId(), importerId, officeId, goodsDescription, hsCode: '820559' })).expect(201);
    for (const description of ['Glue gun, 12 pcs', 'GLUE GUN refill sticks', 'Pistol grip saw']) await screen('40', description);
    await screen('20', 'Glue gun, 12 pcs');
    await screen('40', 'Hand tools, assorted');
  });
  afterAll(async () => stack?.stop());

  it('shows what a draft would have selected: per office and lane, keyword matches, extra inspections; stores nothing', async () => {
    const res = await analyst.post('/api/criteria/backtest').send({ criterion }).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body).toMatchObject({
      criterion: { id, version: null, lane: 'RED', scope: 'CENTRAL', officeId: null },
      period: { to: today, days: 28 },
      selected: 4,
      byDay: [{ date: today, selected: 4 }],
      inspected: 0,
      hitRate: null,
    });
    expect(res.body.scanned).toBeGreaterThanOrEqual(5);
    expect(res.body.byOffice.map((o: { officeId: string; selected: number }) => [o.officeId, o.selected])).toEqual([['40', 3], ['20', 1]]);
    const office40 = res.body.byOffice[0];
    expect(office40.byLane.GREEN + office40.byLane.YELLOW + office40.byLane.RED).toBe(3);
    expect(res.body.keywordMatches).toEqual([
      { keyword: 'gun', count: 3, examples: ['Glue gun, 12 pcs', 'GLUE GUN refill sticks'] },
      { keyword: 'pistol', count: 1, examples: ['Pistol grip saw'] },
    ]);
    expect(res.body.capacity.map((c: { officeId: string }) => c.officeId)).toEqual(['40', '20']);
    expect(res.body.capacity[0].extraPerDay).toBeCloseTo(office40.extra / 28, 2);
    await analyst.get(`/api/criteria/${id}`).expect(404);
  });

  it('refuses an invalid draft or period, naming the problem', async () => {
    const bad = await analyst.post('/api/criteria/backtest').send({ criterion: { ...criterion, lane: 'PURPLE' } }).expect(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^lane: must be one of YELLOW, RED/)]));
    const backwards = await analyst.post('/api/criteria/backtest').send({ criterion, from: '2026-11-20', to: '2026-11-01' }).expect(400);
    expect(backwards.body.message).toMatch(/must not be before/);
    await (await loginAs(stack, 'auditor-han')).post('/api/criteria/backtest').send({ criterion }).expect(403);
  });

  it('backtests the stored version for the checker at approval', async () => {
    await analyst.post('/api/criteria').send(criterion).expect(201);
    const checker = await loginAs(stack, 'analyst-lee');
    const res = await checker.get(`/api/criteria/${id}/versions/1/backtest`).expect(200);
    expect(res.body).toMatchObject({ criterion: { id, version: 1 }, selected: 4 });
    await checker.get(`/api/criteria/${id}/versions/2/backtest`).expect(404);
  });

  it('lists what waits for each checker, never their own versions', async () => {
    const localId = `LOC-20-${String(100 + Math.floor(Math.random() * 900))}`;
    await analyst.post('/api/criteria').send({ ...criterion, id: localId, scope: 'LOCAL', officeId: '20', lane: 'YELLOW' }).expect(201);
    const inbox = async (who: string) =>
      ((await (await loginAs(stack, who)).get('/api/criteria/approvals').expect(200)).body.criteria as Array<{ id: string; approved: boolean }>).map((c) => c.id);
    expect(await inbox('analyst-lee')).toEqual(expect.arrayContaining([id]));
    expect(await inbox('analyst-lee')).not.toContain(localId);
    expect(await inbox('analyst-kim')).not.toContain(id);
    expect(await inbox('supervisor-20')).toContain(localId);
    expect(await inbox('supervisor-40')).not.toContain(localId);
    await (await loginAs(stack, 'officer-20-01')).get('/api/criteria/approvals').expect(403);
  });

  it('flags a local criterion whose selections a central one already makes, in both directions and in the backtest', async () => {
    const importer = `OVL${randomBytes(3).toString('hex').toUpperCase()}`;
    const centralId = `CEN-OVL-${String(100 + Math.floor(Math.random() * 900))}`;
    const localId = `LOC-20-${String(100 + Math.floor(Math.random() * 900))}`;
    const base = { ...criterion, conditions: { all: [{ fact: 'importerId', operator: 'equal', value: importer }] } };
    await analyst.post('/api/criteria').send({ ...base, id: centralId, validFrom: '2020-01-01', validTo: '2030-12-31' }).expect(201);
    await analyst.post('/api/criteria').send({ ...base, id: localId, scope: 'LOCAL', officeId: '20', lane: 'YELLOW', validFrom: '2020-01-01', validTo: '2030-12-31' }).expect(201);
    await (await loginAs(stack, 'analyst-lee')).post(`/api/criteria/${centralId}/versions/1/approve`).expect(200);
    await (await loginAs(stack, 'supervisor-20')).post(`/api/criteria/${localId}/versions/1/approve`).expect(200);
    await new Promise((r) => setTimeout(r, 2500)); // screening re-reads the criteria in force within 2 s
    for (let k = 0; k < 3; k++) {
      const res = await service.post('/api/declarations').send(sampleDeclaration({ declarationId: uniqueDeclarationId(), importerId: importer, officeId: '20', date: '2021-05-03' })).expect(201);
      expect(res.body.firedCriteria).toEqual(expect.arrayContaining([centralId, localId]));
    }
    const overlaps = (await analyst.get('/api/criteria/overlaps').expect(200)).body;
    expect(overlaps).toMatchObject({ threshold: 80, days: 28 });
    expect(overlaps.overlaps).toEqual(expect.arrayContaining([
      { criterionId: localId, selected: 3, otherId: centralId, both: 3, share: 100 },
      { criterionId: centralId, selected: 3, otherId: localId, both: 3, share: 100 },
    ]));
    const backtest = await analyst.post('/api/criteria/backtest').send({ criterion: { ...base, id: `LOC-20-${String(100 + Math.floor(Math.random() * 900))}`, scope: 'LOCAL', officeId: '20', lane: 'YELLOW' } }).expect(200);
    expect(backtest.body.coveredBy).toEqual([{ criterionId: centralId, selected: 3, share: 100 }]);
  });
});
