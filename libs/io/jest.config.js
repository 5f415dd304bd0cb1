module.exports = { ...require('../../jest.preset.js'), displayName: 'io', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
