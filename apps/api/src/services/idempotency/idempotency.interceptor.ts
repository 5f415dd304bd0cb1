import { createHash } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  UnprocessableEntityException,
  UseInterceptors,
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
  SetMetadata,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import stableStringify from 'fast-json-stable-stringify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import { IdempotencyKeyRepository } from '@customs/persistence';
import type { AuthUser } from '../auth/auth-user';

/** Request header naming a retry-safe request. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Response header set on a stored response sent again. */
export const REPLAYED_HEADER = 'Idempotent-Replayed';
/** An unfinished first request older than this (ms) is taken as crashed: a retry may process the key again. */
export const IN_FLIGHT_TIMEOUT_MS = 120_000;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** Metadata key of {@link IdempotentOptions} on a handler. */
const OPTIONS_METADATA = 'customs:idempotent';

/** How {@link Idempotent} treats a route beyond its JSON body. */
export interface IdempotentOptions {
  /**
   * A multipart upload's file field: the file is parsed (multer, `FileInterceptor`) before the
   * key is checked, and its name, declared type and SHA-256 count as part of the request.
   */
  file?: string;
  /** The handler sets the status itself (`@Res({ passthrough: true })`): the stored status is the one it set. */
  statusFromResponse?: boolean;
}

/** The uploaded file as multer leaves it on the request (the fields compared). */
interface UploadedFileLike {
  originalname?: string;
  mimetype?: string;
  buffer?: Buffer;
}

/** How a request relates to an earlier use of its key. */
type Claim =
  | { kind: 'first' }
  | { kind: 'replay'; status: number; response: unknown }
  | { kind: 'in-flight' }
  | { kind: 'different'; route: string };

/**
 * Makes a mutating route safe to retry: with an `Idempotency-Key` header (1-255 visible ASCII
 * characters; absent: the request is processed as usual), the first request's successful
 * response (status and JSON body) is stored in `idempotency_key`, keyed by caller and key, as
 * soon as the handler returns; a retry with the same key, route and body (compared as
 * SHA-256 of the method, path and key-sorted JSON) gets that response again, with
 * `Idempotent-Replayed: true`, without the handler running. Refusals:
 *  - 400 for a malformed key;
 *  - 422 when the key was used for a different route or body;
 *  - 409 while the first request with the key is still being processed (retry later; after
 *    `IN_FLIGHT_TIMEOUT_MS` an unfinished first request counts as crashed and the key is reprocessed).
 * A request that fails (any error status) changed nothing, so its key is released and a retry
 * is processed afresh. Runs after the auth guard (the caller is known) and before the pipes.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyKeyRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: AuthUser }>();
    const key = req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new BadRequestException(`${IDEMPOTENCY_HEADER} must be 1 to 255 visible ASCII characters (no spaces), got ${JSON.stringify(key.slice(0, 80))}`);
    }
    const caller = req.user?.id;
    if (!caller) throw new Error('IdempotencyInterceptor used on a route without authentication');
    const route = `${req.method} ${req.originalUrl.split('?')[0]}`.slice(0, 300);
    const options = (Reflect.getMetadata(OPTIONS_METADATA, context.getHandler()) as IdempotentOptions | undefined) ?? {};
    const file = options.file ? (req as Request & { file?: UploadedFileLike }).file : undefined;
    const compared = file
      ? { body: req.body ?? null, file: { name: file.originalname ?? null, type: file.mimetype ?? null, sha256: createHash('sha256').update(file.buffer ?? Buffer.alloc(0)).digest('hex') } }
      : (req.body ?? null);
    const bodyHash = createHash('sha256').update(`${route}\n${stableStringify(compared)}`).digest('hex');

    const claim = await this.claim(caller, key, route, bodyHash);
    if (claim.kind === 'different') {
      throw new UnprocessableEntityException(
        `${IDEMPOTENCY_HEADER} ${JSON.stringify(key)} was already used for ${claim.route === route ? 'this route with a different body' : claim.route}; use a new key for a new request`);
    }
    if (claim.kind === 'in-flight') {
      throw new ConflictException(`the first request with ${IDEMPOTENCY_HEADER} ${JSON.stringify(key)} is still being processed; retry later`);
    }
    const res = http.getResponse<Response>();
    if (claim.kind === 'replay') {
      res.setHeader(REPLAYED_HEADER, 'true');
      res.status(claim.status);
      return of(claim.response);
    }
    const declared = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? (req.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((body) => {
        // A handler that sets its own status has set it by the time it returns.
        const status = options.statusFromResponse ? res.statusCode : declared;
        return from(this.complete(caller, key, status, body)).pipe(mergeMap(() => of(body)));
      }),
      catchError((err: unknown) => from(this.release(caller, key)).pipe(mergeMap(() => throwError(() => err)))),
    );
  }

  /** Takes the key for this request, or says how an earlier request with it went. */
  private async claim(caller: string, key: string, route: string, bodyHash: string): Promise<Claim> {
    // New key, or one whose first request died unfinished long ago (same request only): ours.
    if (await this.keys.take(caller, key, route, bodyHash, IN_FLIGHT_TIMEOUT_MS / 1000)) return { kind: 'first' };
    const earlier = await this.keys.find(caller, key);
    // Released between the two statements by a failing first request: process this one afresh.
    if (!earlier) return this.claim(caller, key, route, bodyHash);
    if (earlier.route !== route || earlier.bodyHash !== bodyHash) return { kind: 'different', route: earlier.route };
    if (earlier.status === null) return { kind: 'in-flight' };
    return { kind: 'replay', status: earlier.status, response: earlier.response };
  }

  private async complete(caller: string, key: string, status: number, body: unknown): Promise<void> {
    await this.keys.complete(caller, key, status, body);
  }

  private async release(caller: string, key: string): Promise<void> {
    await this.keys.release(caller, key);
  }
}

/**
 * Marks a mutating route as safe to retry with an `Idempotency-Key` header (see
 * `IdempotencyInterceptor`) and documents the header in the OpenAPI document. With
 * `options.file`, the route's multipart file field is parsed first (replacing the route's own
 * `FileInterceptor`) and the file takes part in the comparison of retries.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  const interceptors: Array<Type<NestInterceptor>> = options.file ? [FileInterceptor(options.file), IdempotencyInterceptor] : [IdempotencyInterceptor];
  return applyDecorators(
    SetMetadata(OPTIONS_METADATA, options),
    UseInterceptors(...interceptors),
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: false,
      description:
        'Optional, 1-255 visible ASCII characters, unique per request (e.g. a UUID). A retry with the same key and the same body gets the ' +
        `first successful response again (status and body, with \`${REPLAYED_HEADER}: true\`) without acting twice; the same key with ` +
        'another body or route: 422; while the first request is still running: 409. Failed requests are not stored: retry them with the same key.',
      schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
    }),
    ApiResponse({ status: 422, description: 'The Idempotency-Key was already used with another body or route (or the action does not fit the case)' }),
  );
}
