import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { handlersByOperationId } from './openapi-handlers';
import { isIngest, isLogin } from './rate-limit.module';

/** Shape of every 4xx/5xx body of this API (NestJS's HttpException body; `errors` lists item or field problems). */
export const ERROR_RESPONSE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    error: { type: 'string' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    errors: { type: 'array', items: {} },
  },
};

/** What each added error status means here. */
const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid path, query or body: the message names each problem (also a character no field may hold, or JSON nested too deep)',
  '401': 'Missing, malformed, expired or forged bearer token (see WWW-Authenticate)',
  '403': 'The caller\u2019s role or office may not do this; the message names who may',
  '404': 'No such resource',
  '413': 'Body larger than BODY_LIMIT',
  '415': 'Body not JSON (application/json, UTF-8)',
  '429': 'Rate limit reached; retry after Retry-After-<limit> seconds',
};

function errorResponse(status: string): ResponseObject {
  return { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
}

/**
 * Completes the OpenAPI document with what every route of this API may answer, so the document
 * tells the truth (checked by schemathesis in `npm test`):
 * - public routes (`@Public()`) carry `security: []`; the others document 401 and 403;
 * - every route documents 400 (path, query and body are checked), routes with path parameters
 *   404, routes with a body 413 and 415, login and ingest 429;
 * - a route documenting no 2xx gets its success status (`@HttpCode`, else 201 for POST, 200 for GET);
 * - every 4xx/5xx response gets the `ErrorResponse` schema when it documents none.
 * Descriptions written on the routes are kept. Mutates and returns `document`.
 */
export function documentCommonResponses(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const handlers = handlersByOperationId(app);
  document.components ??= {};
  document.components.schemas = { ...(document.components.schemas ?? {}), ErrorResponse: ERROR_RESPONSE_SCHEMA };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op: OperationObject | undefined = item[method];
      if (!op) continue;
      const info = handlers.get(op.operationId ?? '');
      const responses = (op.responses ??= {});
      const add = (status: string) => {
        if (!responses[status]) responses[status] = errorResponse(status);
      };
      if (!Object.keys(responses).some((s) => s.startsWith('2'))) {
        responses[String(info?.httpCode ?? (method === 'post' ? 201 : 200))] = { description: 'Success' };
      }
      add('400');
      if (info?.isPublic) op.security = [];
      else {
        add('401');
        add('403');
      }
      if (/\{[^}]+\}/.test(path)) add('404');
      if (method === 'post') {
        add('413');
        add('415');
      }
      if (method === 'post' && (isLogin({ method: 'POST', path }) || isIngest({ method: 'POST', path }))) add('429');
      for (const [status, response] of Object.entries(responses)) {
        const r = response as ResponseObject;
        if (/^[45]\d\d$/.test(status) && !r.content) r.content = errorResponse(status).content;
      }
    }
  }
  return document;
}
