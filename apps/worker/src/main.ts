import { loadRuntimeConfig } from '@customs/config';
import { createCaseWorker } from './worker';

/** Worker process: creates the case worker and runs it until SIGINT/SIGTERM; exits 1 on failure. */
async function main(): Promise<void> {
  const { worker, close } = await createCaseWorker(loadRuntimeConfig());
  console.log(`worker: polling task queue ${worker.options.taskQueue}`);
  try {
    await worker.run();
  } finally {
    await close();
  }
}

main().catch((err) => {
  console.error('worker failed:', err);
  process.exit(1);
});
