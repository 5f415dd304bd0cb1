import { randomBytes } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type E2eStack } from '../support/e2e-stack';

/**
 * The targeting loop through the API: an analyst writes a local criterion, the office's
 * supervisor approves it (maker-checker), screening picks it up without a restart, the
 * auditor replays the resulting decision, and the dashboard counts it.
 */
describe('criteria authoring, replay and stats (e2e)', () => {
  let stack: E2eStack;
  const importerId = `IMP${randomBytes(3).toString('hex').toUpperCase()}`;
  const criterionId = `LOC-40-${String(100 + Math.floor(Math.random() * 900))}`;

  beforeAll(async () => {
    stack = await startE2eStack();
  });
  afterAll(async () => stack?.stop());

  const criterion = {
    id: criterionId,
    scope: 'LOCAL',
    officeId: '40',
    lane: 'YELLOW',
    riskArea: 'UNDERVALUATION',
    reason: `Intelligence: importer ${importerId} undervalues plastics`,
    pointsOfInterest: 'Compare invoice with transaction value of identical goods',
    keywords: ['undervaluation', 'plastics', 'invoice'],
    validFrom: '2021-01-01',
    validTo: '2021-12-31',
    conditions: { all: [{ fact: 'importerId', operator: 'equal', value: importerId }] },
  };
  const declaration = () => sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-05-03', officeId: '40', importerId });

  it('goes from draft to approved to selecting, with maker-checker enforced', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const created = await analyst.post('/api/criteria').send(criterion).expect(201);
    expect(created.body).toMatchObject({ id: criterionId, scope: 'LOCAL', status: 'ACTIVE', createdBy: 'analyst-kim', approved: false });
    const version: number = created.body.version;

    const svc = await loginAs(stack, 'svc-ingest');
    const before = await svc.post('/api/declarations').send(declaration()).expect(201);
    expect(before.body.firedCriteria).not.toContain(criterionId);

    const approve = `/api/criteria/${criterionId}/versions/${version}/approve`;
    let res = await analyst.post(approve).expect(403);
    expect(res.body.message).toMatch(/author .* cannot approve|supervisor of that office/);
    res = await (await loginAs(stack, 'supervisor-20')).post(approve).expect(403);
    expect(res.body.message).toMatch(/supervisor of that office/);
    await (await loginAs(stack, 'officer-40-01')).post(approve).expect(403);
    const supervisor = await loginAs(stack, 'supervisor-40');
    res = await supervisor.post(approve).expect(200);
    expect(res.body).toMatchObject({ id: criterionId, version, approved: true, approvedBy: 'supervisor-40' });
    res = await supervisor.post(approve).expect(409);
    expect(res.body.message).toMatch(/already approved/);

    // Screening picks the new version up without a restart (the engine refreshes within 2 s).
    const selected = await eventually('the approved criterion to select', async () => {
      const r = await svc.post('/api/declarations').send(declaration()).expect(201);
      return r.body.firedCriteria.includes(criterionId) ? r.body : undefined;
    });
    expect(['YELLOW', 'RED']).toContain(selected.lane);
    const auditor = await loginAs(stack, 'auditor-han');
    const trace = await auditor.get(`/api/declarations/${selected.declarationId}/selection`).expect(200);
    const fired = trace.body.firedCriteria.find((c: { id: string }) => c.id === criterionId);
    expect(fired).toMatchObject({ version, conditions: [{ fact: 'importerId', operator: 'equal', value: importerId, actual: importerId, result: true }] });
    expect(trace.body.criteriaSet).toMatch(/^[0-9a-f]{64}$/);
    expect(trace.body.criteriaInForce).toBeUndefined();

    const replay = await auditor.get(`/api/declarations/${selected.declarationId}/replay`).expect(200);
    expect(replay.body).toMatchObject({ identical: true, recorded: { lane: selected.lane }, replayed: { lane: selected.lane }, model: { rescored: true } });
    expect(replay.body.replayed.firedCriteria).toContain(`${criterionId}@${version}`);
    expect(replay.body.criteriaVersions).toContain(`${criterionId}@${version}`);

    const stats = await analyst.get('/api/stats/criteria').expect(200);
    expect(stats.body.criteria.find((c: { criterionId: string }) => c.criterionId === criterionId)).toMatchObject({ selections: expect.any(Number) });
    const lanes = await analyst.get('/api/stats/lanes').query({ from: '2021-05-03', to: '2021-05-03', officeId: '40' }).expect(200);
    expect(lanes.body.total).toBeGreaterThanOrEqual(2);
    expect(lanes.body.green + lanes.body.yellow + lanes.body.red).toBe(lanes.body.total);
  });

  it('refuses invalid criteria with every problem named, and scopes beyond the author', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const bad = { ...criterion, keywords: ['one'], conditions: { all: [{ fact: 'importerId', operator: 'regex', value: '.*' }] } };
    const res = await analyst.post('/api/criteria').send(bad).expect(400);
    expect(res.body.errors.join(' ')).toMatch(/keywords/);
    expect(res.body.errors.join(' ')).toMatch(/unknown operator "regex"/);
    const officer = await loginAs(stack, 'officer-40-01');
    const central = { ...criterion, id: 'CEN-UVL-990', scope: 'CENTRAL', officeId: null };
    expect((await officer.post('/api/criteria').send(central).expect(403)).body.message).toMatch(/only CBTC analysts write central criteria/);
    await (await loginAs(stack, 'officer-20-01')).post('/api/criteria').send(criterion).expect(403);
  });

  it('keeps office-bound roles to their own office in the dashboard', async () => {
    const officer = await loginAs(stack, 'officer-40-01');
    await officer.get('/api/stats/lanes').query({ officeId: '20' }).expect(403);
    const own = await officer.get('/api/stats/open-cases').expect(200);
    for (const o of own.body.offices) expect(o.officeId).toBe('40');
    await officer.get('/api/stats/lanes').query({ from: 'yesterday' }).expect(400);
  });
  it('offers each target document with its facts, stores a passenger criterion, and never screens declarations with it', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const meta = await analyst.get('/api/criteria/meta').expect(200);
    expect(meta.body.targetDocuments).toEqual(['IMPORT_DECLARATION', 'EXPRESS_MANIFEST', 'PASSENGER']);
    expect(meta.body.factsByDocument.PASSENGER.bookingDaysBeforeDeparture).toMatchObject({ type: 'number', nullable: true, unit: 'days' });
    expect(meta.body.factsByDocument.EXPRESS_MANIFEST.declaredValueUsd).toMatchObject({ type: 'number', unit: 'USD' });
    expect(meta.body.factsByDocument.IMPORT_DECLARATION).toEqual(meta.body.facts);

    const id = `CEN-DRG-${String(100 + Math.floor(Math.random() * 900))}`;
    const courier = {
      id, scope: 'CENTRAL', officeId: null, lane: 'RED', riskArea: 'SMUGGLING_DRUGS', targetDocument: 'PASSENGER',
      reason: 'Drug couriers: booked days before boarding, alone, short stay', pointsOfInterest: 'Baggage and body search in the arrival hall',
      keywords: ['courier', 'drugs', 'passenger'], validFrom: '2021-01-01', validTo: '2021-12-31',
      // importerId would make it fire on every declaration of this importer, were it screened as a declaration criterion
      conditions: { all: [{ fact: 'companions', operator: 'equal', value: 0 }, { fact: 'lengthOfStayDays', operator: 'lessThanInclusive', value: 4 }] },
    };
    const created = await analyst.post('/api/criteria').send(courier).expect(201);
    expect(created.body).toMatchObject({ id, targetDocument: 'PASSENGER', approved: false });
    await (await loginAs(stack, 'analyst-lee')).post(`/api/criteria/${id}/versions/${created.body.version}/approve`).expect(200);

    // A declaration fact in a passenger criterion is refused, naming the fact.
    const wrong = await analyst.post('/api/criteria').send({ ...courier, id: `${id.slice(0, -3)}999`, conditions: { all: [{ fact: 'importerId', operator: 'equal', value: importerId }] } }).expect(400);
    expect(JSON.stringify(wrong.body)).toMatch(/conditions.all\[0\].fact: unknown fact \\?"importerId\\?"/);

    // Declarations are screened with import-declaration criteria only.
    const svc = await loginAs(stack, 'svc-ingest');
    await new Promise((r) => setTimeout(r, 2500)); // the engine refreshes within 2 s
    const screened = await svc.post('/api/declarations').send(declaration()).expect(201);
    expect(screened.body.firedCriteria).not.toContain(id);
  });
});
