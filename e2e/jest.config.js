module.exports = { ...require('../jest.preset.js'), displayName: 'e2e', rootDir: __dirname, testMatch: ['<rootDir>/**/*.e2e-spec.ts'] };
