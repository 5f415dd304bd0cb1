import { HttpException, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What the body parser (body-parser / raw-body) attaches to the errors it raises. */
interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  length?: number;
  charset?: string;
  encoding?: string;
}

/**
 * The JSON answer (status and body, in the shape NestJS uses: `{ statusCode, error, message }`)
 * for an error raised by Express middleware before a route is reached, i.e. the body parser and
 * {@link rejectHostileInput}. Nest's exception filters only see errors of routes; without this,
 * Express's default handler would answer these with an HTML page (with a stack trace outside
 * production).
 */
export function middlewareErrorResponse(error: unknown): { status: number; body: Record<string, unknown> } {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    return { status: error.getStatus(), body: typeof response === 'string' ? { statusCode: error.getStatus(), message: response } : (response as Record<string, unknown>) };
  }
  const err = (error ?? {}) as BodyParserError;
  const reply = (status: number, error: string, message: string) => ({ status, body: { statusCode: status, error, message } });
  switch (err.type) {
    case 'entity.parse.failed':
      return reply(400, 'Bad Request', `malformed JSON body: ${err.message}`);
    case 'entity.too.large':
      return reply(413, 'Payload Too Large', `the body has ${err.length ?? 'more than ' + err.limit} bytes; at most ${err.limit} are accepted (BODY_LIMIT)`);
    case 'encoding.invalid':
      return reply(400, 'Bad Request', err.message);
    case 'request.size.invalid':
      return reply(400, 'Bad Request', 'the body is shorter or longer than its Content-Length');
    case 'request.aborted':
      return reply(400, 'Bad Request', 'the request was aborted while its body was read');
    case 'charset.unsupported':
      return reply(415, 'Unsupported Media Type', `JSON bodies must be UTF-8, got charset ${JSON.stringify(err.charset)}`);
    case 'encoding.unsupported':
      return reply(415, 'Unsupported Media Type', `unsupported Content-Encoding ${JSON.stringify(err.encoding)}; send the body uncompressed (identity)`);
    default:
      if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
        const code = (err as { code?: unknown }).code;
        const why = typeof code === 'string' && code.startsWith('Z_') ? `it could not be decompressed (${code})` : err.message;
        return reply(err.status, 'Bad Request', `the body could not be read: ${why}`);
      }
      new Logger('HTTP').error(`unexpected error before routing: ${err.message ?? String(error)}`, err.stack);
      return reply(500, 'Internal Server Error', 'Internal server error');
  }
}

/** Express error middleware answering {@link middlewareErrorResponse}; passes on when the response has started. */
export function answerMiddlewareErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  const { status, body } = middlewareErrorResponse(err);
  res.status(status).json(body);
}
