import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import request from 'supertest';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { sampleDeclaration } from '@customs/domain/testing';
import type { Declaration } from '@customs/domain';
import { createCaseWorker, serveWorkerMetrics, type CaseWorker, type WorkerMetricsServer } from '@customs/worker';
import { exposedNames, parseSamples, promqlMetricNames, sampleSum, type Sample } from '@customs/api';
import { eventually, loginAs, startE2eStack, uniqueDeclarationId, type AuthorisedHttp, type E2eStack } from '../support/e2e-stack';

const DASHBOARD = path.resolve(__dirname, '../../deploy/grafana/customs-risk.json');

/** A TCP port free at the time of asking, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Every PromQL expression of a Grafana dashboard (panels, rows' panels, templating queries). */
function dashboardExpressions(dashboard: { panels?: Array<{ targets?: Array<{ expr?: string }>; panels?: unknown[] }> }): string[] {
  const exprs: string[] = [];
  const walk = (panels: unknown[] | undefined) => {
    for (const p of (panels ?? []) as Array<{ targets?: Array<{ expr?: string }>; panels?: unknown[] }>) {
      for (const t of p.targets ?? []) if (t.expr) exprs.push(t.expr);
      walk(p.panels);
    }
  };
  walk(dashboard.panels);
  return exprs;
}

/**
 * The Prometheus metrics of the API (`GET /metrics`) and of the case worker (its metrics server
 * with the Temporal SDK runtime's exporter appended), after real screening; liveness and
 * readiness of both; and that every metric the Grafana dashboard charts is exposed.
 */
