import { readDeclarationFile } from '@customs/io';
import { DEFAULT_SERVICE_USER, login } from '../auth/login';
import { postWithRetry } from '../http/post-with-retry';

/**
 * `npm run history:import -- <file.csv>... [--api URL]`
 *
 * Imports the labelled outcomes of KCS-format CSV files (the Fraud / Critical Fraud columns)
 * into the supply-chain history through `POST /api/supply-chain/outcomes`, 1,000 per request.
 * These are results of the past: the model reads them only for declarations dated after them.
 * Idempotent (the API keeps the first outcome per declaration id). Rows without valid labels
 * or with an invalid declaration are counted and skipped. Prints one JSON line:
 * `{"files":N,"rows":N,"imported":N,"alreadyKnown":N,"skipped":N,"seconds":S}`.
 * Authentication as `npm run ingest` (API_TOKEN, else the service demo user).
 * Exits 1 when the API refuses or stays unreachable, 2 on bad arguments.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let api = process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--api') api = argv[++i] ?? '';
    else files.push(argv[i]);
  }
  if (files.length === 0 || !api) {
    process.stderr.write('usage: npm run history:import -- <file.csv>... [--api http://127.0.0.1:3000]\n');
    process.exit(2);
  }
  const token = process.env.API_TOKEN || (await login(api, DEFAULT_SERVICE_USER.username, DEFAULT_SERVICE_USER.password)).accessToken;
  const started = Date.now();
  const totals = { files: files.length, rows: 0, imported: 0, alreadyKnown: 0, skipped: 0 };
  let batch: unknown[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const res = await postWithRetry(`${api}/api/supply-chain/outcomes`, { outcomes: batch }, `Bearer ${token}`, {
      attempts: 6,
      retryable: (status) => status >= 500 || status === 429,
    });
    if (!res.ok) throw new Error(`POST /api/supply-chain/outcomes failed: HTTP ${res.status} ${await res.text()}`);
    const r = (await res.json()) as { received: number; inserted: number };
    totals.imported += r.inserted;
    totals.alreadyKnown += r.received - r.inserted;
    batch = [];
  };
  for (const file of files) {
    for await (const item of readDeclarationFile(file)) {
      totals.rows += 1;
      if ('error' in item || !item.labels) {
        totals.skipped += 1;
        continue;
      }
      batch.push({ declaration: item.declaration, fraud: item.labels.fraud, criticalFraud: item.labels.criticalFraud });
      if (batch.length >= 1000) await flush();
    }
  }
  await flush();
  process.stdout.write(JSON.stringify({ ...totals, seconds: Math.round((Date.now() - started) / 10) / 100 }) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`history:import: ${e.message}\n`);
  process.exit(1);
});
