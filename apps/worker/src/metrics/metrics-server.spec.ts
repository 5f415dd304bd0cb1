import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveWorkerMetrics, type WorkerMetricsServer } from './metrics-server';
import { WorkerMetrics } from './worker-metrics';

/** GET on the server: status, content type and body. */
async function get(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

describe('worker metrics', () => {
  let servers: Array<WorkerMetricsServer | http.Server> = [];
  afterEach(async () => {
    for (const s of servers) await (s instanceof http.Server ? new Promise((r) => s.close(r)) : s.close());
    servers = [];
  });

  it('times each activity under its name with its outcome, passing results and errors through', async () => {
    const metrics = new WorkerMetrics();
    const timed = metrics.timeActivities({
      async projectCaseEvent(n: number) {
        return n * 2;
      },
      async projectRiskCaseEvent() {
        throw new Error('database down');
      },
    });
    expect(await timed.projectCaseEvent(21)).toBe(42);
    await expect(timed.projectRiskCaseEvent()).rejects.toThrow('database down');
    const text = await metrics.registry.metrics();
    expect(text).toContain('customs_worker_activity_duration_seconds_count{activity="projectCaseEvent",outcome="ok"} 1');
    expect(text).toContain('customs_worker_activity_duration_seconds_count{activity="projectRiskCaseEvent",outcome="error"} 1');
  });

  it('serves its metrics with the SDK exporter’s appended, liveness, and readiness that fails with a dependency', async () => {
    const sdk = http.createServer((_, res) => res.end('# TYPE temporal_num_pollers gauge\ntemporal_num_pollers{poller_type="activity_task"} 5\n'));
    await new Promise<void>((r) => sdk.listen(0, '127.0.0.1', () => r()));
    servers.push(sdk);
    let temporalUp = true;
    const server = await serveWorkerMetrics(new WorkerMetrics(), {
      port: 0,
      host: '127.0.0.1',
      sdkMetricsUrl: `http://127.0.0.1:${(sdk.address() as AddressInfo).port}/metrics`,
      readiness: {
        postgres: async () => ({ status: 'up' }),
        temporal: async () => (temporalUp ? { status: 'up' } : { status: 'down', message: 'connection refused' }),
      },
    });
    servers.push(server);
    const metrics = await get(server.port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain/);
    expect(metrics.body).toContain('# TYPE customs_worker_activity_duration_seconds histogram');
    expect(metrics.body).toContain('temporal_num_pollers{poller_type="activity_task"} 5');
    expect(JSON.parse((await get(server.port, '/health/live')).body)).toMatchObject({ status: 'up' });
    expect(await get(server.port, '/health/ready')).toMatchObject({ status: 200 });
    temporalUp = false;
    const ready = await get(server.port, '/health/ready');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'down', checks: { postgres: { status: 'up' }, temporal: { status: 'down', message: 'connection refused' } } });
    expect((await get(server.port, '/other')).status).toBe(404);
  });

  it('still serves its own metrics when the SDK exporter does not answer', async () => {
    const server = await serveWorkerMetrics(new WorkerMetrics(), { port: 0, host: '127.0.0.1', sdkMetricsUrl: 'http://127.0.0.1:1/metrics', readiness: {} });
    servers.push(server);
    const metrics = await get(server.port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('process_cpu_seconds_total');
    expect(metrics.body).not.toContain('temporal_');
  });
});
