import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WorkerMetrics } from './worker-metrics';

/** One dependency's reachability, as the API's readiness answers it. */
export interface DependencyCheck {
  status: 'up' | 'down';
  message?: string;
}

/** What the worker's metrics server needs. */
export interface WorkerMetricsServerOptions {
  /** TCP port (0: any free port, see the returned `port`). */
  port: number;
  /** Interface to bind (default `0.0.0.0`: a scraper and the orchestrator's probes reach it). */
  host?: string;
  /**
   * The Temporal SDK runtime's own Prometheus exporter, e.g. `http://127.0.0.1:9465/metrics`,
   * appended to `/metrics`; null: none. An exporter that does not answer within 2 s is left out
   * of that scrape (the worker's own metrics are still served).
   */
  sdkMetricsUrl: string | null;
  /** Readiness checks by dependency name (e.g. postgres, temporal); each resolves, never throws. */
  readiness: Record<string, () => Promise<DependencyCheck>>;
}

/** A running metrics server: its bound port, and `close()`. */
export interface WorkerMetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the worker's operational endpoints over plain HTTP (node:http):
 * - `GET /metrics`: the worker's metrics and the Temporal SDK's, Prometheus text format 0.0.4;
 * - `GET /health/live`: 200 `{"status":"up"}` while the process runs (no dependency asked);
 * - `GET /health/ready`: 200 when every readiness check is up, else 503; body
 *   `{"status":"up"|"down","checks":{<name>:{"status",...}}}`.
 * Anything else: 404. Unauthenticated: bind it to a network only scrapers and probes reach.
 * @throws when the port cannot be bound.
 */
export async function serveWorkerMetrics(metrics: WorkerMetrics, options: WorkerMetricsServerOptions): Promise<WorkerMetricsServer> {
  const server = http.createServer((req, res) => {
    void answer(req, res).catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`metrics server error: ${err.message}\n`);
    });
  });
  const answer = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      const own = await metrics.registry.metrics();
      const sdk = options.sdkMetricsUrl ? await fetchText(options.sdkMetricsUrl) : '';
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' }).end(own + (sdk ? `\n${sdk}` : ''));
    } else if (path === '/health/live') {
      json(res, 200, { status: 'up', uptimeSeconds: Math.round(process.uptime()) });
    } else if (path === '/health/ready') {
      const names = Object.keys(options.readiness);
      const results = await Promise.all(names.map((n) => options.readiness[n]()));
      const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
      const up = results.every((r) => r.status === 'up');
      json(res, up ? 200 : 503, { status: up ? 'up' : 'down', checks });
    } else {
      json(res, 404, { status: 404, message: `no such path: ${path} (try /metrics, /health/live, /health/ready)` });
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

/** The body of a GET, or '' when it fails or takes over 2 s. */
async function fetchText(url: string): Promise<string> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok ? await res.text() : '';
  } catch {
    return '';
  }
}