describe('metrics and health (e2e)', () => {
  let stack: E2eStack;
  let svc: AuthorisedHttp;
  let caseWorker: CaseWorker;
  let running: Promise<void>;
  let worker: Worker;
  let workerServer: WorkerMetricsServer;

  const apiSamples = async (): Promise<{ text: string; samples: Sample[] }> => {
    const res = await request(stack.baseUrl).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return { text: res.text, samples: parseSamples(res.text) };
  };
  const workerText = async (): Promise<string> => (await request(`http://127.0.0.1:${workerServer.port}`).get('/metrics').expect(200)).text;
  const declaration = (over: Partial<Declaration> = {}): Declaration =>
    sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', ...over });

  beforeAll(async () => {
    // This file's Temporal runtime exports the SDK's metrics, as the worker process does with WORKER_METRICS_PORT.
    const sdkPort = await freePort();
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkPort}`, useSecondsForDurations: true } } },
    });
    stack = await startE2eStack();
    // One worker only, whose metrics this test reads: the stack's own is replaced.
    await stack.stopWorker();
    caseWorker = await createCaseWorker(stack.config);
    worker = caseWorker.worker;
    running = worker.run();
    workerServer = await serveWorkerMetrics(caseWorker.metrics, { port: 0, host: '127.0.0.1', sdkMetricsUrl: `http://127.0.0.1:${sdkPort}/metrics`, readiness: caseWorker.readiness });
    svc = await loginAs(stack, 'svc-ingest');
  });
  afterAll(async () => {
    await workerServer?.close();
    if (worker) {
      worker.shutdown();
      await running;
      await caseWorker.close();
    }
    await stack?.stop();
  });

  it('counts decisions by lane, office and basis, times screening and batch sizes, and scores per model version', async () => {
    const before = (await apiSamples()).samples;
    const batch = [declaration({ officeId: '40' }), declaration({ officeId: '40' }), declaration({ officeId: '30', hsCode: '930200' })];
    const screened = (await svc.post('/api/declarations/batch').send({ declarations: batch }).expect(200)).body as { results: Array<{ lane: string }> };
    const single = (await svc.post('/api/declarations').send(declaration({ officeId: '30', hsCode: '930200' })).expect(201)).body as { lane: string };
    // A re-send is answered from the stored decision and not counted again.
    await svc.post('/api/declarations').send(batch[0]).expect(200);

    const after = (await apiSamples()).samples;
    const lanes = [...screened.results.map((r) => r.lane), single.lane];
    for (const lane of new Set(lanes)) {
      const added = sampleSum(after, 'customs_decisions_total', { lane }) - sampleSum(before, 'customs_decisions_total', { lane });
      expect({ lane, added }).toEqual({ lane, added: lanes.filter((l) => l === lane).length });
    }
    expect(sampleSum(after, 'customs_decisions_total', { office: '30' }) - sampleSum(before, 'customs_decisions_total', { office: '30' })).toBe(2);
    // Every stored decision has a basis label; GREEN ones say NONE.
    expect(after.filter((s) => s.name === 'customs_decisions_total').every((s) => s.labels.basis !== undefined && s.labels.basis !== '')).toBe(true);
    expect(sampleSum(after, 'customs_screening_duration_seconds_count') - sampleSum(before, 'customs_screening_duration_seconds_count')).toBe(3);
    expect(sampleSum(after, 'customs_screening_batch_size_sum') - sampleSum(before, 'customs_screening_batch_size_sum')).toBe(5);
    const champion = after.filter((s) => s.name === 'customs_model_score_count' && s.labels.role === 'champion');
    expect(champion.length).toBeGreaterThan(0);
    expect(champion.every((s) => s.labels.model !== '' && s.labels.version !== '')).toBe(true);
    expect(sampleSum(after, 'customs_model_score_count', { role: 'champion' }) - sampleSum(before, 'customs_model_score_count', { role: 'champion' })).toBe(4);
    expect(sampleSum(after, 'customs_criteria_compiles_total')).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after, 'customs_criteria_compile_duration_seconds_count')).toBe(sampleSum(after, 'customs_criteria_compiles_total'));
  });

  it('measures decision to case start, outbox depth and age, the database pool and HTTP by route template', async () => {
    await svc.post('/api/declarations').send(declaration({ hsCode: '930200' })).expect(201);
    await eventually('a case start measured', async () => {
      const { samples } = await apiSamples();
      return sampleSum(samples, 'customs_case_start_delay_seconds_count') >= 1 ? true : undefined;
    });
    const { samples } = await apiSamples();
    for (const outbox of ['case_start', 'risk_case_handoff']) {
      expect(samples.some((s) => s.name === 'customs_outbox_depth' && s.labels.outbox === outbox && s.value >= 0)).toBe(true);
      expect(samples.some((s) => s.name === 'customs_outbox_oldest_age_seconds' && s.labels.outbox === outbox && s.value >= 0)).toBe(true);
    }
    expect(sampleSum(samples, 'customs_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    // Scoring runs in a worker-thread pool (SCORING_THREADS, default 1): its backlog is exposed, empty when idle.
    expect(samples.filter((s) => s.name === 'customs_scoring_queued_tasks').map((s) => s.value)).toEqual([0]);
    expect(samples.some((s) => s.name === 'customs_db_pool_waiting_clients')).toBe(true);
    // The route template, never the raw URL (which holds the declaration id).
    const routes = new Set(samples.filter((s) => s.name === 'customs_http_request_duration_seconds_count').map((s) => `${s.labels.method} ${s.labels.route} ${s.labels.status}`));
    expect(routes).toContain('POST /api/declarations/batch 200');
    expect(routes).toContain('POST /api/declarations 201');
    const id = uniqueDeclarationId();
    await request(stack.baseUrl).get(`/api/declarations/${id}/selection`).expect(401);
    const again = (await apiSamples()).samples.filter((s) => s.name === 'customs_http_request_duration_seconds_count');
    expect(again.some((s) => s.labels.route === '/api/declarations/{id}/selection' && s.labels.status === '401')).toBe(true);
    expect(again.some((s) => s.labels.route.includes(id))).toBe(false);
  });

  it('serves /metrics without a token, outside /api and outside the OpenAPI document', async () => {
    const doc = (await request(stack.baseUrl).get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((p) => p.includes('metrics'))).toEqual([]);
    await request(stack.baseUrl).get('/api/metrics').expect(404);
    const text = (await apiSamples()).text;
    expect(exposedNames(text)).toContain('process_cpu_seconds_total');
  });

  it('answers liveness and readiness apart, and keeps /api/health', async () => {
    expect((await request(stack.baseUrl).get('/api/health/live').expect(200)).body).toMatchObject({ status: 'up' });
    expect((await request(stack.baseUrl).get('/api/health/ready').expect(200)).body).toEqual({ status: 'up', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
    await request(stack.baseUrl).get('/api/health').expect(200);
    const worker = request(`http://127.0.0.1:${workerServer.port}`);
    expect((await worker.get('/health/live').expect(200)).body).toMatchObject({ status: 'up' });
    expect((await worker.get('/health/ready').expect(200)).body).toEqual({ status: 'up', checks: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
    await worker.get('/nothing').expect(404);
  });

  it('times the worker’s activities and appends the Temporal SDK’s own metrics', async () => {
    await svc.post('/api/declarations').send(declaration({ hsCode: '930200' })).expect(201);
    const samples = await eventually('an activity timed by the worker', async () => {
      const s = parseSamples(await workerText());
      return sampleSum(s, 'customs_worker_activity_duration_seconds_count', { activity: 'projectCaseEvent', outcome: 'ok' }) >= 1 ? s : undefined;
    });
    expect(samples.some((s) => s.name.startsWith('temporal_'))).toBe(true);
    expect(samples.some((s) => s.name === 'process_cpu_seconds_total')).toBe(true);
  });

  it('exposes every metric the Grafana dashboard charts', async () => {
    const dashboard = JSON.parse(fs.readFileSync(DASHBOARD, 'utf8'));
    const exprs = dashboardExpressions(dashboard);
    expect(exprs.length).toBeGreaterThan(10);
    const exposed = new Set([...exposedNames((await apiSamples()).text), ...exposedNames(await workerText())]);
    const charted = new Set(exprs.flatMap((e) => [...promqlMetricNames(e)]));
    if (process.env.METRICS_DEBUG) console.log([...exposed].filter((n) => n.startsWith('temporal_')).sort().join('\n'));
    expect([...charted].filter((name) => !exposed.has(name)).sort()).toEqual([]);
  });
});

/** The worker process itself (`apps/worker/src/main.ts`) with `WORKER_METRICS_PORT` set. */
describe('worker process metrics server (e2e)', () => {
  let stack: E2eStack;
  let port: number;
  const saved = { ...process.env };

  beforeAll(async () => {
    port = await freePort();
    process.env.WORKER_METRICS_PORT = String(port);
    process.env.WORKER_SDK_METRICS_PORT = String(await freePort());
    stack = await startE2eStack({}, { workerProcess: true });
  });
  afterAll(async () => {
    await stack?.stop();
    process.env = saved;
  });

  it('serves its own and the Temporal SDK’s metrics, liveness and readiness on WORKER_METRICS_PORT', async () => {
    const svc = await loginAs(stack, 'svc-ingest');
    await svc.post('/api/declarations').send(sampleDeclaration({ declarationId: uniqueDeclarationId(), date: '2021-02-01', hsCode: '930200' })).expect(201);
    const worker = request(`http://127.0.0.1:${port}`);
    const names = await eventually('the worker process to time an activity', async () => {
      const text = (await worker.get('/metrics').expect(200)).text;
      const timed = sampleSum(parseSamples(text), 'customs_worker_activity_duration_seconds_count') >= 1;
      return timed ? exposedNames(text) : undefined;
    });
    expect(names).toContain('temporal_workflow_task_schedule_to_start_latency_bucket');
    expect(names).toContain('process_resident_memory_bytes');
    await worker.get('/health/live').expect(200);
    expect((await worker.get('/health/ready').expect(200)).body).toMatchObject({ status: 'up' });
  });
});
