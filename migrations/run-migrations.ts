import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@customs/persistence';
import { MIGRATIONS } from './index';

/**
 * Applies every pending migration under a PostgreSQL advisory lock, so several API
 * replicas or a CI run and a developer can start at once without racing.
 * @returns the names of the migrations applied (empty when the schema was current).
 * @throws the database error when a migration fails (its transaction is rolled back).
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl, 2), migrations: MIGRATIONS });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await ds.destroy();
  }
}

/** Arbitrary constant key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 724_001;
