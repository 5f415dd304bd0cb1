import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';

/**
 * TypeORM options shared by the API, the worker and the migration tool (which adds the
 * migrations of `migrations/`).
 * `synchronize` stays off: the schema changes only through `migrations/`.
 * @param databaseUrl PostgreSQL connection string.
 * @param poolSize maximum pooled connections (default 10).
 */
export function dataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn'],
    extra: { max: poolSize },
  };
}
