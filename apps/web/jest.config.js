// Unit tests of the web app's pure logic (`src/**/*.spec.ts`): plain TypeScript modules beside
// the components that import nothing from `@angular/*` at run time, so they run in Node through
// the shared SWC preset, without TestBed. Type-checked by `tsconfig.spec.json`.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
