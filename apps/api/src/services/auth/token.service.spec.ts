import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { loadRuntimeConfig, type AuthConfig } from '@customs/config';
import type { AuthUser } from './auth-user';
import { TokenService } from './token.service';

const base: AuthConfig = loadRuntimeConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/x', NODE_ENV: 'test' }).auth;
const officer: AuthUser = { id: 'officer-40-01', name: 'Park', role: 'local_officer', officeId: '40' };

/** The 401/403 a verification ends in, with its message. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UnauthorizedException || err instanceof ForbiddenException) return { status: err.getStatus(), message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('TokenService', () => {
  let tokens: TokenService;
  beforeAll(async () => {
    tokens = await TokenService.create(base);
  });

  it('issues a development token and verifies it back to the same user', async () => {
    const { token, expiresIn } = await tokens.issue(officer);
    expect(expiresIn).toBe(base.tokenTtlSeconds);
    await expect(tokens.verify(token)).resolves.toEqual(officer);
  });

  it('remembers a verified token until it expires, never an altered one, and hands out copies', async () => {
    const { token } = await tokens.issue(officer);
    const first = await tokens.verify(token);
    first.role = 'auditor';
    await expect(tokens.verify(token)).resolves.toEqual(officer);
    const [head, payload, sig] = token.split('.');
    const forged = `${head}.${payload}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await refusal(tokens.verify(forged))).toEqual({ status: 401, message: expect.stringMatching(/signature is invalid|malformed/) });
    // Expired 4 s ago: still inside the 5 s clock tolerance, so verified and remembered for about 1 s only.
    const now = Math.floor(Date.now() / 1000);
    const { token: fading } = await tokens.issue(officer, { issuedAt: now - 64, ttlSeconds: 60 });
    await expect(tokens.verify(fading)).resolves.toEqual(officer);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await refusal(tokens.verify(fading))).toEqual({ status: 401, message: expect.stringMatching(/^token expired at/) });
  });

  it('refuses an expired token with 401 saying when it expired', async () => {
    const { token } = await tokens.issue(officer, { issuedAt: Math.floor(Date.now() / 1000) - 3600, ttlSeconds: 60 });
    expect(await refusal(tokens.verify(token))).toEqual({ status: 401, message: expect.stringMatching(/^token expired at \d{4}-.*log in again/) });
  });

  it('refuses a token for another audience, or from another issuer', async () => {
    const { token } = await tokens.issue(officer, { audience: 'billing-api' });
    expect(await refusal(tokens.verify(token))).toEqual({ status: 401, message: expect.stringMatching(/audience "billing-api" is not this API/) });

    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const ours = await TokenService.create({ ...base, devSigningKey: pem });
    const theirs = await TokenService.create({ ...base, devSigningKey: pem, issuer: 'https://elsewhere' });
    const foreign = (await theirs.issue(officer)).token;
    expect(await refusal(ours.verify(foreign))).toEqual({ status: 401, message: expect.stringMatching(/issuer "https:\/\/elsewhere" is not trusted/) });
    await expect(ours.verify((await ours.issue(officer)).token)).resolves.toEqual(officer);
  });

  it('refuses forged, unsigned, symmetric and malformed tokens with 401', async () => {
    const kid = tokens.publicJwks().keys[0].kid as string;
    const other = await generateKeyPair('ES256');
    const claims = { role: 'supervisor', office_id: '40' };
    const sign = (t: SignJWT) => t.setSubject('mallory').setIssuer(base.issuer).setAudience(base.audience).setExpirationTime('1h');
    const forged = await sign(new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid })).sign(other.privateKey);
    expect(await refusal(tokens.verify(forged))).toEqual({ status: 401, message: expect.stringMatching(/signature is invalid/) });
    const unknownKid = await sign(new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'nope' })).sign(other.privateKey);
    expect((await refusal(tokens.verify(unknownKid))).status).toBe(401);
    const hs = await sign(new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid })).sign(new TextEncoder().encode('x'.repeat(32)));
    expect(await refusal(tokens.verify(hs))).toEqual({ status: 401, message: expect.stringMatching(/algorithm is not accepted \(allowed: ES256, RS256\)/) });
    const none = new UnsecuredJWT(claims).setSubject('mallory').setIssuer(base.issuer).setAudience(base.audience).setExpirationTime('1h').encode();
    expect((await refusal(tokens.verify(none))).status).toBe(401);
    expect(await refusal(tokens.verify('abc.def'))).toEqual({ status: 401, message: expect.stringMatching(/malformed bearer token/) });
  });

  it('refuses with 403 a valid token without a role of this API, or an officer without an office', async () => {
    const noRole = await tokens.issue({ ...officer, role: 'janitor' as AuthUser['role'] });
    expect(await refusal(tokens.verify(noRole.token))).toEqual({ status: 403, message: expect.stringMatching(/no role of this API in claim "role"/) });
    const noOffice = await tokens.issue({ ...officer, officeId: null });
    expect(await refusal(tokens.verify(noOffice.token))).toEqual({ status: 403, message: expect.stringMatching(/no customs office in claim "office_id"/) });
  });

  it('cannot be built without a way to verify tokens, or with a dev key the pinned algorithms refuse', async () => {
    await expect(TokenService.create({ ...base, devIdp: false })).rejects.toThrow(/AUTH_JWKS_URL/);
    await expect(TokenService.create({ ...base, algorithms: ['RS256'] })).rejects.toThrow(/ES256, which AUTH_ALGORITHMS/);
  });

  describe('with an external OIDC issuer (JWKS over HTTP, nested role claim)', () => {
    let server: Server;
    let jwksUrl: string;
    let privateKey: import('jose').KeyLike;
    beforeAll(async () => {
      const pair = await generateKeyPair('RS256');
      privateKey = pair.privateKey;
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
      server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('maps the configured claims to the caller', async () => {
      const config: AuthConfig = { ...base, devIdp: false, jwksUrl, issuer: 'https://idp.example/realms/customs', audience: 'customs-api', roleClaim: 'realm_access.roles', officeClaim: 'customs_office', nameClaim: 'name' };
      const external = await TokenService.create(config);
      expect(external.issues).toBe(false);
      const token = await new SignJWT({ realm_access: { roles: ['offline_access', 'supervisor'] }, customs_office: 20, preferred_username: 'yoon' })
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setSubject('7f3c')
        .setIssuer(config.issuer)
        .setAudience(['customs-api', 'account'])
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(external.verify(token)).resolves.toEqual({ id: '7f3c', name: 'yoon', role: 'supervisor', officeId: '20' });
      const devToken = (await tokens.issue(officer)).token;
      expect((await refusal(external.verify(devToken))).status).toBe(401);
    });
  });
});
