import { randomBytes, randomUUID } from 'node:crypto';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

/** Case, risk-case and criterion actions with an `Idempotency-Key`: a retry returns the first response and acts once. */
describe('Idempotency-Key on case actions (e2e)', () => {
  let stack: E2eStack;
  let service: AuthorisedHttp;
  let supervisor: AuthorisedHttp;
  let officer: AuthorisedHttp;
  let analyst: AuthorisedHttp;

  beforeAll(async () => {
    stack = await startE2eStack();
    [service, supervisor, officer, analyst] = await Promise.all(['svc-ingest', 'supervisor-20', 'officer-20-01', 'analyst-kim'].map((u) => loginAs(stack, u)));
  }, 180_000);
  afterAll(async () => stack?.stop());

  /** Screens a weapons declaration (CEN-WPN-001 -> RED) in office 20 and waits for its queue row. */
  async function openCase(): Promise<string> {
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-03-02', hsCode: '930591', officeId: '20' });
    const res = await service.post('/api/declarations').send(d).expect(201);
    await eventually('queue row', async () => ((await supervisor.get(`/api/cases/${res.body.caseId}`)).status === 200 ? true : undefined));
    return res.body.caseId;
  }

  const events = async (caseId: string, type: string): Promise<number> => {
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = $2`, [caseId, type]);
    return rows[0].n;
  };

  it('assign, result and close sent twice with their keys act once and answer the same twice', async () => {
    const caseId = await openCase();
    const assign = { officerId: 'officer-20-01' };
    const assignKey = randomUUID();
    const first = await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', assignKey).send(assign).expect(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', assignKey).send(assign).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.text).toBe(first.text);

    const result = { outcome: 'SEIZURE', findings: 'Two unlicensed rifles', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }] };
    const resultKey = randomUUID();
    const recorded = await officer.post(`/api/cases/${caseId}/result`).set('Idempotency-Key', resultKey).send(result).expect(200);
    // Same body with its keys in another order: the same request.
    const reordered = { verdicts: result.verdicts, findings: result.findings, outcome: result.outcome };
    const again = await officer.post(`/api/cases/${caseId}/result`).set('Idempotency-Key', resultKey).send(reordered).expect(200);
    expect(again.body).toEqual(recorded.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const closeKey = randomUUID();
    await officer.post(`/api/cases/${caseId}/close`).set('Idempotency-Key', closeKey).send({}).expect(200);
    const closedAgain = await officer.post(`/api/cases/${caseId}/close`).set('Idempotency-Key', closeKey).send({}).expect(200);
    expect(closedAgain.body.status).toBe('CLOSED');

    await eventually('the CLOSED event', async () => ((await events(caseId, 'CLOSED')) === 1 ? true : undefined));
    expect([await events(caseId, 'ASSIGNED'), await events(caseId, 'RESULT_RECORDED'), await events(caseId, 'CLOSED')]).toEqual([1, 1, 1]);
    const stored = await stack.db.query(`SELECT key, status, route FROM idempotency_key WHERE caller = 'officer-20-01' AND key = ANY($1) ORDER BY created_at`, [[resultKey, closeKey]]);
    expect(stored.rows).toEqual([
      { key: resultKey, status: 200, route: `POST /api/cases/${caseId}/result` },
      { key: closeKey, status: 200, route: `POST /api/cases/${caseId}/close` },
    ]);
    // Without a key each request acts: a second close is refused by the workflow.
    await officer.post(`/api/cases/${caseId}/close`).send({}).expect(409);
  });

  it('refuses a key reused with another body or route (422), a malformed key (400), and keeps keys per caller', async () => {
    const caseId = await openCase();
    const key = randomUUID();
    await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', key).send({ officerId: 'officer-20-01' }).expect(200);
    let res = await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', key).send({ officerId: 'officer-20-02' }).expect(422);
    expect(res.body.message).toBe(`Idempotency-Key "${key}" was already used for this route with a different body; use a new key for a new request`);
    res = await supervisor.post(`/api/cases/${caseId}/close`).set('Idempotency-Key', key).send({}).expect(422);
    expect(res.body.message).toContain(`was already used for POST /api/cases/${caseId}/assign`);
    res = await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', 'has space').send({ officerId: 'officer-20-01' }).expect(400);
    expect(res.body.message).toMatch(/Idempotency-Key must be 1 to 255 visible ASCII characters/);
    await supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', 'x'.repeat(256)).send({ officerId: 'officer-20-01' }).expect(400);
    // The same key from another user is another key: the officer's assign is processed, not replayed
    // (assigning the case to the officer who has it already: a no-op, no second ASSIGNED event).
    const mine = await officer.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', key).send({ officerId: 'officer-20-01' }).expect(200);
    expect(mine.headers['idempotent-replayed']).toBeUndefined();
    expect(mine.body).toMatchObject({ status: 'ASSIGNED', assigneeId: 'officer-20-01' });
    const { rows } = await stack.db.query(`SELECT caller, status FROM idempotency_key WHERE key = $1 ORDER BY caller`, [key]);
    expect(rows).toEqual([{ caller: 'officer-20-01', status: 200 }, { caller: 'supervisor-20', status: 200 }]);
    expect(await events(caseId, 'ASSIGNED')).toBe(1);
  });

  it('acts once for the same key sent twice at the same time (the second: 409 in flight, or the replay)', async () => {
    const caseId = await openCase();
    const key = randomUUID();
    const send = () => supervisor.post(`/api/cases/${caseId}/assign`).set('Idempotency-Key', key).send({ officerId: 'officer-20-01' });
    const statuses = (await Promise.all([send(), send(), send()])).map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    await eventually('the ASSIGNED event', async () => ((await events(caseId, 'ASSIGNED')) > 0 ? true : undefined));
    expect(await events(caseId, 'ASSIGNED')).toBe(1);
  });

  it('does not store a refusal: after a 409 the same key is processed afresh', async () => {
    const caseId = await openCase();
    const key = randomUUID();
    const refused = await supervisor.post(`/api/cases/${caseId}/close`).set('Idempotency-Key', key).send({}).expect(409);
    expect(refused.body.message).toMatch(/cannot close a case in status QUEUED/);
    const { rows } = await stack.db.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = $1`, [key]);
    expect(rows[0].n).toBe(0);
    await supervisor.post(`/api/cases/${caseId}/assign`).send({ officerId: 'officer-20-01' }).expect(200);
    await supervisor.post(`/api/cases/${caseId}/result`).send({ outcome: 'NO_FINDING', findings: '', verdicts: [{ criterionId: 'CEN-WPN-001', appropriate: true }] }).expect(200);
    const closed = await supervisor.post(`/api/cases/${caseId}/close`).set('Idempotency-Key', key).send({}).expect(200);
    expect(closed.headers['idempotent-replayed']).toBeUndefined();
    expect(closed.body.status).toBe('CLOSED');
  });

  it('answers a retried risk-case assessment with the first response and assesses once', async () => {
    const importerId = `IDM${randomBytes(3).toString('hex').toUpperCase()}`;
    const created = await analyst.post('/api/intelligence').send({
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: importerId }],
      goods: [{ description: 'household goods at a third of market value' }],
      routes: [{ departureCountry: 'JP' }],
      text: `Importer ${importerId} undervalues invoices.`,
    }).expect(201);
    const riskCaseId: string = created.body.riskCaseId;
    await eventually('the risk case', async () => ((await analyst.get(`/api/risk-cases/${riskCaseId}`)).status === 200 ? true : undefined));
    const assess = { scores: { timeliness: 5, importance: 4, applicability: 5, accuracy: 4, reliability: 4, influence: 5 }, decision: 'TARGET' };
    const key = randomUUID();
    const first = await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).set('Idempotency-Key', key).send(assess).expect(200);
    expect(first.body).toMatchObject({ status: 'TARGETING' });
    const retry = await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).set('Idempotency-Key', key).send(assess).expect(200);
    expect(retry.text).toBe(first.text);
    await analyst.post(`/api/risk-cases/${riskCaseId}/assess`).send(assess).expect(409);
    const assessed = async () => (await stack.db.query(`SELECT count(*)::int AS n FROM risk_case_event WHERE risk_case_id = $1 AND type = 'ASSESSED'`, [riskCaseId])).rows[0].n as number;
    await eventually('the ASSESSED event', async () => ((await assessed()) > 0 ? true : undefined));
    expect(await assessed()).toBe(1);
  });

  it('documents the header on every case and risk-case action in the OpenAPI document', async () => {
    const doc = (await supervisor.get('/api/docs-json').expect(200)).body;
    const actions = ['/api/cases/{id}/assign', '/api/cases/{id}/result', '/api/cases/{id}/close', '/api/risk-cases/{id}/assess',
      '/api/risk-cases/{id}/criteria', '/api/risk-cases/{id}/criteria/{criterionId}/retire', '/api/risk-cases/{id}/window', '/api/risk-cases/{id}/close',
      '/api/intelligence', '/api/intelligence/{id}/attachments', '/api/criteria'];
    for (const path of actions) {
      const header = doc.paths[path].post.parameters.find((p: { in: string; name: string }) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect({ path, required: header?.required, says: header?.description }).toEqual({ path, required: false, says: expect.stringContaining('422') });
    }
  });

  it('answers a retried criterion write with the first response and stores one version; a retried approval approves once', async () => {
    const id = `CEN-IDM-${String(100 + Math.floor(Math.random() * 900))}`;
    const criterion = {
      id, scope: 'CENTRAL', officeId: null, lane: 'YELLOW', riskArea: 'UNDERVALUATION', reason: 'retry test', pointsOfInterest: 'invoice',
      keywords: ['retry', 'idempotency', 'test'], conditions: { all: [{ fact: 'importerId', operator: 'equal', value: 'IDMRETRY' }] },
    };
    const key = randomUUID();
    const first = await analyst.post('/api/criteria').set('Idempotency-Key', key).send(criterion).expect(201);
    const retry = await analyst.post('/api/criteria').set('Idempotency-Key', key).send(criterion).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await analyst.get(`/api/criteria/${id}`).expect(200)).body.versions).toHaveLength(1);
    const checker = await loginAs(stack, 'analyst-lee');
    const approveKey = randomUUID();
    const approved = await checker.post(`/api/criteria/${id}/versions/1/approve`).set('Idempotency-Key', approveKey).expect(200);
    const again = await checker.post(`/api/criteria/${id}/versions/1/approve`).set('Idempotency-Key', approveKey).expect(200);
    expect(again.body).toEqual(approved.body);
    // Without the key, a second approval is the usual 409.
    await checker.post(`/api/criteria/${id}/versions/1/approve`).expect(409);
  });

  it('answers a retried attachment upload with the first response (file compared by its bytes) and stores it once', async () => {
    const report = {
      source: { organisation: 'Japan Customs', type: 'FOREIGN_CUSTOMS' },
      riskArea: 'UNDERVALUATION',
      subjects: [{ kind: 'IDENTIFIER', idType: 'importerId', value: `IDM${randomBytes(3).toString('hex').toUpperCase()}` }],
      text: 'Attachment retry test.',
    };
    const reportId: string = (await analyst.post('/api/intelligence').send(report).expect(201)).body.reportId;
    const url = `/api/intelligence/${reportId}/attachments`;
    const note = Buffer.from(`note ${randomUUID()}\n`);
    const key = randomUUID();
    const upload = (k: string | null, bytes: Buffer, filename = 'note.txt') => {
      const req = analyst.post(url);
      if (k) req.set('Idempotency-Key', k);
      return req.attach('file', bytes, { filename, contentType: 'text/plain' });
    };
    const first = await upload(key, note).expect(201);
    expect(first.body).toMatchObject({ created: true });
    const retry = await upload(key, note).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    // The same key with other bytes, or the same bytes under another name: a different request.
    const other = await upload(key, Buffer.from('other bytes\n')).expect(422);
    expect(other.body.message).toMatch(/different body/);
    await upload(key, note, 'renamed.txt').expect(422);
    // A new key for bytes already attached: 200 `created: false`, and its retry answers 200 again.
    const secondKey = randomUUID();
    const known = await upload(secondKey, note).expect(200);
    expect(known.body).toMatchObject({ created: false });
    const knownRetry = await upload(secondKey, note).expect(200);
    expect(knownRetry.headers['idempotent-replayed']).toBe('true');
    const list = await analyst.get(url).expect(200);
    expect(list.body.attachments).toHaveLength(1);
  });
});
