module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'risk-model',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // onnxruntime-node returns tensors built in Node's main context: see jest.environment.js
  testEnvironment: require.resolve('./jest.environment.js'),
};
