import { Injectable, UnsupportedMediaTypeException, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses (415) a request that carries a body other than JSON, instead of letting it
 * arrive as an empty body and fail with a misleading field error.
 */
@Injectable()
export class JsonOnlyMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const hasBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
    if (hasBody && !req.is('application/json')) {
      throw new UnsupportedMediaTypeException(
        `content-type must be application/json, got ${req.headers['content-type'] ?? 'none'}`,
      );
    }
    next();
  }
}
