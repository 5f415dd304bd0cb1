import { loadRuntimeConfig } from '@customs/config';
import { runningStackEnv } from '../stack/running-stack';
import { runMigrations } from '@customs/migrations';

/** `npm run db:migrate`: applies pending migrations as the schema owner (`DATABASE_OWNER_URL`, default `DATABASE_URL`). Exits 1 on failure. */
runMigrations(loadRuntimeConfig(runningStackEnv()).databaseOwnerUrl)
  .then((applied) => console.log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'schema is current'))
  .catch((err) => {
    console.error('migration failed:', err);
    process.exit(1);
  });
