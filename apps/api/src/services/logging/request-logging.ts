import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { runInLogContext, type LogContext } from '@customs/logging';

/** Request and response header carrying the request id. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's request id is kept when it is 1-128 of these characters; otherwise a new UUID is made. */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

const contexts = new WeakMap<Request, LogContext>();

/** The fields of one request's log line (see {@link requestLogger}). */
export interface RequestLogFields {
  requestId: string;
  /** Authenticated user id (the token's `sub`), null when unauthenticated or refused. */
  userId: string | null;
  method: string;
  /** Matched route pattern, e.g. `/api/cases/:id`; null when no route matched (then `path` is set). */
  route: string | null;
  /** Path without the query string, only when no route matched (404, or a request refused before routing). */
  path?: string;
  /** Response status; for a request the client abandoned, the status set so far. */
  status: number;
  /** Milliseconds from the request's arrival to the end of its response (0.1 ms resolution). */
  durationMs: number;
  /** True when the client closed the connection before the response ended. */
  aborted?: boolean;
}

/**
 * The log line of a finished request: the route pattern (never the raw URL, whose query string
 * may hold party ids), no body, no headers.
 */
export function requestLogFields(req: Request, res: Response, requestId: string, startedNs: bigint, aborted: boolean): RequestLogFields {
  const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : null;
  const user = (req as Request & { user?: { id?: string } }).user;
  return {
    requestId,
    userId: user?.id ?? null,
    method: req.method,
    route,
    ...(route === null ? { path: req.path } : {}),
    status: res.statusCode,
    durationMs: Math.round(Number(process.hrtime.bigint() - startedNs) / 1e5) / 10,
    ...(aborted ? { aborted: true } : {}),
  };
}

/**
 * Express middleware, mounted first: gives each request an id (the caller's `X-Request-Id` when
 * well-formed, else a UUID) echoed in the `X-Request-Id` response header, runs the rest of the
 * request in a log context carrying `requestId` (and `userId` once {@link bindRequestLogContext}
 * sees an authenticated user), and writes one line per request when its response ends:
 * `info` (`error` for 5xx) with {@link RequestLogFields} and `msg` "METHOD route status".
 */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const startedNs = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const context: LogContext = { requestId };
    contexts.set(req, context);
    let logged = false;
    const done = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const fields = requestLogFields(req, res, requestId, startedNs, aborted);
      // The line carries its own requestId and userId; the context's would repeat them.
      runInLogContext({}, () => {
        logger[fields.status >= 500 ? 'error' : 'info'](fields, `${fields.method} ${fields.route ?? fields.path} ${fields.status}${aborted ? ' (aborted)' : ''}`);
      });
    };
    res.once('finish', () => done(false));
    res.once('close', () => done(!res.writableFinished));
    runInLogContext(context, next);
  };
}

/**
 * Express middleware, mounted after authentication and body parsing: re-enters the request's log
 * context (stream callbacks of the body parser run outside it) and adds the authenticated user.
 */
export function bindRequestLogContext(req: Request, _res: Response, next: NextFunction): void {
  const context = contexts.get(req);
  if (!context) return next();
  const user = (req as Request & { user?: { id?: string } }).user;
  if (user?.id) context.userId = user.id;
  runInLogContext(context, next);
}
