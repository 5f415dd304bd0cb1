import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadRuntimeConfig } from '@customs/config';
import { createLogger } from '@customs/logging';
import { createApp } from './app';

/** API process: validates the environment, listens on `PORT` (default 3000). */
async function main(): Promise<void> {
  const config = loadRuntimeConfig();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  new Logger('Api').log(`api: listening on http://127.0.0.1:${config.port}/api (docs at /api/docs)`);
}

main().catch((err) => {
  // The configuration may be what failed: a logger with the defaults.
  createLogger({ service: 'api' }).fatal({ err }, `api failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
