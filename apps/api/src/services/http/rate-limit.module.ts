import { Module, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import type { RuntimeConfig } from '@customs/config';
import type { AuthUser } from '../auth/auth-user';

type LimitedRequest = { method: string; path: string; ip?: string; body?: unknown; user?: AuthUser };

function requestOf(context: ExecutionContext): LimitedRequest {
  return context.switchToHttp().getRequest<LimitedRequest>();
}

/** `POST /api/auth/token`: the development login. */
export function isLogin(req: LimitedRequest): boolean {
  return req.method === 'POST' && req.path === '/api/auth/token';
}

/** `POST /api/declarations` and `POST /api/declarations/batch`: screening (ingest). */
export function isIngest(req: LimitedRequest): boolean {
  return req.method === 'POST' && (req.path === '/api/declarations' || req.path === '/api/declarations/batch');
}

/**
 * The two named limits. `login`: per client address and username (a password guesser is
 * stopped on one account without locking everybody behind the same proxy out), for
 * `config.rateLimits.login` attempts per window. `ingest`: per authenticated user over both
 * ingest routes together, `ingestService` for `service` accounts (the ingest pipeline, which
 * sends batches at full speed) and `ingest` for people. A limit of 0 is off.
 */
export function rateLimitThrottlers(config: RuntimeConfig): ThrottlerOptions[] {
  const { windowSeconds, login, ingest, ingestService } = config.rateLimits;
  const ttl = windowSeconds * 1000;
  const ingestLimit = (user: AuthUser | undefined) => (user?.role === 'service' ? ingestService : ingest);
  return [
    {
      name: 'login',
      ttl,
      limit: login,
      skipIf: (context) => login === 0 || !isLogin(requestOf(context)),
      getTracker: (req) => {
        const username = (req as LimitedRequest).body as { username?: unknown } | undefined;
        return `${req.ip}|${typeof username?.username === 'string' ? username.username.slice(0, 64).toLowerCase() : ''}`;
      },
      generateKey: (_context, tracker, name) => `${name}|${tracker}`,
    },
    {
      name: 'ingest',
      ttl,
      limit: (context) => ingestLimit(requestOf(context).user),
      skipIf: (context) => {
        const req = requestOf(context);
        return !isIngest(req) || ingestLimit(req.user) === 0;
      },
      // The global AuthGuard runs first, so the caller is known; a request without one was refused already.
      getTracker: (req) => (req as LimitedRequest).user?.id ?? `ip:${req.ip}`,
      generateKey: (_context, tracker, name) => `${name}|${tracker}`,
    },
  ];
}

/**
 * Rate limits on login and ingest (`@nestjs/throttler`, in-memory: per API process; several
 * replicas need a shared store such as Redis). A request over a limit gets 429 with
 * `Retry-After-<name>` (seconds). Registered after `AuthModule`, so its global guard runs after
 * the authentication guard and can count per user.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: rateLimitThrottlers(config),
          errorMessage: (context, detail) =>
            `too many ${isLogin(requestOf(context)) ? 'login attempts' : 'requests'}: at most ${detail.limit} per ${detail.ttl / 1000} s; retry in ${detail.timeToBlockExpire} s`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
