import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { loadRuntimeConfig } from '@customs/config';

const ROOT = path.resolve(__dirname, '../..');

/** The migrated schema is exactly what the entities describe, and append-only tables stay so. */
describe('database schema (e2e)', () => {
  it('has no drift between the TypeORM entities and the migrations (npm run db:check)', async () => {
    // On drift the CLI exits non-zero and prints the statements that would remove it: shown in the failure.
    const stdout = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', 'node_modules/typeorm/cli.js', 'migration:generate', '--check', '-d', 'migrations/data-source.ts', 'migrations/drift'],
      { cwd: ROOT, env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') }, timeout: 60_000 },
    ).then((r) => r.stdout, (err: { stdout?: string; message: string }) => `${err.message}\n${err.stdout ?? ''}`);
    expect(stdout).toMatch(/No changes in database schema were found/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the append-only tables', async () => {
    // Each table gets a throw-away row inside a transaction that is rolled back at the end,
    // so the row-level triggers have something to fire on and nothing is left behind.
    const rows: Record<string, { insert: string; update: string }> = {
      decision_record: {
        insert: `INSERT INTO decision_record (declaration_id, declaration_hash, office_id, lane, risk_score, control_sample, record)
                 VALUES ('SCHEMATEST', repeat('0', 64), '40', 'GREEN', 0.1, false, '{}')`,
        update: `UPDATE decision_record SET lane = 'RED' WHERE declaration_id = 'SCHEMATEST'`,
      },
      case_event: {
        insert: `INSERT INTO case_event (case_id, seq, type, actor, payload, occurred_at) VALUES ('schema-test', 1, 'OPENED', 'system', '{}', now())`,
        update: `UPDATE case_event SET actor = 'someone' WHERE case_id = 'schema-test'`,
      },
      selectivity_criterion: {
        insert: `INSERT INTO selectivity_criterion (id, version, scope, office_id, lane, status, valid_from, valid_to, definition, source)
                 VALUES ('SCHEMA-TEST', 1, 'CENTRAL', NULL, 'RED', 'ACTIVE', '2020-01-01', '2099-12-31', '{}', 'test')`,
        update: `UPDATE selectivity_criterion SET status = 'RETIRED' WHERE id = 'SCHEMA-TEST'`,
      },
      criterion_approval: {
        insert: `INSERT INTO selectivity_criterion (id, version, scope, office_id, lane, status, valid_from, valid_to, definition, source)
                 VALUES ('SCHEMA-TEST', 1, 'CENTRAL', NULL, 'RED', 'ACTIVE', '2020-01-01', '2099-12-31', '{}', 'test');
                 INSERT INTO criterion_approval (criterion_id, version, approved_by) VALUES ('SCHEMA-TEST', 1, 'checker')`,
        update: `UPDATE criterion_approval SET approved_by = 'someone else' WHERE criterion_id = 'SCHEMA-TEST'`,
      },
    };
    // As the schema owner: the app's login (DATABASE_URL) is refused these by privilege before any trigger fires (audit-trail spec).
    const db = new Pool({ connectionString: loadRuntimeConfig().databaseOwnerUrl, max: 1 });
    const client = await db.connect();
    try {
      for (const [table, sql] of Object.entries(rows)) {
        await client.query('BEGIN');
        await client.query(sql.insert);
        for (const [op, statement] of [['UPDATE', sql.update], ['DELETE', `DELETE FROM ${table}`], ['TRUNCATE', `TRUNCATE ${table} CASCADE`]]) {
          await client.query('SAVEPOINT attempt');
          // CASCADE reaches the tables that reference this one; whichever trigger fires first refuses.
          const refusal = op === 'TRUNCATE' ? /is append-only: TRUNCATE refused/ : `${table} is append-only: ${op} refused`;
          await expect(client.query(statement)).rejects.toThrow(refusal);
          await client.query('ROLLBACK TO SAVEPOINT attempt');
        }
        await client.query('ROLLBACK');
      }
    } finally {
      client.release();
      await db.end();
    }
  });
});
