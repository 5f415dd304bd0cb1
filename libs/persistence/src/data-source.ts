import { DataSource } from 'typeorm';
import { loadRuntimeConfig } from '@customs/config';
import { dataSourceOptions } from './data-source-options';

/**
 * The one DataSource the TypeORM CLI uses (`npm run db:check` runs
 * `migration:generate --check` against it to catch drift between entities and schema).
 */
export default new DataSource(dataSourceOptions(loadRuntimeConfig().databaseUrl, 2));
