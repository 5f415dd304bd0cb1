module.exports = { ...require('../jest.preset.js'), displayName: 'workflows', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
