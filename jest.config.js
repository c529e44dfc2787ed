/** Engine, print and integration tests: plain Node, real SQLite files in temporary folders. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  // The real-modem fax tests run in a process of their own (jest.modems.config.js).
  testPathIgnorePatterns: ['/tests/e2e/', '/tests/fax/t30-iaxmodem\\.test\\.ts$'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 30000,
};
