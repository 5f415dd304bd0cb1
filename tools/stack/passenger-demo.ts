import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SERVICE_USER, login } from '../auth/login';

/**
 * The passenger part of `npm start`'s demo load (tools/stack/stack.mjs up, after the express demo):
 *
 *   node -r @swc-node/register tools/stack/passenger-demo.ts [passenger-sample.json]
 *
 * Sends the synthetic passenger sample (default `e2e/fixtures/passenger-sample.json`: three
 * flights arriving at Incheon, office 40, with their PNR bookings) as the ingest service, in the
 * order the data come in real life: the PNRs an hour before arrival (`POST /api/passengers/pnr`),
 * then the APIS lists (`POST /api/passengers/apis`), in lists of at most 1,000. The seed
 * drug-courier criterion (CEN-DRG-101) selects the planted couriers for the arrival-hall queue
 * (`/passengers`; names visible only to `paxdesk-40`). Safe on every restart: re-sent records are
 * answered from the stored screenings. Environment: `API_URL` (default `http://127.0.0.1:$PORT`,
 * port 3000). Exits 1 when a step fails.
 */
async function main(): Promise<void> {
  const api = (process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
  const file = process.argv[2] ?? path.resolve(__dirname, '../../e2e/fixtures/passenger-sample.json');
  const sample = JSON.parse(readFileSync(file, 'utf8')) as { apis: unknown[]; pnrs: unknown[] };
  const { accessToken } = await login(api, DEFAULT_SERVICE_USER.username, DEFAULT_SERVICE_USER.password);
  let stored = 0;
  for (const pnrs of chunks(sample.pnrs, 1000)) stored += (await post<{ stored: number }>(api, accessToken, '/api/passengers/pnr', { pnrs })).stored;
  const summary = { received: 0, selected: 0, duplicates: 0, casesStarted: 0 };
  for (const passengers of chunks(sample.apis, 1000)) {
    const s = (await post<{ summary: typeof summary }>(api, accessToken, '/api/passengers/apis', { passengers })).summary;
    for (const k of Object.keys(summary) as Array<keyof typeof summary>) summary[k] += s[k];
  }
  say(
    `${sample.pnrs.length} PNRs (${stored} new), ${summary.received} passengers screened, ${summary.selected} selected` +
      `${summary.duplicates === summary.received ? ' (screened before)' : `, ${summary.casesStarted} cases started`}; arrival-hall queue of office 40 at /passengers`,
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** POSTs JSON with the bearer token. @throws Error with the API's status and message on any non-2xx answer. */
async function post<T>(api: string, token: string, route: string, body: unknown): Promise<T> {
  const res = await fetch(`${api}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { message?: unknown };
  if (!res.ok) throw new Error(`${route} answered ${res.status}: ${JSON.stringify(answer.message ?? answer).slice(0, 400)}`);
  return answer;
}

function say(line: string): void {
  process.stdout.write(`passenger demo: ${line}\n`);
}

main().catch((err) => {
  process.stderr.write(`passenger demo failed: ${(err as Error).message}\n`);
  process.exit(1);
});
