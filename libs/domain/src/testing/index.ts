/** @customs/domain/testing: fixtures for tests only (never imported by production code). */
export * from './declaration.mock';
export * from './prng';
