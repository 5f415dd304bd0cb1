module.exports = { ...require('../../jest.preset.js'), displayName: 'risk-model', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
