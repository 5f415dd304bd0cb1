import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthUser } from './auth-user';
import { Public, Roles } from './auth.decorators';
import { AuthGuard, bearerToken } from './auth.guard';
import type { TokenService } from './token.service';

class SampleController {
  @Public()
  open() {}

  @Roles('auditor', 'cbtc_analyst')
  audit() {}

  bare() {}
}

@Roles('supervisor')
class SupervisorsController {
  anything() {}
}

const auditor: AuthUser = { id: 'auditor-han', name: 'Han', role: 'auditor', officeId: null };
const officer: AuthUser = { id: 'officer-40-01', name: 'Park', role: 'local_officer', officeId: '40' };
/** Verifies the literal tokens `auditor` and `officer`; anything else is forged. */
const tokens = {
  verify: async (t: string) => {
    if (t === 'auditor') return auditor;
    if (t === 'officer') return officer;
    throw new UnauthorizedException('token signature is invalid: it was not signed by a trusted key');
  },
} as unknown as TokenService;

function context(cls: new () => object, handler: string, authorization?: string) {
  const request: { headers: Record<string, string | undefined>; method: string; path: string; user?: AuthUser } = {
    headers: { authorization },
    method: 'GET',
    path: `/api/${handler}`,
  };
  const headers: Record<string, string> = {};
  const ctx = {
    getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }) }),
  } as unknown as ExecutionContext;
  return { ctx, request, headers };
}

describe('AuthGuard', () => {
  const guard = new AuthGuard(new Reflector(), tokens);

  it('lets a @Public() route through without a token', async () => {
    await expect(guard.canActivate(context(SampleController, 'open').ctx)).resolves.toBe(true);
  });

  it('refuses a missing, malformed or forged token with 401 and WWW-Authenticate', async () => {
    for (const [header, message] of [
      [undefined, /missing bearer token/],
      ['Basic YTpi', /malformed Authorization header/],
      ['Bearer forged', /not signed by a trusted key/],
    ] as const) {
      const { ctx, headers } = context(SampleController, 'audit', header);
      const err = await guard.canActivate(ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnauthorizedException);
      expect((err as Error).message).toMatch(message);
      expect(headers['WWW-Authenticate']).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('admits an allowed role and sets request.user', async () => {
    const { ctx, request } = context(SampleController, 'audit', 'Bearer auditor');
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(request.user).toEqual(auditor);
  });

  it('refuses another role with 403 naming the roles needed', async () => {
    const err = await guard.canActivate(context(SampleController, 'audit', 'Bearer officer').ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenException);
    expect((err as Error).message).toBe('role local_officer may not call GET /api/audit; it needs one of: auditor, cbtc_analyst');
  });

  it('fails closed: a route with neither @Roles nor @Public is refused to everyone', async () => {
    const err = await guard.canActivate(context(SampleController, 'bare', 'Bearer auditor').ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenException);
    expect((err as Error).message).toMatch(/declares no allowed roles, so it is refused to everyone \(fail closed\)/);
  });

  it('takes @Roles from the controller class when the handler has none', async () => {
    await expect(guard.canActivate(context(SupervisorsController, 'anything', 'Bearer officer').ctx)).rejects.toThrow(/needs one of: supervisor/);
  });
});

describe('bearerToken', () => {
  it('takes the token of a Bearer header, case-insensitively', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc')).toBe('abc');
  });
  it('refuses other schemes and empty credentials', () => {
    expect(() => bearerToken('Bearer ')).toThrow(/malformed/);
    expect(() => bearerToken('Token x')).toThrow(/malformed/);
    expect(() => bearerToken(undefined)).toThrow(/missing bearer token/);
  });
});
