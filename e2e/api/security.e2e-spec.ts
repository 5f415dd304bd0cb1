import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { importPKCS8, SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import { loadRuntimeConfig } from '@customs/config';
import { createApp } from '@customs/api';
import { loginAs, startE2eStack, type E2eStack } from '../support/e2e-stack';

const ROOT = path.resolve(__dirname, '../..');
const ALLOWED_ORIGIN = 'https://ops.customs.example';
const LIMITS = { windowSeconds: 60, login: 3, ingest: 5, ingestService: 8 };

/**
 * Security basics against the real API: helmet headers, the CORS allow-list, rate limits on
 * login and ingest, the JSON body limit, strict JWT validation (pinned algorithms, issuer,
 * audience, expiry) and no secrets in the repository. Limits are set here explicitly (small),
 * so the test is independent of the defaults.
 */
describe('security basics (e2e)', () => {
  let stack: E2eStack;
  let server: ReturnType<INestApplication['getHttpServer']>;
  // The development IdP signs with a key the test knows, so it can forge every other kind of token.
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  beforeAll(async () => {
    const base = loadRuntimeConfig(process.env);
    stack = await startE2eStack({
      corsOrigins: [ALLOWED_ORIGIN],
      rateLimits: LIMITS,
      bodyLimit: '64kb',
      auth: { ...base.auth, devIdp: true, devSigningKey: pem },
    });
    server = stack.app.getHttpServer();
  });
  afterAll(async () => stack?.stop());

  describe('security headers (helmet)', () => {
    it('sends them on API answers and on the web app, and hides the framework', async () => {
      for (const url of ['/api/health', '/', '/api/docs']) {
        const res = await request(server).get(url);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
        expect(res.headers['x-powered-by']).toBeUndefined();
        const csp = res.headers['content-security-policy'];
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).toContain("frame-ancestors 'self'");
        expect(csp).not.toContain('upgrade-insecure-requests');
        // Inline handlers: only the web app's stylesheet loader, by hash.
        expect(csp).toContain("script-src-attr 'unsafe-hashes' 'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='");
      }
    });

    it('allows by hash exactly the inline handler the built web app has', async () => {
      const html = (await request(server).get('/').expect(200)).text;
      const handlers = [...html.matchAll(/\son[a-z]+="([^"]*)"/g)].map((m) => m[1]);
      expect(handlers).toEqual(["this.media='all'"]);
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline <script> blocks
    });
  });

  describe('CORS allow-list (CORS_ORIGINS)', () => {
    it('answers an allowed origin, and gives any other origin no CORS permission', async () => {
      const allowed = await request(server).get('/api/health').set('Origin', ALLOWED_ORIGIN);
      expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      const other = await request(server).get('/api/health').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();

      const preflight = await request(server)
        .options('/api/declarations')
        .set('Origin', ALLOWED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET,POST');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
      const evilPreflight = await request(server)
        .options('/api/declarations')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(evilPreflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('is same-origin only by default (no CORS_ORIGINS): no origin gets a CORS header', async () => {
      const config = { ...stack.config, corsOrigins: loadRuntimeConfig({ DATABASE_URL: stack.config.databaseUrl }).corsOrigins };
      expect(config.corsOrigins).toEqual([]);
      const app = await createApp(config);
      await app.init();
      try {
        for (const origin of [ALLOWED_ORIGIN, 'https://evil.example', 'null']) {
          const res = await request(app.getHttpServer()).get('/api/health').set('Origin', origin);
          expect(res.headers['access-control-allow-origin']).toBeUndefined();
          expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        }
      } finally {
        await app.close();
      }
    });
  });

  describe('rate limits (@nestjs/throttler)', () => {
    it('stops password guessing on one account after RATE_LIMIT_LOGIN attempts, with 429 and Retry-After, not other accounts', async () => {
      const attempt = (username: string, password: string) => request(server).post('/api/auth/token').send({ username, password });
      for (let i = 0; i < LIMITS.login; i++) expect((await attempt('supervisor-20', `guess-${i}`)).status).toBe(401);
      const blocked = await attempt('supervisor-20', 'supervisor-20-demo');
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/too many login attempts: at most 3 per 60 s; retry in \d+ s/);
      expect(Number(blocked.headers['retry-after-login'])).toBeGreaterThan(0);
      // Another account from the same address is not locked out.
      expect((await attempt('auditor-han', 'auditor-han-demo')).status).toBe(200);
    });

    it('limits ingest per user over both ingest routes, service accounts higher than people', async () => {
      const analyst = await loginAs(stack, 'analyst-lee');
      const service = await loginAs(stack, 'svc-ingest');
      // Invalid bodies (400): counted like any request, nothing written.
      const statuses = async (who: typeof analyst, n: number) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await who.post(i % 2 ? '/api/declarations/batch' : '/api/declarations').send({})).status);
        return out;
      };
      expect(await statuses(analyst, LIMITS.ingest + 1)).toEqual([...Array(LIMITS.ingest).fill(400), 429]);
      expect(await statuses(service, LIMITS.ingestService + 1)).toEqual([...Array(LIMITS.ingestService).fill(400), 429]);
      const res = await analyst.post('/api/declarations').send({});
      expect(res.status).toBe(429);
      expect(res.body.message).toMatch(/too many requests: at most 5 per 60 s/);
      // Reading is not limited.
      await analyst.get('/api/criteria/meta').expect(200);
    });
  });

  describe('request size', () => {
    it('refuses a JSON body over BODY_LIMIT with 413 and a JSON message, before authentication work', async () => {
      const service = await loginAs(stack, 'auditor-han');
      const res = await service.post('/api/declarations').set('content-type', 'application/json').send(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }));
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.stringMatching(/at most 65536 are accepted \(BODY_LIMIT\)/) });
    });
  });

  describe('strict JWT validation', () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (over: JWTPayload = {}): JWTPayload => ({
      sub: 'analyst-kim', role: 'cbtc_analyst', name: 'Kim', iss: stack.config.auth.issuer, aud: stack.config.auth.audience, iat: now(), exp: now() + 600, ...over,
    });
    const sign = async (payload: JWTPayload, header: Record<string, unknown> = {}) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...header }).sign(await importPKCS8(pem, 'ES256'));
    const me = (token: string) => request(server).get('/api/auth/me').set('authorization', `Bearer ${token}`);

    it('accepts a token of the trusted key, issuer and audience (the control case)', async () => {
      const res = await me(await sign(claims())).expect(200);
      expect(res.body).toMatchObject({ id: 'analyst-kim', role: 'cbtc_analyst' });
    });

    it('refuses alg=none, HS256 keyed with the public key, and algorithms outside AUTH_ALGORITHMS', async () => {
      const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
      let res = await me(unsigned);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);

      // Key confusion: the public key (as published at /api/auth/jwks) used as an HMAC secret.
      const jwk = (await request(server).get('/api/auth/jwks').expect(200)).body.keys[0];
      const publicPem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      for (const secret of [publicPem, JSON.stringify(jwk)]) {
        const hs = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: jwk.kid }).sign(new TextEncoder().encode(secret));
        res = await me(hs);
        expect(res.status).toBe(401);
        expect(res.body.message).toMatch(/signing algorithm is not accepted \(allowed: ES256, RS256\)/);
      }
      const es384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
      res = await me(await new SignJWT(claims()).setProtectedHeader({ alg: 'ES384', kid: jwk.kid }).sign(es384));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/algorithm is not accepted/);
    });

    it('refuses a wrong issuer, a wrong audience, an expired token, a token without exp or sub, and a future nbf', async () => {
      const cases: Array<[JWTPayload, RegExp]> = [
        [claims({ iss: 'https://idp.evil.example' }), /issuer "https:\/\/idp.evil.example" is not trusted/],
        [claims({ aud: 'billing-api' }), /audience "billing-api" is not this API/],
        [claims({ iat: now() - 7200, exp: now() - 3600 }), /token expired at/],
        [claims({ exp: undefined }), /claim "exp"|missing required "exp"/],
        [claims({ sub: undefined }), /"sub"/],
        [claims({ nbf: now() + 3600 }), /not valid yet/],
      ];
      for (const [payload, message] of cases) {
        const res = await me(await sign(payload));
        expect({ status: res.status, message: res.body.message }).toEqual({ status: 401, message: expect.stringMatching(message) });
      }
    });

    it('refuses a token signed by another key under the trusted kid, and a tampered payload', async () => {
      const jwk = (await request(server).get('/api/auth/jwks').expect(200)).body.keys[0];
      const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
      let res = await me(await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).sign(other));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/signature is invalid/);
      const [h, , s] = (await sign(claims({ role: 'auditor' }))).split('.');
      res = await me(`${h}.${b64(claims({ role: 'cbtc_analyst' }))}.${s}`);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/signature is invalid/);
    });
  });
});

