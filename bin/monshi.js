#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm install` (prepare) or `npm run build`.
// A larger young generation: an import of 100,000 cards allocates millions of short-lived strings,
// and with the default semi-space the scavenger takes ~15% of the time (see bench/results.json).
require('node:v8').setFlagsFromString('--max-semi-space-size=64');
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  require('node:child_process').execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
require(cli);
