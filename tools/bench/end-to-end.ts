import type { Declaration } from '@customs/domain';
import { login } from '../auth/login';
import { generateCriteria } from './generate-criteria';

/** End-to-end figures through a running API. */
export interface EndToEndFigures {
  /** Declarations per second screened through `POST /api/declarations/batch` (batches of 500), decisions and case starts included. */
  declPerSec: number;
  /** Active criteria while measuring. */
  criteria: number;
  /** Single-declaration `POST /api/declarations` round-trip latency, ms. */
  p50: number;
  p99: number;
}

const DEMO = (u: string) => ({ username: u, password: `${u}-demo` });

/**
 * Loads `criteriaCount` generated criteria through the API (written by one analyst, approved
 * by another: the real maker-checker path), then screens the KCS sample in batches and
 * measures single-declaration latency on fresh ids. Meant for a fresh database (`npm run bench`
 * starts one): the generated criteria become central criteria `CEN-BENCH-000`...
 * @param api base URL of the API, e.g. `http://127.0.0.1:41234`
 * @throws Error naming the request that failed.
 */
export async function measureEndToEnd(api: string, decls: readonly Declaration[], criteriaCount = 1000, latencyRuns = 300): Promise<EndToEndFigures> {
  const [maker, checker, service] = await Promise.all(['analyst-kim', 'analyst-lee', 'svc-ingest'].map((u) => login(api, DEMO(u).username, DEMO(u).password)));
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };

  const criteria = generateCriteria(criteriaCount, decls, 7).map((c, i) => {
    const { version: _v, status: _s, ...rest } = c;
    return { ...rest, id: `CEN-BENCH-${String(i).padStart(3, '0')}`, scope: 'CENTRAL', officeId: null };
  });
  await pool(criteria, 8, async (c) => {
    await call(maker.accessToken, 'POST', '/api/criteria', c);
    await call(checker.accessToken, 'POST', `/api/criteria/${c.id}/versions/1/approve`);
  });
  await new Promise((r) => setTimeout(r, 3000)); // the API refreshes its compiled criteria within 2 s

  const start = performance.now();
  for (let i = 0; i < decls.length; i += 500) {
    await call(service.accessToken, 'POST', '/api/declarations/batch', { declarations: decls.slice(i, i + 500) });
  }
  const declPerSec = decls.length / ((performance.now() - start) / 1000);

  const times: number[] = [];
  for (let i = 0; i < latencyRuns; i++) {
    const d = { ...decls[i % decls.length], declarationId: `LAT${i}${decls[i % decls.length].declarationId}`.slice(0, 20) };
    const t = performance.now();
    await call(service.accessToken, 'POST', '/api/declarations', d);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { declPerSec, criteria: criteria.length, p50: q(0.5), p99: q(0.99) };
}

async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
