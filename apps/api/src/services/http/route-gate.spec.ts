import { UnauthorizedException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import express from 'express';
import request from 'supertest';
import type { AuthUser } from '../auth/auth-user';
import { answerMiddlewareErrors } from './http-errors';
import { RouteGate } from './route-gate';

const USER: AuthUser = { id: 'officer-40-01', role: 'local_officer', officeId: '40', name: 'Park Min-jun' } as AuthUser;

/** A document with a protected GET+POST path, a public POST and a path template. */
const DOCUMENT = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/cases': { get: { responses: {} }, post: { responses: {} } },
    '/api/cases/{id}/assign': { post: { responses: {} } },
    '/api/cases/{id}': { get: { responses: {} } },
    '/api/cases/assign': { post: { responses: {} } },
    '/api/auth/token': { post: { security: [], responses: {} } },
  },
} as unknown as OpenAPIObject;

function app() {
  const gate = new RouteGate(async (token) => {
    if (token !== 'good') throw new UnauthorizedException('invalid token: signature');
    return USER;
  });
  gate.load(DOCUMENT);
  const seen: Array<AuthUser | undefined> = [];
  const a = express();
  a.use(gate.handle);
  a.use(express.json());
  a.use((req, res) => {
    seen.push((req as { user?: AuthUser }).user);
    res.json({ reached: req.path, body: req.body ?? null });
  });
  a.use(answerMiddlewareErrors);
  return { server: a, seen };
}

describe('RouteGate', () => {
  it('answers a method a documented path does not serve with 405 and Allow (HEAD with GET)', async () => {
    const { server } = app();
    const res = await request(server).delete('/api/cases').set('authorization', 'Bearer good').expect(405);
    expect(res.headers.allow).toBe('GET, POST, HEAD');
    expect(res.body).toMatchObject({ statusCode: 405, message: '/api/cases does not serve DELETE; it serves GET, POST, HEAD' });
    expect((await request(server).put('/api/cases/inspection-case-1/assign').expect(405)).headers.allow).toBe('POST');
  });

  it('takes a concrete path over a templated one that also matches it, as OpenAPI does', async () => {
    const { server } = app();
    // `/api/cases/assign` matches POST /api/cases/assign and GET /api/cases/{id} (listed first).
    await request(server).post('/api/cases/assign').set('authorization', 'Bearer good').send({}).expect(200);
    const res = await request(server).get('/api/cases/assign').set('authorization', 'Bearer good').expect(405);
    expect(res.headers.allow).toBe('POST');
    expect((await request(server).options('/api/cases/assign').expect(204)).headers.allow).toBe('POST');
    await request(server).get('/api/cases/inspection-case-1').set('authorization', 'Bearer good').expect(200);
  });

  it('answers OPTIONS on a documented path with 204 and Allow', async () => {
    const res = await request(server()).options('/api/cases/inspection-case-1/assign').expect(204);
    expect(res.headers.allow).toBe('POST');
  });

  it('refuses a protected route without a valid token with 401 before the body is read', async () => {
    const { server, seen } = app();
    const missing = await request(server).post('/api/cases').set('content-type', 'application/json').send('{not json').expect(401);
    expect(missing.body.message).toMatch(/missing bearer token/);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
    const forged = await request(server).post('/api/cases').set('authorization', 'Bearer bad').send({}).expect(401);
    expect(forged.body.message).toBe('invalid token: signature');
    expect(seen).toEqual([]);
  });

  it('passes a verified user on, and public routes and undocumented paths untouched', async () => {
    const { server, seen } = app();
    await request(server).post('/api/cases').set('authorization', 'Bearer good').send({ a: 1 }).expect(200, { reached: '/api/cases', body: { a: 1 } });
    await request(server).post('/api/auth/token').send({ username: 'x' }).expect(200);
    await request(server).get('/index.html').expect(200);
    await request(server).get('/api/unknown').expect(200);
    expect(seen).toEqual([USER, undefined, undefined, undefined]);
  });
});

function server() {
  return app().server;
}
