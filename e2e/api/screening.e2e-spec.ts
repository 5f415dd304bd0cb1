import request from 'supertest';
import { sampleDeclaration } from '@customs/domain/testing';
import { type Declaration } from '@customs/domain';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

/** Screening through the HTTP API into the real Postgres and Temporal. */
describe('screening (e2e)', () => {
  let stack: E2eStack;
  /** No token: only the public routes answer. */
  const anonymous = () => request(stack.app.getHttpServer());
  let svc: AuthorisedHttp;
  let analyst: AuthorisedHttp;

  beforeAll(async () => {
    stack = await startE2eStack();
    svc = await loginAs(stack, 'svc-ingest');
    analyst = await loginAs(stack, 'analyst-kim');
  });
  afterAll(async () => stack?.stop());

  /** A declaration that the central weapons criterion CEN-WPN-001 (HS chapter 93 -> RED) selects. */
  const weapons = (over: Partial<Declaration> = {}): Declaration =>
    sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', hsCode: '930200', officeId: '40', ...over });

  it('reports Postgres and Temporal healthy', async () => {
    const res = await anonymous().get('/api/health').expect(200);
    expect(res.body.details).toEqual({ postgres: { status: 'up' }, temporal: { status: 'up' } });
  });

  it('serves the OpenAPI document', async () => {
    const res = await anonymous().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/declarations', '/api/declarations/batch', '/api/declarations/{id}/selection', '/api/cases', '/api/cases/{id}/assign', '/api/auth/token', '/api/auth/me']),
    );
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('sends a criterion hit to RED, records the trace, and opens exactly one case with a queue row', async () => {
    const d = weapons();
    const res = await svc.post('/api/declarations').send(d).expect(201);
    expect(res.body).toMatchObject({ declarationId: d.declarationId, lane: 'RED', caseStarted: true, caseStatus: 'QUEUED', duplicate: false });
    expect(res.body.firedCriteria).toContain('CEN-WPN-001');

    const trace = await analyst.get(`/api/declarations/${d.declarationId}/selection`).expect(200);
    expect(trace.body.lane).toBe('RED');
    expect(trace.body.summary).toMatch(new RegExp(`Declaration ${d.declarationId} was sent to physical inspection \\(RED\\): .*CEN-WPN-001 v1`));
    const fired = trace.body.firedCriteria.find((c: { id: string }) => c.id === 'CEN-WPN-001');
    expect(fired).toMatchObject({ id: 'CEN-WPN-001', version: 1, lane: 'RED' });
    expect(fired.conditions[0]).toMatchObject({ fact: 'hsCode', operator: 'hsStartsWithAny', value: ['93'], actual: '930200', result: true });
    expect(trace.body.model).toMatchObject({ name: 'kcs-fraud-gbdt' });
    expect(trace.body.model.score).toBeGreaterThanOrEqual(0);
    expect(trace.body.model.score).toBeLessThanOrEqual(1);
    expect(trace.body.model.thresholds.red).toBeGreaterThan(trace.body.model.thresholds.yellow);
    expect(trace.body.declaration).toMatchObject({ ...d, goodsDescription: expect.stringMatching(/pistols/i) });
    expect(trace.body.explanations[0]).toMatch(/CEN-WPN-001/);

    const caseId = `inspection-case-${d.declarationId}`;
    const description = await eventually('the case workflow', () => stack.temporal.workflow.getHandle(caseId).describe().catch(() => undefined));
    expect(description.type).toBe('inspectionCaseWorkflow');
    const row = await eventually('the queue row', async () => {
      const { rows } = await stack.db.query('SELECT * FROM inspection_case WHERE case_id = $1', [caseId]);
      return rows[0];
    });
    expect(row).toMatchObject({ declaration_id: d.declarationId, office_id: '40', lane: 'RED', status: 'QUEUED' });
    expect(row.fired_criteria).toEqual(expect.arrayContaining([{ id: 'CEN-WPN-001', version: 1 }]));
  });

  it('is idempotent: a re-send returns the stored decision and opens no second case; other content under the same id is refused', async () => {
    const d = weapons();
    await svc.post('/api/declarations').send(d).expect(201);
    const again = await svc.post('/api/declarations').send(d).expect(200);
    expect(again.body).toMatchObject({ lane: 'RED', duplicate: true, caseStarted: false });
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM decision_record WHERE declaration_id = $1', [d.declarationId]);
    expect(rows[0].n).toBe(1);
    // Once the outbox has started the workflow, a re-send says so.
    const started = await eventually('the re-send to report the case started', async () => {
      const r = await svc.post('/api/declarations').send(d).expect(200);
      return r.body.caseStatus === 'STARTED' ? r.body : undefined;
    });
    expect(started).toMatchObject({ duplicate: true, caseStarted: false, caseId: `inspection-case-${d.declarationId}` });
    const { rows: outbox } = await stack.db.query('SELECT outcome, attempts, started_at FROM case_start_outbox WHERE declaration_id = $1', [d.declarationId]);
    expect(outbox).toEqual([{ outcome: 'STARTED', attempts: 1, started_at: expect.any(Date) }]);

    const conflict = await svc.post('/api/declarations').send({ ...d, netMassKg: d.netMassKg + 1 }).expect(409);
    expect(conflict.body.errors[0]).toMatchObject({ declarationId: d.declarationId, message: expect.stringMatching(/already screened with different content/) });
  });

  it('clears a low-risk declaration GREEN at once with no case', async () => {
    // Find a GREEN one among ordinary declarations (the model or the control sample may pick a few).
    for (let i = 0; i < 20; i++) {
      const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01' });
      const res = await svc.post('/api/declarations').send(d).expect(201);
      if (res.body.lane !== 'GREEN') continue;
      expect(res.body).toMatchObject({ caseId: null, caseStarted: false, caseStatus: null, firedCriteria: [] });
      const trace = await analyst.get(`/api/declarations/${d.declarationId}/selection`).expect(200);
      expect(trace.body.summary).toMatch(/cleared automatically \(GREEN\): no selectivity criterion fired; model .* below the YELLOW threshold/);
      const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM inspection_case WHERE declaration_id = $1', [d.declarationId]);
      expect(rows[0].n).toBe(0);
      return;
    }
    throw new Error('no GREEN declaration in 20 ordinary ones');
  });

  it('screens a batch, reports its counts, and starts no new case on re-send', async () => {
    const batch = [weapons(), weapons(), sampleDeclaration({ declarationId: uniqueDeclarationId() })];
    const first = await svc.post('/api/declarations/batch').send({ declarations: batch }).expect(200);
    expect(first.body.results.map((r: { declarationId: string }) => r.declarationId)).toEqual(batch.map((d) => d.declarationId));
    expect(first.body.summary.received).toBe(3);
    expect(first.body.summary.red).toBeGreaterThanOrEqual(2);
    const cases = first.body.summary.casesStarted;
    expect(cases).toBe(first.body.summary.yellow + first.body.summary.red);
    const second = await svc.post('/api/declarations/batch').send({ declarations: batch }).expect(200);
    expect(second.body.summary).toMatchObject({ received: 3, casesStarted: 0, duplicates: 3 });
  });

  it('writes each YELLOW/RED decision with its case-start outbox row, and names the criteria set in force by fingerprint', async () => {
    const batch = [weapons(), weapons()];
    await svc.post('/api/declarations/batch').send({ declarations: batch }).expect(200);
    const ids = batch.map((d) => d.declarationId);
    const { rows } = await stack.db.query(
      `SELECT d.declaration_id, o.case_id, o.input, d.record->>'criteriaSet' AS fingerprint, d.record ? 'criteriaInForce' AS listed
       FROM decision_record d JOIN case_start_outbox o USING (declaration_id) WHERE d.declaration_id = ANY($1) ORDER BY d.declaration_id`,
      [ids],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ case_id: `inspection-case-${rows[0].declaration_id}`, input: { lane: 'RED', officeId: '40' }, listed: false });
    const { rows: sets } = await stack.db.query('SELECT versions FROM criteria_set WHERE fingerprint = $1', [rows[0].fingerprint]);
    expect(sets[0].versions).toEqual(expect.arrayContaining(['CEN-WPN-001@1']));
    expect(sets[0].versions).toEqual([...sets[0].versions].sort());
  });

  it('starts a case whose start is still pending in the outbox (as left by an API process that died after the decision)', async () => {
    // The outbox row as the screening statement writes it, never started by the process that wrote it.
    const id = uniqueDeclarationId();
    const caseId = `inspection-case-${id}`;
    const input = { caseId, declarationId: id, officeId: '40', lane: 'YELLOW', riskScore: 0.5, controlSample: false, firedCriteria: [], escalateAfterMs: 3_600_000 };
    await stack.db.query(`INSERT INTO case_start_outbox (case_id, declaration_id, input, available_at) VALUES ($1, $2, $3, now() - interval '1 minute')`, [caseId, id, input]);
    const row = await eventually('the dispatcher to start it', async () => {
      const { rows } = await stack.db.query('SELECT outcome, started_at FROM case_start_outbox WHERE case_id = $1', [caseId]);
      return rows[0].started_at ? rows[0] : undefined;
    });
    expect(row.outcome).toBe('STARTED');
    const description = await stack.temporal.workflow.getHandle(caseId).describe();
    expect(description.type).toBe('inspectionCaseWorkflow');
  });

  describe('bad input', () => {
    it('names each invalid field', async () => {
      // a malformed HS code (an unknown but well-formed one is screened: reference-data.e2e-spec.ts)
      const d = { ...weapons(), hsCode: '99999X', netMassKg: -5, taxRate: '8' };
      const res = await svc.post('/api/declarations').send(d).expect(400);
      expect(res.body.message).toMatch(/hsCode/);
      expect(res.body.message).toMatch(/netMassKg/);
      expect(res.body.message).toMatch(/taxRate/);
    });

    it('refuses malformed JSON', async () => {
      const res = await svc.post('/api/declarations').set('content-type', 'application/json').send('{"declarationId": ').expect(400);
      expect(JSON.stringify(res.body)).toMatch(/JSON/i);
    });

    it('refuses a whole batch with one bad declaration, names it by index, and writes nothing', async () => {
      const good = weapons();
      const res = await svc
        .post('/api/declarations/batch')
        .send({ declarations: [good, { ...weapons(), officeId: '0999' }] })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ index: 1, message: expect.stringMatching(/officeId/) })]);
      await analyst.get(`/api/declarations/${good.declarationId}/selection`).expect(404);
    });

    it('refuses batches that are not a non-empty array within the size limit', async () => {
      await svc.post('/api/declarations/batch').send({}).expect(400);
      await svc.post('/api/declarations/batch').send({ declarations: [] }).expect(400);
      await svc.post('/api/declarations/batch').send({ declarations: [], extra: 1 }).expect(400);
      const tooMany = Array.from({ length: stack.config.maxBatchSize + 1 }, () => ({}));
      const res = await svc.post('/api/declarations/batch').send({ declarations: tooMany }).expect(400);
      expect(res.body.message).toMatch(/at most/);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const res = await svc.post('/api/declarations').set('content-type', 'text/plain').send('hello').expect(415);
      expect(res.body.message).toMatch(/content-type must be application\/json/);
    });

    it('refuses path ids that cannot be ids before they reach the database', async () => {
      let res = await analyst.get('/api/declarations/%00%27/selection').expect(400);
      expect(res.body.message).toMatch(/declaration id must be 1-20 letters or digits/);
      res = await analyst.get(`/api/cases/${'x'.repeat(500)}`).expect(400);
      expect(res.body.message).toMatch(/case id must be/);
      await analyst.get("/api/criteria/x';drop").expect(400);
    });

    it('answers 404 for a declaration never screened', async () => {
      const res = await analyst.get('/api/declarations/NEVER1/selection').expect(404);
      expect(res.body.message).toMatch(/NEVER1 has not been screened/);
    });
  });
});
