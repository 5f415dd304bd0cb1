import { DataSource } from 'typeorm';
import { loadRuntimeConfig } from '@customs/config';
import { dataSourceOptions } from '@customs/persistence';
import { MIGRATIONS } from './index';

/**
 * The one DataSource the TypeORM CLI uses (`npm run db:check` runs
 * `migration:generate --check` against it to catch drift between entities and schema), as the
 * schema owner (`DATABASE_OWNER_URL`).
 */
export default new DataSource({ ...dataSourceOptions(loadRuntimeConfig().databaseOwnerUrl, 2), migrations: MIGRATIONS });
