/**
 * Loads harfbuzzjs (HarfBuzz compiled to WebAssembly) once per process.
 *
 * harfbuzzjs 1.6.x is an ES module with top-level await, so it cannot be `require`d: it comes through
 * src/node/esm-import.ts, which keeps a real `import()` through esbuild, Jest and the Electron bundle.
 */
import type * as HarfBuzzModule from 'harfbuzzjs';
import { createRequire } from 'node:module';
import { importEsm } from '../../node/esm-import';

export type HarfBuzz = typeof HarfBuzzModule;

let loading: Promise<HarfBuzz> | null = null;

/** The harfbuzzjs module, compiled and instantiated on first use. Rejects if the package is missing. */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  loading ??= importEsm<HarfBuzz>(createRequire(__filename).resolve('harfbuzzjs')).catch((err: unknown) => {
    loading = null; // let a later call try again instead of caching the failure
    throw new Error(`print: cannot load harfbuzzjs: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  return loading;
}
