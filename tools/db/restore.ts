import * as fs from 'node:fs';
import { Client } from 'pg';
import { loadRuntimeConfig } from '@customs/config';
import { runningStackEnv } from '../stack/running-stack';
import { APP_ROLE } from '@customs/persistence';
import { databaseName, pgProgram, runPgProgram } from './pg-client';

/**
 * `npm run restore -- <file>`: restores a `npm run backup` file with pg_restore into the schema
 * owner's database (`DATABASE_OWNER_URL`, default `DATABASE_URL`), which must be empty (create it
 * first, e.g. `CREATE DATABASE customs_restored`): a restore never mixes with existing data.
 * One transaction, stopping at the first error, so a failed restore leaves the database empty.
 * Creates the role `customs_app` when the server lacks it (the dump grants to it); object
 * owners are kept, so the dump's owner role must exist on the server.
 * Exits 1 when pg_restore fails, 2 on a missing file or a database that is not empty.
 */
async function main(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('usage: npm run restore -- <file>');
    return 2;
  }
  const file = args[0];
  if (!fs.existsSync(file)) {
    console.error(`restore: ${file} does not exist`);
    return 2;
  }
  const config = loadRuntimeConfig(runningStackEnv());
  const target = databaseName(config.databaseOwnerUrl);
  const client = new Client({ connectionString: config.databaseOwnerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
       WHERE s.nspname NOT IN ('pg_catalog', 'information_schema') AND s.nspname NOT LIKE 'pg_toast%' AND s.nspname NOT LIKE 'pg_temp%'`,
    );
    if (rows[0].n > 0) {
      console.error(`restore: database ${target} is not empty (${rows[0].n} relations); restore into a new, empty database`);
      return 2;
    }
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN CREATE ROLE ${APP_ROLE} NOLOGIN; END IF;
    END $$`);
  } finally {
    await client.end();
  }
  const code = await runPgProgram(pgProgram('pg_restore', config.pgBinDir),
    ['--exit-on-error', '--single-transaction', `--dbname=${config.databaseOwnerUrl}`, file]);
  if (code !== 0) {
    console.error(`restore: pg_restore into ${target} failed (exit ${code}); nothing was restored`);
    return 1;
  }
  console.log(`restore: ${file} -> ${target}; check it with npm run audit:verify`);
  return 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(`restore: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
