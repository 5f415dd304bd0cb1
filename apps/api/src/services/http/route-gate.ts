import { HttpException, HttpStatus, UnauthorizedException } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user';
import { bearerToken } from '../auth/auth.guard';

/** The methods an OpenAPI path item may declare. */
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One documented path of the API: its template as a regular expression, its methods, who may call it. */
interface DocumentedPath {
  template: string;
  pattern: RegExp;
  /** Upper-case methods the path serves, with HEAD wherever GET is served (Express answers it from the GET route). */
  allow: string[];
  /** Methods served without a bearer token (`security: []`, the `@Public()` routes). */
  publicMethods: Set<string>;
}

/** `/api/cases/{id}/assign` → `^/api/cases/[^/]+/assign/?$`. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/**
 * The API's front door, in front of the body parser: what the HTTP semantics (RFC 9110) and the
 * OpenAPI document promise before a route runs.
 * - A documented path called with a method it does not serve: 405 with `Allow` (Express alone
 *   answers 404 "Cannot TRACE ..."); `OPTIONS` on a documented path: 204 with `Allow` (a CORS
 *   preflight from an allowed origin is answered earlier by the CORS middleware).
 * - A protected route called without a valid bearer token: 401 with `WWW-Authenticate`, before
 *   its body is read, so an anonymous caller learns nothing about body rules (400, 413, 415)
 *   and costs no parsing. The verified user is left on `request.user` for the global
 *   `AuthGuard`, which still decides roles.
 * Paths the document does not list (the web app, unknown routes) pass on untouched (404 there).
 * The path table comes from the served OpenAPI document, so it cannot disagree with it.
 */
export class RouteGate {
  private paths: DocumentedPath[] = [];

  /**
   * @param verify the token verifier the `AuthGuard` uses (`TokenService.verify`); throws
   *   `UnauthorizedException` for a malformed, expired or forged token.
   */
  constructor(private readonly verify: (token: string) => Promise<AuthUser>) {}

  /** Reads the paths, methods and public operations of the finished OpenAPI document. */
  load(document: OpenAPIObject): void {
    this.paths = Object.entries(document.paths).map(([template, item]) => {
      const declared = METHODS.filter((m) => item[m] !== undefined);
      const allow = declared.map((m) => m.toUpperCase());
      if (declared.includes('get') && !declared.includes('head')) allow.push('HEAD');
      const publicMethods = new Set(
        declared.filter((m) => Array.isArray(item[m]?.security) && item[m]!.security!.length === 0).map((m) => m.toUpperCase()),
      );
      if (publicMethods.has('GET')) publicMethods.add('HEAD');
      return { template, pattern: templatePattern(template), allow, publicMethods };
    });
    const parameters = (t: string) => (t.match(/\{/g) ?? []).length;
    this.paths.sort((a, b) => parameters(a.template) - parameters(b.template));
  }

  /**
   * The documented path template a request path falls under (`/api/cases/C-1` ->
   * `/api/cases/{id}`), the most concrete one when several match; undefined for paths the
   * document does not list. Used as the route label of the HTTP metrics.
   */
  templateOf(requestPath: string): string | undefined {
    return this.paths.find((p) => p.pattern.test(requestPath))?.template;
  }

  /** The Express middleware (bound). Errors go to `next` for `answerMiddlewareErrors`. */
  readonly handle = (req: Request & { user?: AuthUser }, res: Response, next: NextFunction): void => {
    // A concrete path wins over a templated one that also matches (OpenAPI's path matching:
    // `/api/criteria/backtest` is not `/api/criteria/{id}`); the paths are sorted fewest
    // parameters first, so the first match is the most concrete.
    const path = this.paths.find((p) => p.pattern.test(req.path));
    if (!path) return next();
    const method = req.method.toUpperCase();
    if (!path.allow.includes(method)) {
      const allow = path.allow.join(', ');
      res.setHeader('Allow', allow);
      if (method === 'OPTIONS') {
        res.status(HttpStatus.NO_CONTENT).end();
        return;
      }
      return next(new HttpException({ statusCode: 405, error: 'Method Not Allowed', message: `${path.template} does not serve ${method}; it serves ${allow}` }, 405));
    }
    if (path.publicMethods.has(method)) return next();
    let token: string;
    try {
      token = bearerToken(req.headers.authorization);
    } catch (err) {
      return this.refuse(res, next, err);
    }
    this.verify(token).then(
      (user) => {
        req.user = user;
        next();
      },
      (err: unknown) => this.refuse(res, next, err),
    );
  };

  private refuse(res: Response, next: NextFunction, err: unknown): void {
    if (err instanceof UnauthorizedException) {
      const description = String((err.getResponse() as { message?: unknown }).message ?? err.message).replace(/"/g, "'");
      res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${description}"`);
    }
    next(err);
  }
}
