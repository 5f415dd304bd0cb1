import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { IllegalStateError } from '@temporalio/common';
import { Runtime, type Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { loadRuntimeConfig, type RuntimeConfig } from '@customs/config';
import { createApp } from '@customs/api';
import { DEMO_USERS } from '@customs/identity';
import { createLogger, temporalRuntimeLogging } from '@customs/logging';
import { createCaseWorker } from '@customs/worker';

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
  /**
   * Shuts the in-process case worker down (graceful: running tasks finish, nothing new is
   * polled) and closes its connections, as a crashed or redeployed worker would leave the
   * cases: their workflows wait on the server until `startWorker`. No-op when already stopped.
   */
  stopWorker(): Promise<void>;
  /** Starts a new case worker on the same task queue (after `stopWorker`); it replays what it picks up. */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Boots the API and a worker in-process against `DATABASE_URL` and `TEMPORAL_ADDRESS`
 * (set by `npm test`), on a task queue of their own so suites never steal each other's cases.
 * @throws when the environment lacks the services (run the tests with `npm test`).
 */
export async function startE2eStack(
  overrides: Partial<RuntimeConfig> = {},
  options: {
    workerProcess?: boolean;
    /** Where the API's log lines go instead of stdout (a test reading them); its level is `overrides.log` (default error). */
    logDestination?: DestinationStream;
  } = {},
): Promise<E2eStack> {
  installRuntime();
  const config: RuntimeConfig = {
    ...loadRuntimeConfig(process.env),
    port: 0,
    taskQueue: `e2e-${randomBytes(4).toString('hex')}`,
    // Quiet tests: errors only, as JSON, unless a suite asks for more.
    log: { format: 'json', level: 'error' },
    ...overrides,
  };
  let current: { worker: Worker; running: Promise<void>; close: () => Promise<void> } | null = null;
  let child: ChildProcess | null = null;
  const startWorker = async () => {
    if (current || child) throw new Error('the case worker is already running');
    if (options.workerProcess) {
      child = await spawnWorkerProcess(config);
      return;
    }
    const { worker, close } = await createCaseWorker(config);
    current = { worker, running: worker.run(), close };
  };
  const stopWorker = async () => {
    if (child) {
      // kill -9: no graceful shutdown, as a crashed host would leave it.
      const dying = child;
      child = null;
      await new Promise<void>((resolve) => {
        dying.once('exit', () => resolve());
        dying.kill('SIGKILL');
      });
      return;
    }
    if (!current) return;
    const { worker, running, close } = current;
    current = null;
    worker.shutdown();
    await running;
    await close();
  };
  await startWorker();
  const app = await createApp(config, { logDestination: options.logDestination });
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
    stopWorker,
    startWorker,
    async stop() {
      await app.close();
      await stopWorker();
      await connection.close();
      await db.end();
    },
  };
}

/**
 * Installs the Temporal SDK runtime with the worker's JSON-line logger at WARN, unless this test file already has one
 * (a suite that starts a time-skipping test server first gets the runtime that server made).
 */
export function installRuntime(): void {
  try {
    Runtime.install({ ...temporalRuntimeLogging(createLogger({ service: 'worker', level: 'warn' })) });
  } catch (err) {
    if (!(err instanceof IllegalStateError)) throw err;
  }
}

/** supertest bound to the API with one user's bearer token on every request. */
export interface AuthorisedHttp {
  get(url: string): request.Test;
  post(url: string): request.Test;
  /** `{ authorization: 'Bearer ...' }`, for requests built by hand. */
  headers: { authorization: string };
  user: { id: string; role: string; officeId: string | null };
}

const tokens = new WeakMap<E2eStack, Map<string, { accessToken: string; user: AuthorisedHttp['user'] }>>();

/**
 * Logs a demo user (README, "Demo users") in through `POST /api/auth/token` (once per stack)
 * and returns supertest with their token set.
 * @throws when the user is unknown or the login is refused.
 */
export async function loginAs(stack: E2eStack, username: string): Promise<AuthorisedHttp> {
  let cache = tokens.get(stack);
  if (!cache) tokens.set(stack, (cache = new Map()));
  let login = cache.get(username);
  if (!login) {
    const demo = DEMO_USERS.find((u) => u.username === username);
    if (!demo) throw new Error(`${username} is not a demo user`);
    const res = await request(stack.app.getHttpServer()).post('/api/auth/token').send({ username, password: demo.password });
    if (res.status !== 200) throw new Error(`login as ${username} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    login = { accessToken: res.body.accessToken as string, user: res.body.user };
    cache.set(username, login);
  }
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const server = stack.app.getHttpServer();
  return {
    get: (url) => request(server).get(url).set(headers),
    post: (url) => request(server).post(url).set(headers),
    headers,
    user: login.user,
  };
}

/**
 * Starts the real worker entry point (`apps/worker/src/main.ts`) as a separate process on the
 * stack's task queue and waits until it polls.
 * @throws when it exits or does not poll within 60 s.
 */
async function spawnWorkerProcess(config: RuntimeConfig): Promise<ChildProcess> {
  const root = path.resolve(__dirname, '../..');
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'),
      DATABASE_URL: config.databaseUrl,
      TEMPORAL_ADDRESS: config.temporalAddress,
      TEMPORAL_NAMESPACE: config.temporalNamespace,
      TEMPORAL_TASK_QUEUE: config.taskQueue,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`worker process did not start polling within 60 s:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('polling task queue')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}:\n${output}`));
    });
  });
  proc.stdout!.resume();
  proc.stderr!.resume();
  return proc;
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
