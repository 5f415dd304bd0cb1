import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';
import { verifyAuditChains, type ChainReport } from '@customs/persistence';

const ROOT = path.resolve(__dirname, '../..');

/** A new, empty database on the test server, for tests that must not touch the shared one. */
export interface ScratchDatabase {
  name: string;
  /** Its URL as the schema owner (the server's superuser in the embedded stack). */
  ownerUrl: string;
  /** Its URL as the application's login (`customs_api`, member of `customs_app`). */
  appUrl: string;
  /** Drops it (closing its connections). */
  drop(): Promise<void>;
}

/**
 * Creates an empty database next to the test database.
 * @param ownerUrl the test database's owner URL (`DATABASE_OWNER_URL`); the new one shares its server and credentials.
 * @param appUrl the test database's application URL (`DATABASE_URL`).
 */
export async function createScratchDatabase(ownerUrl: string, appUrl: string, prefix = 'scratch'): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: ownerUrl, max: 1 });
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const withName = (url: string) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  return {
    name,
    ownerUrl: withName(ownerUrl),
    appUrl: withName(appUrl),
    async drop() {
      const pool = new Pool({ connectionString: ownerUrl, max: 1 });
      await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await pool.end();
    },
  };
}

/** Result of a TypeScript tool run as its own process. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a repository script (`tools/...ts`) with `node -r @swc-node/register`, as `npm run` does.
 * @param env variables added to the test's environment (e.g. `DATABASE_URL`).
 * @returns exit code and output; never throws for a non-zero exit.
 */
export async function runTool(script: string, args: string[], env: Record<string, string>): Promise<ToolRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', script, ...args], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** `verifyAuditChains` on the database at `url`, in a session of its own. */
export async function verifyChainsAt(url: string): Promise<ChainReport[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await verifyAuditChains(client);
  } finally {
    await client.end();
  }
}
