/**
 * The fax tests over real software modems (iaxmodem with efax and HylaFAX at the far end), in a Jest
 * process of their own: they run for minutes against real programs in real time, and after hundreds of
 * other files in the same process the HylaFAX call went unanswered in two clean-clone runs (alone it
 * passes; the cause is not found yet). `npm test` runs them beside the other runs (scripts/test.mjs).
 */
const base = require('./jest.config');

module.exports = { ...base, testPathIgnorePatterns: [], testMatch: ['<rootDir>/tests/fax/t30-iaxmodem.test.ts', '<rootDir>/tests/fax/t30-hylafax-send.test.ts'] };
