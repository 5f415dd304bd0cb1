import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DEMO_USERS } from '@customs/identity';
import { login } from '../auth/login';

/**
 * `npm run export:training -- <out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--api URL] [--user NAME]`
 *
 * Downloads the labelled inspection results from `GET /api/inspection-results/export.csv`
 * (Postgres, through the API) into `<out.csv>`: the KCS training layout (22 columns including
 * Fraud and Critical Fraud) plus a trailing `Selection Basis` column. The file is written under a
 * temporary name and renamed when complete, so a failed run leaves no half-written file.
 * Ends with one JSON line on stdout: `{"file":"...","rows":N,"from":...,"to":...}`.
 *
 * Authentication: the bearer token in `API_TOKEN`, else a login as `--user` (default the demo
 * auditor `auditor-han`; analysts and auditors may export) with the demo password or `--password`.
 * Exits 1 when the API refuses or is unreachable, 2 on bad arguments.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let out = '';
  let from: string | undefined;
  let to: string | undefined;
  let api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  let user = 'auditor-han';
  let password: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--from') from = argv[++i];
    else if (a === '--to') to = argv[++i];
    else if (a === '--api') api = argv[++i] ?? '';
    else if (a === '--user') user = argv[++i] ?? '';
    else if (a === '--password') password = argv[++i];
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (!out) out = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!out) usage('missing output file');
  for (const [name, value] of [['--from', from], ['--to', to]] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) usage(`${name} must be a date YYYY-MM-DD, got ${value}`);
  }
  api = api.replace(/\/$/, '');
  let token = process.env.API_TOKEN;
  if (!token) {
    const pw = password ?? DEMO_USERS.find((u) => u.username === user)?.password;
    if (pw === undefined) usage(`${user} is not a demo user; pass --password or API_TOKEN`);
    token = (await login(api, user, pw)).accessToken;
  }
  const query = new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) });
  const res = await fetch(`${api}/api/inspection-results/export.csv?${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { message?: unknown };
    throw new Error(`export refused (HTTP ${res.status}): ${JSON.stringify(body.message ?? res.statusText)}`);
  }
  const target = path.resolve(out);
  const partial = `${target}.partial-${process.pid}`;
  try {
    await pipeline(Readable.fromWeb(res.body as WebReadableStream), fs.createWriteStream(partial));
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  const lines = fs.readFileSync(target, 'utf8').split('\n').filter((l) => l !== '').length;
  process.stdout.write(JSON.stringify({ file: target, rows: Math.max(0, lines - 1), from: from ?? null, to: to ?? null }) + '\n');
}

function usage(problem: string): never {
  process.stderr.write(
    `export:training: ${problem}\nusage: npm run export:training -- <out.csv> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--api http://127.0.0.1:3000] [--user auditor-han] [--password PW]\n`,
  );
  process.exit(2);
}

main().catch((err) => {
  process.stderr.write(`export:training failed: ${(err as Error).message}\n`);
  process.exit(1);
});
