/**
 * Loads harfbuzzjs (HarfBuzz compiled to WebAssembly) once per process.
 *
 * harfbuzzjs 1.6.x is an ES module with top-level await, so it cannot be `require`d: it must come
 * through a real `import()`. Two things stand in the way and are dealt with here:
 * - esbuild (bundling to CommonJS) and swc (Jest) both rewrite a literal `import()` into `require()`.
 *   Building the call with `new Function` hides it from them, so Node's own ESM loader runs it.
 * - Jest evaluates test code in a `vm` context without an ESM loader (it would need
 *   `--experimental-vm-modules`); the import then fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING*.
 *   Only in that case we evaluate the import in the main context with Node's default loader
 *   (`vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`, Node ≥ 20.12; it prints an ExperimentalWarning).
 */
import type * as HarfBuzzModule from 'harfbuzzjs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export type HarfBuzz = typeof HarfBuzzModule;

let loading: Promise<HarfBuzz> | null = null;

/** The harfbuzzjs module, compiled and instantiated on first use. Rejects if the package is missing. */
export function loadHarfBuzz(): Promise<HarfBuzz> {
  loading ??= importHarfBuzz().catch((err: unknown) => {
    loading = null; // let a later call try again instead of caching the failure
    throw new Error(`print: cannot load harfbuzzjs: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  return loading;
}

async function importHarfBuzz(): Promise<HarfBuzz> {
  // Resolve to an absolute file URL so the import does not depend on the current directory or on
  // where the calling code lives (source under Jest, dist/cli.js, the Electron utility process).
  const url = pathToFileURL(createRequire(__filename).resolve('harfbuzzjs')).href;
  const nativeImport = new Function('url', 'return import(url)') as (u: string) => Promise<HarfBuzz>;
  try {
    return await nativeImport(url);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) throw err;
    const mainContextImport = vm.runInThisContext('(url) => import(url)', {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (u: string) => Promise<HarfBuzz>;
    return mainContextImport(url);
  }
}
