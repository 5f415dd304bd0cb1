import type { INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { IS_PUBLIC } from '../auth/auth.decorators';

/** What the OpenAPI post-processing needs to know about one controller method. */
export interface HandlerInfo {
  /** `@Public()` on the method or its controller. */
  isPublic: boolean;
  /** Its `@HttpCode`, if any. */
  httpCode: number | undefined;
  /** The pipes on its path parameters (`@Param('id', CaseIdPipe)`), by parameter name. */
  pathPipes: Map<string, unknown[]>;
  /** The classes of its whole-object query parameters (`@Query() q: ListCasesDto`). */
  queryTypes: Array<abstract new (...args: never[]) => unknown>;
}

interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

/**
 * Every controller method of the application by the operation id Nest's OpenAPI module gives it
 * (`Controller_method`), with its public flag, `@HttpCode`, path-parameter pipes and query classes,
 * read from the decorators' metadata.
 */
export function handlersByOperationId(app: INestApplication): Map<string, HandlerInfo> {
  const out = new Map<string, HandlerInfo>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!cls) continue;
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, cls, name) ?? {}) as Record<string, RouteArg>;
        const types = (Reflect.getMetadata('design:paramtypes', cls.prototype, name) ?? []) as unknown[];
        const info: HandlerInfo = {
          isPublic: Reflect.getMetadata(IS_PUBLIC, handler) === true || Reflect.getMetadata(IS_PUBLIC, cls) === true,
          httpCode: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
          pathPipes: new Map(),
          queryTypes: [],
        };
        for (const [key, arg] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[arg.index];
          if (kind === RouteParamtypes.PARAM && typeof arg.data === 'string') info.pathPipes.set(arg.data, arg.pipes ?? []);
          const whole = arg.data === undefined && typeof type === 'function' && type !== Object;
          if (kind === RouteParamtypes.QUERY && whole) info.queryTypes.push(type as HandlerInfo['queryTypes'][number]);
        }
        out.set(`${cls.name}_${name}`, info);
      }
    }
  }
  return out;
}
