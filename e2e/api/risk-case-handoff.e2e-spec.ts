import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { DEMO_USERS } from '@customs/identity';
import { eventually } from '../support/e2e-stack';
import { startFaultStack, type FaultStack } from '../support/fault-stack';

/**
 * Issue 13, durable hand-offs: a criterion approved, and intelligence registered, while the
 * Temporal server is down. Both commit with their hand-off rows; once Temporal is back the risk
 * case learns of the approval (TARGETING -> ACTIVE) and the new case's workflow starts, and the
 * rows say so. Runs on a stack of its own, whose Temporal can be
 * stopped without disturbing the other suites.
 */
describe('risk-case hand-offs while Temporal is down (e2e)', () => {
  let stack: FaultStack;
  let db: Pool;
  const importerId = `HND${randomBytes(3).toString('hex').toUpperCase()}`;
  const criterionId = `CEN-HND-${String(100 + Math.floor(Math.random() * 900))}`;

  beforeAll(async () => {
    stack = await startFaultStack();
    db = new Pool({ connectionString: stack.databaseUrl, max: 1 });
  }, 300_000);
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  async function as(username: string) {
    const demo = DEMO_USERS.find((u) => u.username === username)!;
    const res = await request(stack.baseUrl).post('/api/auth/token').send({ username, password: demo.password }).expect(200);
    const auth = { authorization: `Bearer ${res.body.accessToken as string}` };
    return {
      get: (url: string) => request(stack.baseUrl).get(url).set(auth),
      post: (url: string) => request(stack.baseUrl).post(url).set(auth),
    };
  }

  it('commits the approval, keeps the news while Temporal is down, and activates the risk case once it is back', async () => {
    const maker = await as('analyst-kim');
    const checker = await as('analyst-lee');
    const created = await maker.post('/api/intelligence').send({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
      text: `Importer ${importerId} undervalues invoices through a related seller.`,
    }).expect(201);
    const riskCaseId: string = created.body.riskCaseId;
    await eventually('the risk case in the read model', async () => ((await maker.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined), 60_000);
    const scores = { timeliness: 5, importance: 4, applicability: 5, accuracy: 4, reliability: 4, influence: 5 };
    await maker.post(`/api/risk-cases/${riskCaseId}/assess`).send({ scores, decision: 'TARGET' }).expect(200);
    await maker.post(`/api/risk-cases/${riskCaseId}/criteria`).send({ id: criterionId, validFrom: '2021-01-01', validTo: '2021-12-31' }).expect(201);

    await stack.services.temporal.stop();
    const t0 = Date.now();
    const approved = await checker.post(`/api/criteria/${criterionId}/versions/1/approve`);
    const answeredMs = Date.now() - t0;
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: criterionId, version: 1, approved: true });
    // The case's own start was delivered at its intake; the approval waits.
    const pending = await db.query(`SELECT kind, payload, delivered_at, attempts, last_error FROM risk_case_handoff WHERE risk_case_id = $1 AND kind = 'CRITERION_APPROVED'`, [riskCaseId]);
    expect(pending.rows).toEqual([
      { kind: 'CRITERION_APPROVED', payload: { criterionId, version: 1, actor: 'analyst-lee' }, delivered_at: null, attempts: expect.any(Number), last_error: expect.any(String) },
    ]);
    expect(pending.rows[0].attempts).toBeGreaterThanOrEqual(1);
    expect((await maker.get(`/api/risk-cases/${riskCaseId}`).expect(200)).body.status).toBe('TARGETING');

    await stack.services.temporal.start();
    const active = await eventually('the risk case to be ACTIVE once Temporal is back', async () => {
      const r = await maker.get(`/api/risk-cases/${riskCaseId}`);
      return r.status === 200 && r.body.status === 'ACTIVE' ? r.body : undefined;
    }, 180_000);
    expect(active.criteria).toEqual([expect.objectContaining({ criterionId, version: 1, approved: true })]);
    // The dispatcher stamps the row once the update has answered (the projection may be first).
    const done = await eventually('the hand-off stamped DELIVERED', async () => {
      const r = await db.query(`SELECT outcome, delivered_at FROM risk_case_handoff WHERE risk_case_id = $1 AND kind = 'CRITERION_APPROVED'`, [riskCaseId]);
      return r.rows[0]?.outcome ? r.rows : undefined;
    });
    expect(done).toEqual([{ outcome: 'DELIVERED', delivered_at: expect.any(Date) }]);
    console.log(`approval answered in ${answeredMs} ms with Temporal down; the risk case activated ${Date.now() - t0} ms after the approval`);
  }, 10 * 60_000);

  it('stores intelligence while Temporal is down and opens its risk case once it is back; a retry with the same key registers it once', async () => {
    const analyst = await as('analyst-kim');
    const importer = `HNI${randomBytes(3).toString('hex').toUpperCase()}`;
    const report = {
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importer }],
      text: `Importer ${importer} undervalues invoices.`,
    };
    await stack.services.temporal.stop();
    const key = `intake-${randomBytes(4).toString('hex')}`;
    const first = await analyst.post('/api/intelligence').set('Idempotency-Key', key).send(report).expect(201);
    const retry = await analyst.post('/api/intelligence').set('Idempotency-Key', key).send(report).expect(201);
    expect(retry.body).toEqual(first.body);
    const riskCaseId: string = first.body.riskCaseId;
    const stored = await db.query(`SELECT count(*)::int AS n FROM intelligence_report WHERE risk_case_id = $1`, [riskCaseId]);
    expect(stored.rows[0].n).toBe(1);
    const pending = await db.query(`SELECT kind, delivered_at FROM risk_case_handoff WHERE risk_case_id = $1`, [riskCaseId]);
    expect(pending.rows).toEqual([{ kind: 'START_RISK_CASE', delivered_at: null }]);
    await analyst.get(`/api/risk-cases/${riskCaseId}`).expect(404);

    await stack.services.temporal.start();
    const opened = await eventually('the risk case opened once Temporal is back', async () => {
      const r = await analyst.get(`/api/risk-cases/${riskCaseId}`);
      return r.status === 200 ? r.body : undefined;
    }, 180_000);
    expect(opened).toMatchObject({ status: 'IDENTIFIED', reportIds: [first.body.reportId] });
  }, 10 * 60_000);
});
