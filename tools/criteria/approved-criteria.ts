/**
 * Criteria through the API's maker-checker path, for the tools that need some in force (the demo
 * load of `npm start`, the benchmark): written by one analyst, approved by another.
 */

/** A criterion as `POST /api/criteria` takes it: without `version` (the API numbers versions). */
export type CriterionBody = { id: string } & Record<string, unknown>;

/** What {@link ensureApprovedCriteria} did, by criterion id. */
export interface EnsuredCriteria {
  /** Written now as version 1 (and approved). */
  created: string[];
  /** Found awaiting approval and approved now. */
  approved: string[];
  /** Found with an approved version: left as they are. */
  existing: string[];
}

/**
 * Makes sure each criterion has an approved version: an unknown id is written by `maker` and
 * approved by `checker`; a known one whose newest version awaits approval is approved; a known one
 * with an approved version is left alone (its definition is not compared). Safe to run again.
 * Screening picks up new approvals within 2 s (the API's engine refresh); wait that long before
 * relying on them when `created` or `approved` is not empty.
 * @param api base URL, e.g. `http://127.0.0.1:3000`
 * @param maker bearer token of the author (a CBTC analyst for central criteria)
 * @param checker bearer token of another user who may approve (a second CBTC analyst)
 * @throws Error naming the request and the API's answer when a read, write or approval fails.
 */
export async function ensureApprovedCriteria(api: string, maker: string, checker: string, criteria: readonly CriterionBody[]): Promise<EnsuredCriteria> {
  const done: EnsuredCriteria = { created: [], approved: [], existing: [] };
  for (const criterion of criteria) {
    const known = await call(api, maker, 'GET', `/api/criteria/${criterion.id}`, undefined, [404]);
    const versions = (known?.versions ?? []) as Array<{ version: number; approved: boolean }>;
    if (versions.some((v) => v.approved)) {
      done.existing.push(criterion.id);
      continue;
    }
    let version = versions.reduce((n, v) => Math.max(n, v.version), 0);
    if (version === 0) version = (await call(api, maker, 'POST', '/api/criteria', criterion))!.version as number;
    await call(api, checker, 'POST', `/api/criteria/${criterion.id}/versions/${version}/approve`);
    (versions.length === 0 ? done.created : done.approved).push(criterion.id);
  }
  return done;
}

/** One JSON request; null for an answer in `absent` (e.g. 404), else the body. @throws Error on any other status >= 300. */
async function call(api: string, token: string, method: string, path: string, body?: unknown, absent: number[] = []): Promise<Record<string, unknown> | null> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (absent.includes(res.status)) return null;
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}
