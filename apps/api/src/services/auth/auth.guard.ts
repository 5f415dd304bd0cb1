import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { AuthUser, Role } from './auth-user';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { TokenService } from './token.service';

/**
 * The global guard (APP_GUARD): every route needs `Authorization: Bearer <jwt>` unless it is
 * `@Public()`, and the caller's role must be one of the route's `@Roles(...)`.
 * - 401 (with `WWW-Authenticate: Bearer`) for a missing, malformed, expired or forged token;
 * - 403 naming the roles needed when the role is not allowed;
 * - 403 for a route that declares neither `@Public()` nor `@Roles(...)`: it fails closed.
 * Sets `request.user` to the verified `AuthUser` (or keeps the one `RouteGate` verified before
 * the body was read). Office and ownership rules are checked by
 * the features themselves (`office-scope.ts`), since they depend on the data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user?: AuthUser }>();
    const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    // RouteGate (in front of the body parser) has usually verified the token already.
    let user: AuthUser;
    try {
      user = request.user ?? (await this.tokens.verify(bearerToken(request.headers.authorization)));
    } catch (err) {
      if (err instanceof UnauthorizedException) {
        const description = String((err.getResponse() as { message?: unknown }).message ?? err.message).replace(/"/g, "'");
        http.getResponse<Response>().setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`);
      }
      throw err;
    }
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new ForbiddenException(`${route} declares no allowed roles, so it is refused to everyone (fail closed)`);
    }
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(`role ${user.role} may not call ${route}; it needs one of: ${roles.join(', ')}`);
    }
    return true;
  }
}

/**
 * The token of an `Authorization: Bearer <token>` header.
 * @throws UnauthorizedException when the header is missing or not a bearer credential.
 */
export function bearerToken(header: string | undefined): string {
  if (!header) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <token> (POST /api/auth/token issues one for demo users)');
  const match = /^Bearer[ ]+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (!match) throw new UnauthorizedException('malformed Authorization header: expected "Bearer <token>"');
  return match[1];
}