describe('no secrets in the repository', () => {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter((f) => f !== '');

  it('tracks no environment files, key files or keystores', () => {
    const secretFiles = files.filter((f) => /(^|\/)\.env(\.|$)|\.(pem|key|p12|pfx|jks|keystore)$|(^|\/)id_(rsa|ecdsa|ed25519)$/.test(f));
    expect(secretFiles).toEqual([]);
  });

  it('has no private keys, cloud or VCS access keys, or issued tokens in any tracked text file', () => {
    const patterns: Array<[string, RegExp]> = [
      // A whole PEM block (a body of base64 lines), not code that merely names the header.
      ['private key', /-----BEGIN (?:RSA |EC |OPENSSH |ENCRYPTED )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]{40,}-----END/],
      ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
      ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36}\b/],
      ['Slack token', /\bxox[abpr]-[A-Za-z0-9-]{10,}/],
      ['signed JWT', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
    ];
    const found: string[] = [];
    for (const file of files) {
      const full = path.join(ROOT, file);
      if (!fs.existsSync(full) || fs.statSync(full).size > 5 * 1024 * 1024) continue;
      const buf = fs.readFileSync(full);
      if (buf.includes(0)) continue; // binary (model, images)
      const text = buf.toString('utf8');
      for (const [what, pattern] of patterns) if (pattern.test(text)) found.push(`${file}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('needs no secret in the repository to run: the development IdP key is generated at boot unless AUTH_DEV_SIGNING_KEY is set', () => {
    const config = loadRuntimeConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x' });
    expect(config.auth.devSigningKey).toBe('');
    expect(config.auth.jwksUrl).toBe('');
  });
});
