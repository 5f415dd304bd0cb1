import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { RUNTIME_ENV_VARIABLES } from '@customs/config';

/**
 * The Kubernetes manifests in `deploy/kubernetes` against the code they deploy: every variable
 * they set is one the runtime configuration reads (a typo would be silently ignored in a
 * cluster), the probes name the health routes the API and the worker serve, and the worker's
 * metrics port is the one its container exposes.
 */
const DIR = join(__dirname, '..', '..', 'deploy', 'kubernetes');

type Doc = { kind?: string; metadata?: { name?: string }; data?: Record<string, string>; stringData?: Record<string, string>; spec?: Record<string, unknown> };
const docs: Doc[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
  .flatMap((f) => parseAllDocuments(readFileSync(join(DIR, f), 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${f}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS() as Doc;
  }));

interface Container { name: string; env?: Array<{ name: string; value?: string }>; ports?: Array<{ name: string; containerPort: number }>; readinessProbe?: Probe; livenessProbe?: Probe; startupProbe?: Probe; resources?: { requests?: Record<string, string> } }
interface Probe { httpGet?: { path: string; port: string } }
const containersOf = (kind: string, name: string): Container[] => {
  const d = docs.find((x) => x.kind === kind && x.metadata?.name === name);
  if (!d) throw new Error(`no ${kind} ${name}`);
  const template = d.spec?.['template'] as { spec: { containers: Container[] } };
  return template.spec.containers;
};

describe('deploy/kubernetes', () => {
  it('sets only variables the runtime configuration reads', () => {
    const set = [
      ...docs.filter((d) => d.kind === 'ConfigMap').flatMap((d) => Object.keys(d.data ?? {})),
      ...docs.filter((d) => d.kind === 'Secret').flatMap((d) => Object.keys(d.stringData ?? {})),
      ...docs.filter((d) => d.kind === 'Deployment' || d.kind === 'Job').flatMap((d) => containersOf(d.kind!, d.metadata!.name!).flatMap((c) => (c.env ?? []).map((e) => e.name))),
    ];
    expect(set.length).toBeGreaterThan(10);
    expect(set.filter((v) => !RUNTIME_ENV_VARIABLES.includes(v))).toEqual([]);
  });

  it('probes the API on /api/health/live and /ready, and the worker on its metrics port', () => {
    const [api] = containersOf('Deployment', 'customs-risk-api');
    expect(api.readinessProbe?.httpGet?.path).toBe('/api/health/ready');
    expect(api.livenessProbe?.httpGet?.path).toBe('/api/health/live');
    const [worker] = containersOf('Deployment', 'customs-risk-worker');
    expect(worker.readinessProbe?.httpGet).toEqual({ path: '/health/ready', port: 'metrics' });
    expect(worker.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'metrics' });
    const metricsPort = worker.ports?.find((p) => p.name === 'metrics')?.containerPort;
    expect(worker.env?.find((e) => e.name === 'WORKER_METRICS_PORT')?.value).toBe(String(metricsPort));
  });

  it('gives every Deployment resource requests, an autoscaler and a disruption budget', () => {
    for (const name of ['customs-risk-api', 'customs-risk-worker']) {
      for (const c of containersOf('Deployment', name)) expect(c.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(docs.some((d) => d.kind === 'HorizontalPodAutoscaler' && (d.spec?.['scaleTargetRef'] as { name: string }).name === name)).toBe(true);
      expect(docs.some((d) => d.kind === 'PodDisruptionBudget' && d.metadata?.name === name)).toBe(true);
    }
    expect(containersOf('Job', 'customs-risk-migrate')[0]).toBeDefined();
  });
});
