/** The worker's entry point for running it in-process (the end-to-end tests); `main.ts` is the process entry point. */
export { createCaseWorker } from './worker';
