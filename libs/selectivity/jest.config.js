module.exports = { ...require('../../jest.preset.js'), displayName: 'selectivity', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
