import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Pool } from 'pg';
import { loadRuntimeConfig, type RuntimeConfig } from '@customs/config';
import { createApp } from '../../apps/api/src/app';
import { createCaseWorker } from '../../apps/worker/src/worker';

/** A running API (listening on a free port) and case worker on the real services. */
export interface E2eStack {
  config: RuntimeConfig;
  app: INestApplication;
  /** Base URL of the listening API, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Direct SQL on the system's database, for asserting on rows. */
  db: Pool;
  /** Temporal client, for asserting on workflows. */
  temporal: Client;
  stop(): Promise<void>;
}

/**
 * Boots the API and a worker in-process against `DATABASE_URL` and `TEMPORAL_ADDRESS`
 * (set by `npm test`), on a task queue of their own so suites never steal each other's cases.
 * @throws when the environment lacks the services (run the tests with `npm test`).
 */
export async function startE2eStack(overrides: Partial<RuntimeConfig> = {}): Promise<E2eStack> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config: RuntimeConfig = {
    ...loadRuntimeConfig(process.env),
    port: 0,
    taskQueue: `e2e-${randomBytes(4).toString('hex')}`,
    ...overrides,
  };
  const { worker, close } = await createCaseWorker(config);
  const running = worker.run();
  const app = await createApp(config);
  app.useLogger(['error']);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const db = new Pool({ connectionString: config.databaseUrl, max: 2 });
  const connection = await Connection.connect({ address: config.temporalAddress });
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  return {
    config,
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    temporal,
    async stop() {
      await app.close();
      worker.shutdown();
      await running;
      await close();
      await connection.close();
      await db.end();
    },
  };
}

/** A declaration id no other test run uses (digits and letters, <= 20 characters). */
export function uniqueDeclarationId(): string {
  return `E${Date.now().toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
}

/** Polls `check` every 100 ms until it returns a value other than undefined. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
