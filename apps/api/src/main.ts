import 'reflect-metadata';
import { loadRuntimeConfig } from '@customs/config';
import { createApp } from './app';

/** API process: validates the environment, listens on `PORT` (default 3000). */
async function main(): Promise<void> {
  const config = loadRuntimeConfig();
  const app = await createApp(config);
  await app.listen(config.port, '0.0.0.0');
  console.log(`api: listening on http://127.0.0.1:${config.port}/api (docs at /api/docs)`);
}

main().catch((err) => {
  console.error('api failed:', err);
  process.exit(1);
});
