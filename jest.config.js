/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // src and seeds are roots too, so that jest knows which tests import a file (--findRelatedTests, as StrykerJS uses).
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/seeds'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { sourceMaps: 'inline' }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores: two workers, each with its own database.
  maxWorkers: 2,
};
