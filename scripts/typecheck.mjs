// `npm run typecheck`: each layer of the tree against its own runtime, so the compiler holds the
// boundaries (docs/architecture.md): the renderer has the DOM and no Node types, the engine (with
// telephony and printing) Node and no DOM, src/shared neither, the Electron shell its own config.
// Tests, benchmarks and scripts see both. The layers run side by side, each with an incremental build
// file in .cache/tsc so a second run only re-checks what changed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const layers = ['shared', 'renderer', 'engine', 'tests', 'shell'];
// The shell needs the `electron` package's types; npm installs it without its binary (scripts/test.mjs).
// Never skipped: a shell left unchecked would pass here and break in the desktop app.
if (!existsSync(`${root}node_modules/electron/electron.d.ts`)) {
  console.error('FAIL electron is not installed: `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install` installs its types (the shell is always type-checked)');
  process.exit(1);
}

const config = (layer) => (layer === 'tests' ? 'tsconfig.json' : `tsconfig.${layer}.json`);
mkdirSync(`${root}.cache/tsc`, { recursive: true });

function check(layer) {
  const args = ['-p', config(layer), '--noEmit', '--incremental', '--tsBuildInfoFile', `.cache/tsc/${layer}.tsbuildinfo`, '--pretty', 'false'];
  return new Promise((resolve) => {
    const started = Date.now();
    const tsc = spawn(process.execPath, [`${root}node_modules/typescript/bin/tsc`, ...args], { cwd: root });
    let out = '';
    tsc.stdout.on('data', (d) => (out += d));
    tsc.stderr.on('data', (d) => (out += d));
    tsc.on('close', (code) => {
      console.log(`${code === 0 ? 'ok  ' : 'FAIL'} ${config(layer)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      if (out.trim()) console.log(out.trimEnd());
      resolve(code === 0);
    });
  });
}

const queue = [...layers];
const results = [];
const worker = async () => {
  for (let layer = queue.shift(); layer; layer = queue.shift()) results.push(await check(layer));
};
await Promise.all(Array.from({ length: Math.min(availableParallelism(), layers.length) }, worker));
if (results.includes(false)) process.exit(1);
