/** End-to-end tests: the built app in browser mode, driven in Debian's Chromium by playwright-core. */
module.exports = {
  ...require('./jest.config.js'),
  testPathIgnorePatterns: [],
  roots: ['<rootDir>/tests/e2e'],
  testTimeout: 120000,
  // Node's environment, plus whether another test of the file follows (app.ts starts its server early).
  testEnvironment: '<rootDir>/tests/e2e/e2e-environment.ts',
};
