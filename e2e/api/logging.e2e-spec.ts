import request from 'supertest';
import { sampleDeclaration } from '@customs/domain/testing';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

/** The API's JSON-line logs, read from a captured destination while it serves real requests. */
describe('logging (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  const lines: string[] = [];
  /** Every captured line, parsed: each must be one JSON object. */
  const logged = (): Array<Record<string, unknown>> => lines.map((l) => JSON.parse(l));

  beforeAll(async () => {
    stack = await startE2eStack({ log: { format: 'json', level: 'debug' } }, { logDestination: { write: (l: string) => void lines.push(l) } });
    svc = await loginAs(stack, 'svc-ingest');
  });
  afterAll(async () => stack?.stop());

  it('writes one request line with the request id of the X-Request-Id header, user, route, status and duration, and no party id', async () => {
    const importerId = 'IMPLOGX4711';
    const d = sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', hsCode: '930200', officeId: '40', importerId, declarantId: 'DECLOGX4712' });
    const res = await svc.post('/api/declarations').set('X-Request-Id', `logging-e2e-${d.declarationId}`).send(d).expect(201);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toBe(`logging-e2e-${d.declarationId}`);

    const mine = logged().filter((l) => l.requestId === requestId);
    const requestLines = mine.filter((l) => l.status !== undefined);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 'info', service: 'api', userId: svc.user.id, method: 'POST', route: '/api/declarations', status: 201, msg: 'POST /api/declarations 201',
    });
    expect(typeof requestLines[0].durationMs).toBe('number');
    expect(new Date(requestLines[0].time as string).toISOString()).toBe(requestLines[0].time);
    // The screening line inside the request carries the request's fields and the declaration id.
    expect(mine).toContainEqual(expect.objectContaining({ msg: 'declaration screened', declarationId: d.declarationId, userId: svc.user.id, lane: 'RED', context: 'ScreeningService' }));

    // The RED declaration's case: the outbox dispatcher (outside the request) logs its workflow start.
    const caseId = res.body.caseId as string;
    await eventually('the case-start line', async () => logged().find((l) => l.msg === 'case workflow started' && l.caseId === caseId));
    expect(logged().find((l) => l.msg === 'case workflow started' && l.caseId === caseId)).toMatchObject({ workflowId: caseId, declarationId: d.declarationId, context: 'CaseStartOutbox' });

    const text = lines.join('');
    expect(text).not.toContain(importerId);
    expect(text).not.toContain('DECLOGX4712');
    expect(text).not.toContain(svc.headers.authorization.slice('Bearer '.length));
  });

  it('logs a request the gate refuses before routing, with a new request id and no user', async () => {
    const res = await request(stack.app.getHttpServer()).get('/api/cases?importerId=IMPLOGX4799').expect(401);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = logged().find((l) => l.requestId === requestId && l.status !== undefined);
    expect(line).toMatchObject({ level: 'info', service: 'api', userId: null, method: 'GET', status: 401, path: '/api/cases' });
    expect(lines.join('')).not.toContain('IMPLOGX4799');
  });

  it('never logs a login body: no password, the user name masked if at all', async () => {
    await request(stack.app.getHttpServer()).post('/api/auth/token').send({ username: 'officer-40-01', password: 'wrong-password-4711' }).expect(401);
    expect(lines.join('')).not.toContain('wrong-password-4711');
  });
});
