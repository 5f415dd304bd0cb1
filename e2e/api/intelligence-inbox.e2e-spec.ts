import { randomBytes } from 'node:crypto';
import { eventually, loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

/**
 * The desks' intelligence inbox (`GET /api/intelligence`) and the risk-case board's server-side
 * filters and status counts (`GET /api/risk-cases`): filters, office scoping, 400 naming the bad
 * filter. Reports are told apart from other suites' by subjects no other test uses.
 */
describe('intelligence inbox and board filters (e2e)', () => {
  let stack: E2eStack;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const today = new Date().toISOString().slice(0, 10);
  const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  /** A: foreign intelligence about weapons (CBTC). B: the same importer again (linked to A's case). C: office 40's own detection (LOCAL 40). */
  const ids = { a: '', b: '', c: '', caseA: '', caseC: '' };

  type Item = { reportId: string; duplicate: boolean; riskCaseId: string; caseStatus: string | null; caseOpen: boolean; route: string; officeIds: string[] };
  type Client = Awaited<ReturnType<typeof loginAs>>;
  /** The ids of our reports in the answer to `query` (every page of up to 200 newest). */
  const inboxIds = async (client: Client, query: string): Promise<string[]> => {
    const res = await client.get(`/api/intelligence?limit=200&${query}`).expect(200);
    const ours = new Set([ids.a, ids.b, ids.c]);
    return (res.body.reports as Item[]).map((r) => r.reportId).filter((id) => ours.has(id)).sort();
  };
  const sorted = (...xs: string[]) => [...xs].sort();

  beforeAll(async () => {
    stack = await startE2eStack();
    const analyst = await loginAs(stack, 'analyst-kim');
    const a = await analyst.post('/api/intelligence').send({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `INB${tag}` }, { kind: 'COMPANY', name: `Inbox Trading ${tag}` }],
      text: `Importer INB${tag} ships pistol parts declared as tools.`,
    }).expect(201);
    expect(a.body).toMatchObject({ duplicate: false, routing: { route: 'CBTC' } });
    const b = await (await loginAs(stack, 'analyst-lee')).post('/api/intelligence').send({
      source: { organisation: 'National Intelligence Service', type: 'INTELLIGENCE_SERVICE' },
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `INB${tag}` }],
      text: 'The same importer again.',
    }).expect(201);
    expect(b.body).toMatchObject({ duplicate: true, riskCaseId: a.body.riskCaseId });
    const c = await (await loginAs(stack, 'officer-40-01')).post('/api/intelligence').send({
      source: { organisation: 'Incheon Customs', type: 'LOCAL_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `LOC${tag}` }],
      text: 'Invoices at a third of the market value.',
    }).expect(201);
    expect(c.body).toMatchObject({ duplicate: false, routing: { route: 'LOCAL', officeIds: ['40'] } });
    Object.assign(ids, { a: a.body.reportId, b: b.body.reportId, c: c.body.reportId, caseA: a.body.riskCaseId, caseC: c.body.riskCaseId });
    for (const id of [ids.caseA, ids.caseC]) {
      await eventually(`risk case ${id} in the read model`, async () => ((await analyst.get(`/api/risk-cases/${id}`)).status === 200 ? true : undefined));
    }
  }, 90_000);
  afterAll(async () => stack?.stop());

  it('lists reports newest first with source, risk area and subtype, subjects, routing and the case link', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const res = await analyst.get('/api/intelligence?limit=200').expect(200);
    const reports = res.body.reports as Item[];
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    const mine = reports.filter((r) => [ids.a, ids.b, ids.c].includes(r.reportId)).map((r) => r.reportId);
    expect(mine).toEqual([ids.c, ids.b, ids.a]);
    expect(reports.find((r) => r.reportId === ids.b)).toEqual({
      reportId: ids.b,
      receivedAt: expect.any(String),
      reportedBy: 'analyst-lee',
      source: { type: 'INTELLIGENCE_SERVICE', organisation: 'National Intelligence Service', country: null },
      riskArea: 'SMUGGLING',
      smugglingSubtype: 'WEAPONS',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `INB${tag}` }],
      subjectCount: 1,
      route: 'CBTC',
      officeIds: [],
      routeRule: 'RT-CBTC-SECURITY',
      duplicate: true,
      riskCaseId: ids.caseA,
      caseStatus: 'IDENTIFIED',
      caseOpen: true,
    });
    expect(reports.find((r) => r.reportId === ids.c)).toMatchObject({ route: 'LOCAL', officeIds: ['40'], routeRule: 'RT-LOCAL-DETECTION', smugglingSubtype: null, duplicate: false });
    // Paging: one report per page, the total unchanged.
    const first = await analyst.get('/api/intelligence?limit=1').expect(200);
    const second = await analyst.get('/api/intelligence?limit=1&offset=1').expect(200);
    expect(first.body.reports).toHaveLength(1);
    expect(second.body.reports[0].reportId).not.toBe(first.body.reports[0].reportId);
    expect(second.body.total).toBe(first.body.total);
  });

  it('filters by desk, risk area, source type, received dates and linked', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    expect(await inboxIds(analyst, 'desk=CBTC')).toEqual(sorted(ids.a, ids.b));
    expect(await inboxIds(analyst, 'desk=40')).toEqual([ids.c]);
    expect(await inboxIds(analyst, 'desk=20')).toEqual([]);
    expect(await inboxIds(analyst, 'riskArea=SMUGGLING')).toEqual(sorted(ids.a, ids.b));
    expect(await inboxIds(analyst, 'riskArea=UNDERVALUATION')).toEqual([ids.c]);
    expect(await inboxIds(analyst, 'sourceType=FOREIGN_CUSTOMS')).toEqual([ids.a]);
    expect(await inboxIds(analyst, 'sourceType=LOCAL_CUSTOMS&desk=40')).toEqual([ids.c]);
    expect(await inboxIds(analyst, 'linked=true')).toEqual([ids.b]);
    expect(await inboxIds(analyst, 'linked=false&desk=CBTC')).toEqual([ids.a]);
    expect(await inboxIds(analyst, `from=${today}&to=${today}`)).toEqual(sorted(ids.a, ids.b, ids.c));
    expect(await inboxIds(analyst, `from=${dayOffset(1)}`)).toEqual([]);
    expect(await inboxIds(analyst, `to=${dayOffset(-1)}`)).toEqual([]);
    const linked = await analyst.get('/api/intelligence?linked=true&riskArea=SMUGGLING&desk=CBTC&sourceType=INTELLIGENCE_SERVICE').expect(200);
    expect(linked.body.reports.map((r: Item) => r.reportId)).toContain(ids.b);
    expect(linked.body.reports.every((r: Item) => r.duplicate)).toBe(true);
  });

  it('shows officers and supervisors only reports whose case is routed to or shared with their office', async () => {
    const officer20 = await loginAs(stack, 'officer-20-01');
    expect(await inboxIds(officer20, '')).toEqual([]);
    expect(await inboxIds(officer20, 'desk=CBTC')).toEqual([]);
    expect(await inboxIds(await loginAs(stack, 'officer-40-01'), '')).toEqual([ids.c]);
    expect(await inboxIds(await loginAs(stack, 'supervisor-40'), '')).toEqual([ids.c]);
    expect(await inboxIds(await loginAs(stack, 'auditor-han'), '')).toEqual(sorted(ids.a, ids.b, ids.c));

    // Shared with office 20 at assessment: both reports of the case reach office 20's inbox.
    const analyst = await loginAs(stack, 'analyst-kim');
    const scores = { timeliness: 4, importance: 4, applicability: 3, accuracy: 3, reliability: 4, influence: 3 };
    await analyst.post(`/api/risk-cases/${ids.caseA}/assess`).send({ scores, decision: 'SHARE', shareWith: ['20'] }).expect(200);
    await eventually('the shared case in office 20\u2019s inbox', async () => ((await inboxIds(officer20, '')).length === 2 ? true : undefined));
    expect(await inboxIds(officer20, 'linked=true')).toEqual([ids.b]);
    expect(await inboxIds(analyst, 'desk=20')).toEqual(sorted(ids.a, ids.b));
  });

  it('refuses bad filter values with 400 naming the field', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    const bad: Array<[string, RegExp]> = [
      ['desk=CBT', /desk/],
      ['desk=99999', /desk/],
      ['riskArea=PIRACY', /riskArea/],
      ['sourceType=RUMOUR', /sourceType/],
      ['from=2021-02-30', /from/],
      ['from=2021-03-02&to=2021-03-01', /to must not be before from/],
      ['linked=yes', /linked/],
      ['limit=0', /limit/],
      ['limit=201', /limit/],
      ['offset=-1', /offset/],
      ['unknown=1', /unknown/],
    ];
    for (const [query, field] of bad) {
      const res = await analyst.get(`/api/intelligence?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    }
  });

  it('filters the risk-case board by risk area, desk and age on the server and counts each status under the filters', async () => {
    const analyst = await loginAs(stack, 'analyst-kim');
    type Page = { riskCases: Array<{ riskCaseId: string; smugglingSubtype: string | null; status: string }>; total: number; counts: Record<string, number> };
    const get = async (query: string): Promise<Page> => (await analyst.get(`/api/risk-cases?limit=500&${query}`).expect(200)).body;
    const caseIds = (p: Page) => p.riskCases.map((c) => c.riskCaseId);

    const smuggling = await get('riskArea=SMUGGLING&desk=CBTC&maxAgeDays=0');
    const a = smuggling.riskCases.find((c) => c.riskCaseId === ids.caseA);
    expect(a).toMatchObject({ smugglingSubtype: 'WEAPONS', status: 'ASSESSED' });
    expect(caseIds(smuggling)).not.toContain(ids.caseC);
    expect(Object.keys(smuggling.counts).sort()).toEqual(['ACTIVE', 'ASSESSED', 'CLOSED', 'DISMISSED', 'FEEDBACK', 'IDENTIFIED', 'TARGETING']);
    expect(Object.values(smuggling.counts).reduce((n, c) => n + c, 0)).toBe(smuggling.total);
    // Each count is the total of that status under the same filters.
    for (const [status, count] of Object.entries(smuggling.counts)) {
      const one = await get(`riskArea=SMUGGLING&desk=CBTC&maxAgeDays=0&status=${status}`);
      expect([status, one.total]).toEqual([status, count]);
      expect(one.counts).toEqual(smuggling.counts);
    }

    expect(caseIds(await get('desk=40'))).toContain(ids.caseC);
    expect(caseIds(await get('desk=40'))).not.toContain(ids.caseA);
    expect(caseIds(await get('desk=20'))).toContain(ids.caseA);
    expect(caseIds(await get('riskArea=UNDERVALUATION'))).not.toContain(ids.caseA);
    const local = (await get('riskArea=UNDERVALUATION&desk=40')).riskCases.find((c) => c.riskCaseId === ids.caseC);
    expect(local).toMatchObject({ smugglingSubtype: null, status: 'IDENTIFIED' });
    // Scoped first: office 20 counts only its own (shared) cases.
    const officer20 = (await (await loginAs(stack, 'officer-20-01')).get('/api/risk-cases?limit=500').expect(200)).body as Page;
    expect(caseIds(officer20)).toContain(ids.caseA);
    expect(caseIds(officer20)).not.toContain(ids.caseC);

    for (const [query, field] of [['desk=CBT', /desk/], ['maxAgeDays=-1', /maxAgeDays/], ['maxAgeDays=abc', /maxAgeDays/], ['riskArea=PIRACY', /riskArea/]] as const) {
      const res = await analyst.get(`/api/risk-cases?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(JSON.stringify(res.body.message)).toMatch(field);
    }
  });
});
