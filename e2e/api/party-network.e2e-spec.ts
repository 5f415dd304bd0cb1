import { randomBytes } from 'node:crypto';
import type { Declaration } from '@customs/domain';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';
import { recordInspectionResult } from '../support/inspection';

/** Acceptance date of this suite's declarations. */
const DATE = '2021-09-14';
const DAY_AFTER = '2021-09-15';
/** Tomorrow (UTC): the seizure recorded today is known strictly before it. */
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/**
 * The party network on the real services: declarations screened one at a time and in a batch
 * link their parties in `party_declaration` / `party_link`; a seizure recorded on an inspection
 * makes the parties of that declaration seized; `GET /api/parties/:partyKey` shows a neighbour
 * seized and a risk above 0 as of a later date, and nothing as of the declaration's day or before
 * the seizure was known (leakage); a re-sent declaration does not change any edge weight.
 * Every party id is this run's own (`tag`).
 */
describe('party network (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let analyst: AuthorisedHttp;
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const broker = `PNB${tag}`;
  const seizedImporter = `PNS${tag}`;
  const peer = `PNP${tag}`;
  const otherBroker = `PNO${tag}`;
  const seller = `PNL${tag}`;
  const decl = (over: Partial<Declaration>) => sampleDeclaration({ declarationId: uniqueDeclarationId(), date: DATE, officeId: '40', sellerId: null, courierId: null, ...over });
  /** Pistols (CEN-WPN-001 -> RED) for the seized importer, through the shared broker. */
  const seizedDeclaration = decl({ declarantId: broker, importerId: seizedImporter, sellerId: seller, hsCode: '930200' });
  const peerDeclaration = decl({ declarantId: broker, importerId: peer });
  const batch = [decl({ declarantId: broker, importerId: peer }), decl({ declarantId: otherBroker, importerId: peer })];

  const linkRow = async (a: string, b: string) =>
    (await stack.db.query('SELECT declarations, first_date::text AS first, last_date::text AS last FROM party_link WHERE party_a = $1 AND party_b = $2', [a < b ? a : b, a < b ? b : a])).rows[0];

  beforeAll(async () => {
    stack = await startE2eStack();
    [svc, analyst] = await Promise.all([loginAs(stack, 'svc-ingest'), loginAs(stack, 'analyst-kim')]);
    const officer = await loginAs(stack, 'officer-40-01');
    const screened = (await svc.post('/api/declarations').send(seizedDeclaration).expect(201)).body;
    expect(screened.lane).not.toBe('GREEN');
    await svc.post('/api/declarations').send(peerDeclaration).expect(201);
    await svc.post('/api/declarations/batch').send({ declarations: batch }).expect(200);
    const verdicts = (screened.firedCriteria as string[]).map((criterionId) => ({ criterionId, appropriate: true }));
    await recordInspectionResult(stack, screened.caseId, { assigner: officer, officer, officerId: 'officer-40-01' }, { outcome: 'SEIZURE', verdicts });
    await eventually('the seizure in inspection_outcome', async () => {
      const { rows } = await stack.db.query('SELECT fraud FROM inspection_outcome WHERE declaration_id = $1', [seizedDeclaration.declarationId]);
      return rows[0]?.fraud === 1 ? true : undefined;
    });
  }, 120_000);
  afterAll(async () => stack?.stop());

  it('links the parties of declarations screened singly and in batches, counting shared declarations', async () => {
    await analyst.get(`/api/parties/IMPORTER:${peer}`).expect(200); // writes what screening queued for the network
    expect(await linkRow(`DECLARANT:${broker}`, `IMPORTER:${peer}`)).toEqual({ declarations: 2, first: DATE, last: DATE });
    expect(await linkRow(`DECLARANT:${otherBroker}`, `IMPORTER:${peer}`)).toEqual({ declarations: 1, first: DATE, last: DATE });
    expect(await linkRow(`IMPORTER:${seizedImporter}`, `SELLER:${seller}`)).toEqual({ declarations: 1, first: DATE, last: DATE });
    const { rows } = await stack.db.query('SELECT parties FROM party_declaration WHERE declaration_id = $1', [seizedDeclaration.declarationId]);
    expect(rows).toEqual([{ parties: [`DECLARANT:${broker}`, `IMPORTER:${seizedImporter}`, `SELLER:${seller}`] }]);
  });

  it('shows the seized neighbour and a risk above 0 once the seizure is known', async () => {
    const view = (await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: tomorrow() }).expect(200)).body;
    expect(view.party).toEqual({ key: `IMPORTER:${peer}`, role: 'IMPORTER', id: peer });
    expect(view.seen).toBe(true);
    expect(view.score).toBeGreaterThan(0);
    expect(view.hopsToNearestSeizure).toBe(1);
    expect(view.counterparties).toBe(2);
    expect(view.seizedNeighbours.map((s: { key: string; hops: number; sharedDeclarations: number }) => [s.key, s.hops, s.sharedDeclarations])).toEqual([
      [`DECLARANT:${broker}`, 1, 2],
      [`IMPORTER:${seizedImporter}`, 2, 0],
      [`SELLER:${seller}`, 2, 0],
    ]);
    const nodes = new Map(view.neighbourhood.nodes.map((n: { key: string }) => [n.key, n]));
    expect(nodes.get(`DECLARANT:${broker}`)).toMatchObject({ hops: 1, seized: true, seizures: 1 });
    expect(nodes.get(`DECLARANT:${otherBroker}`)).toMatchObject({ hops: 1, seized: false });
    expect(view.neighbourhood.edges).toContainEqual({ source: `DECLARANT:${broker}`, target: `IMPORTER:${peer}`, weight: 2 });
    expect(view.reasons.map((r: { code: string }) => r.code)).toEqual(['SEIZED_COUNTERPARTIES', 'SCORE']);
    expect(view.reasons[0].text).toContain(`DECLARANT:${broker} (2 shared declarations)`);
    // The seized importer itself scores above its unseized neighbour's neighbour.
    const seized = (await analyst.get(`/api/parties/IMPORTER:${seizedImporter}`).query({ asOf: tomorrow() }).expect(200)).body;
    expect(seized.seizures).toBe(1);
    expect(seized.score).toBeGreaterThan(view.score);
  });

  it('counts nothing dated on or after the as-of date (leakage)', async () => {
    // As of the declarations' own day: the party is not in the network yet.
    const sameDay = (await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: DATE }).expect(200)).body;
    expect(sameDay).toMatchObject({ seen: false, score: 0, seizures: 0, hopsToNearestSeizure: null, seizedNeighbours: [], counterparties: 0 });
    expect(sameDay.reasons.map((r: { code: string }) => r.code)).toEqual(['NOT_SEEN']);
    // The day after: linked, but the seizure was recorded today, so not known then.
    const dayAfter = (await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: DAY_AFTER }).expect(200)).body;
    expect(dayAfter.seen).toBe(true);
    expect(dayAfter.counterparties).toBe(2);
    expect(dayAfter.seizedNeighbours).toEqual([]);
    expect(dayAfter.neighbourhood.nodes.some((n: { seized: boolean }) => n.seized)).toBe(false);
    // Default as-of is today: the seizure recorded today does not count yet either.
    const today = (await analyst.get(`/api/parties/IMPORTER:${peer}`).expect(200)).body;
    expect(today.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(today.seizedNeighbours).toEqual([]);
  });

  it('does not count a re-sent declaration twice, singly or in a batch', async () => {
    const single = (await svc.post('/api/declarations').send(peerDeclaration).expect(200)).body;
    expect(single.duplicate).toBe(true);
    const again = (await svc.post('/api/declarations/batch').send({ declarations: [...batch, batch[0]] }).expect(200)).body;
    expect(again.summary.duplicates).toBe(3);
    // read first: a read writes what screening queued for the network (PartyNetworkWriter), so the rows below are final
    const view = (await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: tomorrow() }).expect(200)).body;
    expect(await linkRow(`DECLARANT:${broker}`, `IMPORTER:${peer}`)).toEqual({ declarations: 2, first: DATE, last: DATE });
    expect(await linkRow(`DECLARANT:${otherBroker}`, `IMPORTER:${peer}`)).toEqual({ declarations: 1, first: DATE, last: DATE });
    expect(view.neighbourhood.edges).toContainEqual({ source: `DECLARANT:${broker}`, target: `IMPORTER:${peer}`, weight: 2 });
    expect(view.neighbourhood.edges).toContainEqual({ source: `DECLARANT:${otherBroker}`, target: `IMPORTER:${peer}`, weight: 1 });
  });

  it('links the declarations of imported past outcomes, their seizures known from the declaration\u2019s date', async () => {
    const pastBroker = `PNH${tag}`;
    const past = decl({ declarantId: pastBroker, importerId: peer, date: '2021-09-01' });
    const body = { outcomes: [{ declaration: past, fraud: 1, criticalFraud: 1 }] };
    expect((await svc.post('/api/supply-chain/outcomes').send(body).expect(200)).body).toEqual({ received: 1, inserted: 1 });
    expect((await svc.post('/api/supply-chain/outcomes').send(body).expect(200)).body).toEqual({ received: 1, inserted: 0 });
    expect(await linkRow(`DECLARANT:${pastBroker}`, `IMPORTER:${peer}`)).toEqual({ declarations: 1, first: '2021-09-01', last: '2021-09-01' });
    // As of the day after the past declaration, the peer itself is seized (an imported label counts from the declaration's date).
    const view = (await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: '2021-09-02' }).expect(200)).body;
    expect(view).toMatchObject({ seen: true, seizures: 1, hopsToNearestSeizure: 0 });
    expect(view.seizedNeighbours.map((s: { key: string }) => s.key)).toEqual([`DECLARANT:${pastBroker}`]);
    expect(view.reasons.map((r: { code: string }) => r.code)).toEqual(['OWN_SEIZURES', 'SEIZED_COUNTERPARTIES', 'SCORE']);
    expect((await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: '2021-09-01' }).expect(200)).body.seen).toBe(false);
  });

  it('answers 404 for an unknown party, 400 for a malformed key or date, 403 for officers', async () => {
    const unknown = await analyst.get(`/api/parties/IMPORTER:NOBODY${tag}`).expect(404);
    expect(unknown.body.message).toBe(`party IMPORTER:NOBODY${tag} is on no screened declaration or recorded inspection outcome`);
    for (const bad of ['OWNER:X1', `IMPORTER:${'A'.repeat(21)}`, 'IMPORTER', 'IMPORTER:a-b']) {
      const res = await analyst.get(`/api/parties/${encodeURIComponent(bad)}`).expect(400);
      expect(res.body.message).toMatch(/party key must be DECLARANT, IMPORTER, SELLER, COURIER, SHIPPER or CONSIGNEE/);
    }
    await analyst.get(`/api/parties/IMPORTER:${peer}`).query({ asOf: '2021-02-30' }).expect(400);
    const officer = await loginAs(stack, 'officer-40-01');
    await officer.get(`/api/parties/IMPORTER:${peer}`).expect(403);
    const [auditor, supervisor] = await Promise.all([loginAs(stack, 'auditor-han'), loginAs(stack, 'supervisor-40')]);
    await auditor.get(`/api/parties/IMPORTER:${peer}`).expect(200);
    await supervisor.get(`/api/parties/IMPORTER:${peer}`).expect(200);
  });
});
