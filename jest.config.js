/** Unit tests of every project (no services needed). End-to-end tests: e2e/jest.config.js. */
module.exports = {
  projects: [
    '<rootDir>/libs/domain',
    '<rootDir>/libs/io',
    '<rootDir>/libs/config',
    '<rootDir>/libs/logging',
    '<rootDir>/libs/local-stack',
    '<rootDir>/libs/selectivity',
    '<rootDir>/libs/decision',
    '<rootDir>/libs/api-contract',
    '<rootDir>/libs/risk-model',
    '<rootDir>/libs/persistence',
    '<rootDir>/libs/party-network',
    '<rootDir>/workflows',
    '<rootDir>/apps/api',
    '<rootDir>/apps/worker',
    '<rootDir>/apps/web',
    '<rootDir>/tools',
  ],
};
