import type { NextFunction, Request, Response } from 'express';
import type { CustomsMetrics } from './customs-metrics';

/** The `route` label of requests no documented or routed path matched (the web app's files, unknown paths). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Express middleware timing every request into `customs_http_request_duration_seconds` by
 * method, route template and status once the answer is sent (or the client went away).
 * @param templateOf the OpenAPI path template of a request path (`/api/cases/{id}`), or undefined;
 *   the raw URL is never a label (unbounded cardinality). Routes outside the document
 *   (`/metrics`) are labelled with their Express route path.
 */
export function httpMetrics(metrics: CustomsMetrics, templateOf: (path: string) => string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const path = req.path;
    let done = false;
    const record = () => {
      if (done) return;
      done = true;
      const routed = (req as Request & { route?: { path?: unknown } }).route?.path;
      const route = templateOf(path) ?? (typeof routed === 'string' ? `${req.baseUrl ?? ''}${routed}` : UNMATCHED_ROUTE);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    };
    res.once('finish', record);
    res.once('close', record);
    next();
  };
}
