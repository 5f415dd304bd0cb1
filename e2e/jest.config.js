/**
 * End-to-end tests: the real API and worker in-process, against the real PostgreSQL and
 * Temporal server that `tools/stack/stack.mjs test` starts (DATABASE_URL, TEMPORAL_ADDRESS).
 */
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  // onnxruntime-node returns tensors built in Node's main context: see that file.
  testEnvironment: require.resolve('../libs/risk-model/jest.environment.js'),
  testTimeout: 60_000,
};
