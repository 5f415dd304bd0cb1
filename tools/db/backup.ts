import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRuntimeConfig } from '@customs/config';
import { runningStackEnv } from '../stack/running-stack';
import { databaseName, pgProgram, runPgProgram } from './pg-client';

/**
 * `npm run backup [-- <file>]`: dumps the schema owner's database (`DATABASE_OWNER_URL`, default
 * `DATABASE_URL`) with PostgreSQL's own pg_dump in custom format (compressed, for pg_restore),
 * to `<file>` or `backups/<UTC timestamp>.dump` (git-ignored). Prints the file and its size.
 * Exits 1 when pg_dump fails (its message above), 2 on bad arguments.
 */
async function main(args: string[]): Promise<number> {
  if (args.length > 1) {
    console.error('usage: npm run backup [-- <file>]');
    return 2;
  }
  const config = loadRuntimeConfig(runningStackEnv());
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(args[0] ?? path.join('backups', `${stamp}.dump`));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const code = await runPgProgram(pgProgram('pg_dump', config.pgBinDir), ['--format=custom', `--file=${file}`, `--dbname=${config.databaseOwnerUrl}`]);
  if (code !== 0) {
    console.error(`backup: pg_dump of ${databaseName(config.databaseOwnerUrl)} failed (exit ${code})`);
    fs.rmSync(file, { force: true });
    return 1;
  }
  console.log(`backup: ${databaseName(config.databaseOwnerUrl)} -> ${file} (${fs.statSync(file).size} bytes)`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`backup: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
