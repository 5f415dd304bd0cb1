module.exports = { ...require('../../jest.preset.js'), displayName: 'party-network', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] };
