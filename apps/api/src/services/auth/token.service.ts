import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { ForbiddenException, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import {
  calculateJwkThumbprint,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { AuthConfig } from '@customs/config';
import { isOfficeBound } from './office-scope';
import { ROLES, type AuthUser, type Role } from './auth-user';

/** Leeway in seconds for `exp`/`nbf`/`iat` between our clock and the issuer's. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Verified tokens remembered at most (one entry per distinct bearer token, a few hundred bytes each). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;
/**
 * Longest a verified token is answered from memory without checking its signature again, ms:
 * bounds how long a key removed from the issuer's JWKS keeps working for tokens already seen.
 */
export const VERIFIED_TOKEN_CACHE_MS = 5 * 60 * 1000;

/** Signing algorithms of the development identity provider's key (see `algorithmOf`). */
export type DevSigningAlgorithm = 'ES256' | 'ES384' | 'ES512' | 'RS256' | 'EdDSA';

/**
 * A public signing key as JSON Web Key (RFC 7517): the members of its key type (EC: `crv`, `x`,
 * `y`; RSA: `n`, `e`; OKP: `crv`, `x`) and how to use it. Never a private member.
 */
export interface PublicJwk {
  kty: 'EC' | 'RSA' | 'OKP';
  /** Curve of an EC or OKP key (`P-256`, `P-384`, `P-521`, `Ed25519`). */
  crv?: string;
  /** Public point (EC, OKP), base64url. */
  x?: string;
  /** Public point (EC), base64url. */
  y?: string;
  /** Modulus (RSA), base64url. */
  n?: string;
  /** Exponent (RSA), base64url. */
  e?: string;
  /** Key id: the key's RFC 7638 thumbprint (base64url of a SHA-256), the `kid` of the tokens it signs. */
  kid: string;
  alg: DevSigningAlgorithm;
  use: 'sig';
}

/** `GET /api/auth/jwks`: the development identity provider's public keys (RFC 7517 JWK Set). */
export interface Jwks {
  /** The signing key; empty when the development identity provider is off. */
  keys: PublicJwk[];
}

/** The development identity provider's signing key. */
interface DevKey {
  privateKey: KeyLike | KeyObject;
  publicKey: KeyLike | KeyObject;
  publicJwk: PublicJwk;
  alg: DevSigningAlgorithm;
  kid: string;
}

/** Overrides for `TokenService.issue`, used by tests to make expired or misaddressed tokens. */
export interface IssueOptions {
  /** Lifetime in seconds (default `AUTH_TOKEN_TTL_SECONDS`). */
  ttlSeconds?: number;
  /** `iat` in epoch seconds (default now). */
  issuedAt?: number;
  /** `aud` (default `AUTH_AUDIENCE`). */
  audience?: string;
}

/**
 * Bearer tokens: verifies them (pinned algorithms, issuer, audience, expiry; keys from the
 * external issuer's JWKS and/or the development IdP's key) and, with the development IdP
 * on, issues them. Claim names for role, office and name come from configuration, so a
 * real OIDC provider replaces the development one without code changes.
 */
export class TokenService {
  /**
   * Tokens that passed {@link verify}, keyed by the whole compact JWT (signature included, so a
   * forged or altered token never matches), until the token's expiry (with the clock tolerance
   * `jwtVerify` allows) or {@link VERIFIED_TOKEN_CACHE_MS}, whichever comes first: an ES256
   * signature check costs about 0.3 ms of CPU, paid once per token instead of per request.
   */
  private readonly verified = new LRUCache<string, AuthUser>({ max: VERIFIED_TOKEN_CACHE_SIZE, ttlAutopurge: false });

  private constructor(
    private readonly config: AuthConfig,
    private readonly devKey: DevKey | null,
    private readonly jwks: JWTVerifyGetKey | null,
  ) {}

  /**
   * Builds the service: loads `AUTH_DEV_SIGNING_KEY` (or generates an ES256 key) when the
   * development IdP is on, and prepares the remote JWKS when `AUTH_JWKS_URL` is set.
   * @throws Error when no key source is configured, or the dev key's algorithm is not in `AUTH_ALGORITHMS`.
   */
  static async create(config: AuthConfig): Promise<TokenService> {
    if (!config.devIdp && config.jwksUrl === '') {
      throw new Error('no way to verify bearer tokens: set AUTH_JWKS_URL (an OIDC issuer\u2019s keys) or AUTH_DEV_IDP=true');
    }
    const devKey = config.devIdp ? await loadDevKey(config.devSigningKey) : null;
    if (devKey && !config.algorithms.includes(devKey.alg)) {
      throw new Error(`the development signing key is ${devKey.alg}, which AUTH_ALGORITHMS (${config.algorithms.join(', ')}) does not accept`);
    }
    const jwks = config.jwksUrl !== '' ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
    return new TokenService(config, devKey, jwks);
  }

  /** Whether this API issues tokens itself (the development IdP). */
  get issues(): boolean {
    return this.devKey !== null;
  }

  /** The development IdP's public keys as a JWKS (empty without it). */
  publicJwks(): Jwks {
    return { keys: this.devKey ? [this.devKey.publicJwk] : [] };
  }

  /**
   * Signs a token for `user` with the development IdP's key.
   * @returns the compact JWT and its lifetime in seconds.
   * @throws Error when the development IdP is off.
   */
  async issue(user: AuthUser, options: IssueOptions = {}): Promise<{ token: string; expiresIn: number }> {
    if (!this.devKey) throw new Error('the development identity provider is off (AUTH_DEV_IDP)');
    const ttl = options.ttlSeconds ?? this.config.tokenTtlSeconds;
    const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {};
    setPath(claims, this.config.nameClaim, user.name);
    setPath(claims, this.config.roleClaim, user.role);
    if (user.officeId !== null) setPath(claims, this.config.officeClaim, user.officeId);
    const token = await new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: this.devKey.alg, kid: this.devKey.kid, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.config.issuer)
      .setAudience(options.audience ?? this.config.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttl)
      .sign(this.devKey.privateKey);
    return { token, expiresIn: ttl };
  }

  /**
   * Verifies a compact JWT and maps its claims to the caller.
   * @throws UnauthorizedException (401) for a malformed, forged, expired, misaddressed or
   *   wrongly signed token; ForbiddenException (403) for a valid token that carries no role
   *   of this API, or an office-bound role without an office; ServiceUnavailableException
   *   (503) when the issuer's keys cannot be fetched.
   *   A token verified before is answered from memory until it expires (see {@link verified}).
   */
  async verify(token: string): Promise<AuthUser> {
    const known = this.verified.get(token);
    if (known) return { ...known };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, (header, t) => this.keyFor(header, t), {
        algorithms: this.config.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (err) {
      throw this.explain(err, token);
    }
    const user = this.toUser(payload);
    // exp is a required claim: remembered until it (plus the tolerance jwtVerify allowed) passes.
    const ttl = Math.min(VERIFIED_TOKEN_CACHE_MS, (payload.exp! + CLOCK_TOLERANCE_SECONDS) * 1000 - Date.now());
    if (ttl > 0) this.verified.set(token, { ...user }, { ttl });
    return user;
  }

  private keyFor(header: { kid?: string; alg?: string }, token: Parameters<JWTVerifyGetKey>[1]) {
    if (this.devKey && (header.kid === this.devKey.kid || (header.kid === undefined && !this.jwks))) {
      return this.devKey.publicKey;
    }
    if (this.jwks) return this.jwks(header as Parameters<JWTVerifyGetKey>[0], token);
    throw new errors.JWKSNoMatchingKey();
  }

  private explain(err: unknown, token: string): Error {
    const claims = safeDecode(token);
    if (err instanceof errors.JWTExpired) {
      const exp = typeof claims?.exp === 'number' ? ` at ${new Date(claims.exp * 1000).toISOString()}` : '';
      return new UnauthorizedException(`token expired${exp}; log in again for a new one`);
    }
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.claim === 'aud') return new UnauthorizedException(`token audience ${JSON.stringify(claims?.aud ?? null)} is not this API (expected "${this.config.audience}")`);
      if (err.claim === 'iss') return new UnauthorizedException(`token issuer ${JSON.stringify(claims?.iss ?? null)} is not trusted (expected "${this.config.issuer}")`);
      if (err.claim === 'nbf') return new UnauthorizedException('token is not valid yet (nbf)');
      return new UnauthorizedException(`token claim "${err.claim}" is invalid: ${err.reason}`);
    }
    if (err instanceof errors.JOSEAlgNotAllowed) {
      return new UnauthorizedException(`token signing algorithm is not accepted (allowed: ${this.config.algorithms.join(', ')})`);
    }
    if (err instanceof errors.JWSSignatureVerificationFailed) {
      return new UnauthorizedException('token signature is invalid: it was not signed by a trusted key');
    }
    if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) {
      return new UnauthorizedException('token was not signed by a trusted key (no trusted key matches its kid)');
    }
    if (err instanceof errors.JWKSTimeout) return new ServiceUnavailableException('the identity provider\u2019s keys could not be fetched in time');
    if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) {
      return new UnauthorizedException(`malformed bearer token: ${err.message}`);
    }
    if (err instanceof errors.JOSEError) return new UnauthorizedException(`token refused: ${err.message}`);
    if (err instanceof TypeError) return new UnauthorizedException('malformed bearer token: not a signed JWT');
    return err instanceof Error ? err : new Error(String(err));
  }

  private toUser(payload: JWTPayload): AuthUser {
    const id = payload.sub as string;
    const rawRole = getPath(payload, this.config.roleClaim);
    const candidates = (Array.isArray(rawRole) ? rawRole : [rawRole]).filter((r): r is string => typeof r === 'string');
    const role = candidates.find((r): r is Role => (ROLES as readonly string[]).includes(r));
    if (!role) {
      throw new ForbiddenException(`token of ${id} carries no role of this API in claim "${this.config.roleClaim}" (expected one of: ${ROLES.join(', ')})`);
    }
    const rawOffice = getPath(payload, this.config.officeClaim);
    const officeId = typeof rawOffice === 'string' || typeof rawOffice === 'number' ? String(rawOffice) : null;
    const officeBound = isOfficeBound({ role });
    if (officeBound && !officeId) {
      throw new ForbiddenException(`token of ${id} has role ${role} but no customs office in claim "${this.config.officeClaim}"`);
    }
    const rawName = getPath(payload, this.config.nameClaim) ?? payload['preferred_username'];
    return { id, name: typeof rawName === 'string' ? rawName : id, role, officeId: officeBound ? officeId : null };
  }
}

