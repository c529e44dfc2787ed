/**
 * Starts a worker thread on one of the engine's worker modules, wherever the engine runs. Bundled
 * (dist/, the Electron build), the worker is the file `<name>.js` that scripts/build.mjs writes beside
 * every Node bundle that can start it. From source (Jest), it is the worker's own .ts module, compiled
 * as it is loaded by @swc/core, the compiler Jest's transform uses (a development dependency, so only
 * there). Either way the same module runs; a missing bundle is an error, never a silent in-thread run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** workerData's key for the .ts module a source-mode worker loads (the module itself ignores it). */
const ENTRY = '__monshiWorkerEntry';

// Runs inside the new thread when the engine runs from source: .ts files are compiled on require.
const FROM_SOURCE = `
const { workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const entry = workerData.${ENTRY};
const local = createRequire(entry);
const { transformSync } = local('@swc/core');
local.extensions['.ts'] = (m, filename) => {
  const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  m._compile(transformSync(readFileSync(filename, 'utf8'), options).code, filename);
};
local(entry);
`;

const runningFromSource = __filename.endsWith('.ts');

/**
 * `name`: the bundle's file name without .js (an entry of scripts/build.mjs); `sourceFile`: the
 * absolute path of the worker's .ts module (the caller's `path.join(__dirname, '….worker.ts')`).
 */
export function startWorker(name: string, sourceFile: string, options: WorkerOptions): Worker {
  if (runningFromSource) return new Worker(FROM_SOURCE, { ...options, eval: true, workerData: { ...options.workerData, [ENTRY]: sourceFile } });
  const bundled = path.join(__dirname, `${name}.js`);
  if (!existsSync(bundled)) throw new Error(`worker bundle ${bundled} is missing: scripts/build.mjs writes it beside the bundle that starts it`);
  return new Worker(bundled, options);
}
