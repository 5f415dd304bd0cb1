/** Unit tests of the stack launcher's pure parts (supervisor.cjs), with short-lived node child processes. */
module.exports = { ...require('../../jest.preset.js'), displayName: 'stack', rootDir: __dirname, testMatch: ['<rootDir>/**/*.spec.ts'] };
