import { SingleBar, Presets } from 'cli-progress';
import * as fs from 'node:fs';
import { readDeclarationFile } from '@customs/io';
import { type Declaration } from '@customs/domain';
import { Credential } from './credential';
import { postExpressManifest } from './express-ingest';
import { annotateErrors, readExpressManifestFile, type ManifestFromFile } from './express-manifest-file';
import { postWithRetry } from '../http/post-with-retry';

/**
 * `npm run ingest -- <file> [--api URL] [--batch N]`
 * `npm run ingest -- --express <manifest.json> [--api URL]`
 *
 * Reads a KCS-format CSV (with or without BOM) or NDJSON file of declarations, sends them
 * to `POST /api/declarations/batch` in batches, shows a progress bar on stderr, reports
 * every refused row on stderr as `row N: reason`, and ends with exactly one JSON line on
 * stdout:
 * `{"received":N,"green":N,"yellow":N,"red":N,"rejected":N,"casesStarted":N,"seconds":S}`.
 *
 * `casesStarted` counts the inspection cases this run opened: their starts are queued with the
 * decisions (the API's case-start outbox) and the workflows follow within moments.
 *
 * A bad row is refused with its row number and reason; the other rows go on. Re-ingesting
 * a file gives the same decisions and starts no new cases (the API is idempotent on the
 * declaration id). Transient failures (network, 5xx) are retried with back-off.
 *
 * With `--express`, the file is one express cargo manifest (JSON: the manifest itself, or a file of
 * tools/synthetic with `{notice, generator, manifest, planted}`), sent to
 * `POST /api/express/manifests` as one request (up to 20,000 waybills, at most the API's 10 MB
 * body limit). It ends with exactly one JSON line on stdout:
 * `{"manifestId":"...","received":N,"release":N,"xrayFlagged":N,"intrusiveInspection":N,"duplicates":N,"casesStarted":N,"seconds":S}`.
 * Re-ingesting it is harmless: the API is idempotent per waybill (`duplicates` counts the waybills
 * screened before, `casesStarted` only new cases). A manifest the API refuses writes nothing:
 * stderr names every problem by its path (`waybills[3].grossWeightKg ... (waybill HX...)`) and
 * the exit code is 3 (400 invalid, 409 conflicting re-send, 413 too large).
 *
 * Authentication: the bearer token in `API_TOKEN`, else a login as the service identity
 * `INGEST_USERNAME` / `INGEST_PASSWORD` (default: the demo user `svc-ingest`), renewed
 * once if it expires during a long run.
 * Exits 1 when the API stays unreachable or refuses the login, 2 on bad arguments, 3 when an
 * express manifest is refused.
 */

interface Totals {
  received: number;
  green: number;
  yellow: number;
  red: number;
  rejected: number;
  casesStarted: number;
}

interface Pending {
  rowNumber: number;
  declaration: Declaration;
}

interface BatchResponse {
  results: Array<{ lane: 'GREEN' | 'YELLOW' | 'RED'; caseStarted: boolean }>;
}

interface ItemErrors {
  message: string;
  errors?: Array<{ index: number; message: string }>;
}

const MAX_ATTEMPTS = 8;

