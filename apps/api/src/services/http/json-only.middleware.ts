import { Injectable, UnsupportedMediaTypeException, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses (415) a request that carries a body other than JSON (a request without a body passes), instead of letting it
 * arrive as an empty body and fail with a misleading field error.
 */
@Injectable()
export class JsonOnlyMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    // An action without a body (approve, close) may come with no type or `Content-Length: 0`.
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is('application/json')) {
      throw new UnsupportedMediaTypeException(
        `content-type must be application/json, got ${req.headers['content-type'] ?? 'none'}`,
      );
    }
    next();
  }
}
