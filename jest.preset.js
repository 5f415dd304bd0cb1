/**
 * Shared Jest settings for every project: TypeScript through SWC (with decorator
 * metadata, which NestJS dependency injection needs) and the tsconfig path aliases.
 */
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// The Temporal server binaries of the workflow and end-to-end tests (workflows/src/testing/temporal-binaries.ts),
// found once here (PATH or .tools/, see tools/stack/temporal-bin.cjs) and passed to Jest's workers.
const { temporalBin, temporalTestServerBin } = require('./tools/stack/temporal-bin.cjs');
for (const [name, locate] of [['TEMPORAL_BIN', temporalBin], ['TEMPORAL_TEST_SERVER_BIN', temporalTestServerBin]]) {
  if (!process.env[name]) {
    try {
      process.env[name] = locate();
    } catch {
      // not installed: the tests that need it say so (temporal-binaries.ts)
    }
  }
}

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const from = '^' + alias.replace('/*', '/(.*)') + '$';
  moduleNameMapper[from] = path.join(__dirname, target.replace('/*', '/$1'));
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
};
