import express from 'express';
import request from 'supertest';
import { createLogger, currentLogContext } from '@customs/logging';
import { bindRequestLogContext, requestLogger } from './request-logging';

/** An Express app with the request logger in front, a fake authentication and two routes. */
function app() {
  const lines: string[] = [];
  const logger = createLogger({ service: 'api', destination: { write: (l: string) => void lines.push(l) } });
  const a = express();
  a.use(requestLogger(logger));
  a.use((req, _res, next) => {
    if (req.headers.authorization === 'Bearer ok') (req as express.Request & { user?: { id: string } }).user = { id: 'officer-40-01' };
    next();
  });
  a.use(bindRequestLogContext);
  a.get('/api/cases/:id', (_req, res) => {
    logger.info('reading a case');
    res.json({ context: currentLogContext() });
  });
  a.get('/api/fail', () => {
    throw new Error('boom');
  });
  return { a, read: () => lines.map((l) => JSON.parse(l)) };
}

describe('requestLogger', () => {
  it('writes one line per request with id, user, route pattern, status and duration, and echoes the id', async () => {
    const { a, read } = app();
    const res = await request(a).get('/api/cases/C-1?importerId=SHHZGSL').set('authorization', 'Bearer ok').expect(200);
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = read();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ msg: 'reading a case', requestId: id, userId: 'officer-40-01' });
    const line = lines[1];
    expect(line).toMatchObject({ level: 'info', service: 'api', requestId: id, userId: 'officer-40-01', method: 'GET', route: '/api/cases/:id', status: 200, msg: 'GET /api/cases/:id 200' });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(line.path).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain('SHHZGSL');
  });

  it("keeps a well-formed caller's X-Request-Id and replaces a malformed one", async () => {
    const { a } = app();
    expect((await request(a).get('/api/cases/C-1').set('x-request-id', 'abc-123').expect(200)).headers['x-request-id']).toBe('abc-123');
    const replaced = (await request(a).get('/api/cases/C-1').set('x-request-id', 'a b{"importerId":"SHHZGSL"}').expect(200)).headers['x-request-id'];
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs unmatched requests with their path (no query) and no user, and 5xx as errors', async () => {
    const { a, read } = app();
    await request(a).get('/api/nowhere?sellerId=249LO7A').expect(404);
    await request(a).get('/api/fail').expect(500);
    const [notFound, failed] = read().filter((l) => l.status !== undefined);
    expect(notFound).toMatchObject({ level: 'info', route: null, path: '/api/nowhere', status: 404, userId: null });
    expect(failed).toMatchObject({ level: 'error', route: '/api/fail', status: 500 });
    expect(JSON.stringify(read())).not.toContain('249LO7A');
  });
});
