module.exports = { ...require('../../jest.preset.js'), displayName: 'decision', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