async function main(): Promise<void> {
  const { file, api, batchSize, express } = parseArgs(process.argv.slice(2));
  const credential = new Credential(api);
  if (express) return ingestExpress(file, api, credential);
  await credential.header(); // fail fast on a refused login, before reading the file
  const started = Date.now();
  const totals: Totals = { received: 0, green: 0, yellow: 0, red: 0, rejected: 0, casesStarted: 0 };
  const bar = new SingleBar({ format: 'ingest [{bar}] {value}/{total} rows | {eta_formatted} left', stream: process.stderr, noTTYOutput: false }, Presets.shades_classic);
  bar.start(countDataRows(file), 0);

  const reject = (rowNumber: number, reason: string) => {
    totals.rejected += 1;
    bar.increment();
    process.stderr.write(`\nrow ${rowNumber}: ${reason}\n`);
  };

  let batch: Pending[] = [];
  const flush = async () => {
    if (batch.length > 0) await sendBatch(api, credential, batch, totals, reject, () => bar.increment());
    batch = [];
  };
  for await (const item of readDeclarationFile(file)) {
    totals.received += 1;
    if ('error' in item) {
      reject(item.rowNumber, item.error);
      continue;
    }
    batch.push({ rowNumber: item.rowNumber, declaration: item.declaration });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  bar.setTotal(totals.received);
  bar.stop();
  const seconds = Math.round((Date.now() - started) / 10) / 100;
  process.stdout.write(JSON.stringify({ ...totals, seconds }) + '\n');
}

/** `--express`: one manifest, one request; the summary on stdout, or the refusal on stderr and exit code 3. */
async function ingestExpress(file: string, api: string, credential: Credential): Promise<void> {
  let read: ManifestFromFile;
  try {
    read = readExpressManifestFile(file);
  } catch (err) {
    usage((err as Error).message);
  }
  await credential.header(); // fail fast on a refused login
  const started = Date.now();
  process.stderr.write(`ingest: sending express manifest ${read.manifestId ?? '(no id)'} with ${read.waybillNumbers.length} waybills\n`);
  const outcome = await postExpressManifest(api, credential, read.manifest);
  if (outcome.kind === 'refused') {
    process.stderr.write(`ingest: manifest ${read.manifestId ?? '(no id)'} refused (HTTP ${outcome.status}); nothing was screened\n`);
    const lines = outcome.errors.length > 0 ? annotateErrors(outcome.errors, read.waybillNumbers) : [outcome.message];
    for (const line of lines) process.stderr.write(`${line}\n`);
    process.exitCode = 3;
    return;
  }
  const seconds = Math.round((Date.now() - started) / 10) / 100;
  process.stdout.write(JSON.stringify({ ...outcome.summary, seconds }) + '\n');
}

/**
 * Sends one batch; rows the API refuses (400 invalid, 409 conflicting re-send) are
 * reported and the rest re-sent, so one bad row never holds back the others.
 */
async function sendBatch(api: string, credential: Credential, rows: Pending[], totals: Totals, reject: (row: number, reason: string) => void, done: () => void): Promise<void> {
  let pending = rows;
  let renewed = false;
  while (pending.length > 0) {
    const res = await postWithRetry(`${api}/api/declarations/batch`, { declarations: pending.map((p) => p.declaration) }, await credential.header(), { attempts: MAX_ATTEMPTS });
    if (res.status === 401 && !renewed && credential.renew()) {
      renewed = true;
      continue;
    }
    if (res.status === 401 || res.status === 403) {
      const body = (await res.json().catch(() => ({ message: res.statusText }))) as ItemErrors;
      throw new Error(`the API refused the ingest identity (HTTP ${res.status}): ${body.message}`);
    }
    if (res.status === 200) {
      const body = (await res.json()) as BatchResponse;
      for (const r of body.results) {
        if (r.lane === 'GREEN') totals.green += 1;
        else if (r.lane === 'YELLOW') totals.yellow += 1;
        else totals.red += 1;
        if (r.caseStarted) totals.casesStarted += 1;
        done();
      }
      return;
    }
    const body = (await res.json().catch(() => ({ message: res.statusText }))) as ItemErrors;
    if ((res.status === 400 || res.status === 409) && Array.isArray(body.errors) && body.errors.length > 0) {
      const refused = new Set<number>();
      for (const e of body.errors) {
        refused.add(e.index);
        reject(pending[e.index].rowNumber, e.message);
      }
      pending = pending.filter((_, i) => !refused.has(i));
      continue;
    }
    // A refusal of the whole batch that names no row (should not happen): refuse each row with the reason.
    for (const p of pending) reject(p.rowNumber, `HTTP ${res.status}: ${body.message}`);
    return;
  }
}

/** Data rows in the file, for the progress bar (lines minus a CSV header). */
function countDataRows(file: string): number {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  return /\.(nd)?jsonl?$/i.test(file) ? lines : Math.max(0, lines - 1);
}

function parseArgs(argv: string[]): { file: string; api: string; batchSize: number; express: boolean } {
  let file = '';
  let express = false;
  let batchGiven = false;
  let api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  let batchSize = 500;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--api') api = argv[++i] ?? '';
    else if (a === '--batch') {
      batchSize = Number(argv[++i]);
      batchGiven = true;
    } else if (a === '--express') express = true;
    else if (!file) file = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!file) usage('missing file');
  if (express && batchGiven) usage('--batch does not apply to --express (a manifest is sent as one request)');
  if (!fs.existsSync(file)) usage(`no such file: ${file}`);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) usage('--batch must be a whole number from 1 to 10000');
  return { file, api: api.replace(/\/$/, ''), batchSize, express };
}

function usage(problem: string): never {
  process.stderr.write(`ingest: ${problem}\nusage: npm run ingest -- <file.csv|file.ndjson> [--api http://127.0.0.1:3000] [--batch 500]\n       npm run ingest -- --express <manifest.json> [--api http://127.0.0.1:3000]\n`);
  process.exit(2);
}

main().catch((err) => {
  process.stderr.write(`\ningest failed: ${(err as Error).message}\n`);
  process.exit(1);
});