async function loadDevKey(pem: string): Promise<DevKey> {
  let privateKey: KeyLike | KeyObject;
  let publicKey: KeyLike | KeyObject;
  let alg: DevSigningAlgorithm;
  if (pem !== '') {
    const key = createPrivateKey(pem);
    alg = algorithmOf(key);
    privateKey = key;
    publicKey = createPublicKey(key);
  } else {
    alg = 'ES256';
    ({ privateKey, publicKey } = await generateKeyPair(alg, { extractable: true }));
  }
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const members = (['crv', 'x', 'y', 'n', 'e'] as const).filter((m) => typeof jwk[m] === 'string').map((m) => [m, jwk[m]]);
  const publicJwk: PublicJwk = { kty: jwk.kty as PublicJwk['kty'], ...Object.fromEntries(members), kid, alg, use: 'sig' };
  return { privateKey, publicKey, alg, kid, publicJwk };
}

function algorithmOf(key: KeyObject): DevSigningAlgorithm {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return 'RS256';
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return 'ES256';
    if (curve === 'secp384r1') return 'ES384';
    if (curve === 'secp521r1') return 'ES512';
  }
  throw new Error(`AUTH_DEV_SIGNING_KEY: unsupported key type ${type}; use an EC P-256 or RSA key`);
}

function safeDecode(token: string): JWTPayload | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}

/** The value at a dotted claim path (`realm_access.roles`); a claim whose own name has dots wins. */
function getPath(obj: Record<string, unknown>, path: string): unknown {
  if (path in obj) return obj[path];
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = obj;
  for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}
