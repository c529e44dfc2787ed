/** End-to-end tests: the built app in browser mode, driven in Debian's Chromium by playwright-core. */
module.exports = {
  ...require('./jest.config.js'),
  testPathIgnorePatterns: [],
  roots: ['<rootDir>/tests/e2e'],
  testTimeout: 120000,
};
