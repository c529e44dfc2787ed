/**
 * A real `import()` of an ES-module-only package (harfbuzzjs, pdfjs-dist) from code that is compiled to
 * CommonJS. Two things stand in the way and are dealt with here, once for every Node layer:
 * - esbuild (bundling to CommonJS) and swc/ts-jest both rewrite a literal `import()` into `require()`,
 *   which cannot load an ES module with top-level await. Building the call with `new Function` hides it
 *   from them, so Node's own ESM loader runs it (dist/cli.js, the Electron utility process).
 * - Jest evaluates test code in a `vm` context without an ESM loader (it would need
 *   `--experimental-vm-modules`); the import then fails with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING*.
 *   Only in that case the import is evaluated in the main context with Node's default loader
 *   (`vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`, Node ≥ 20.12; it prints an ExperimentalWarning).
 */
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/**
 * Imports the ES module at an absolute file path (resolved by the caller, so the result does not depend
 * on the current directory or on where the calling code was bundled). Rejects with the loader's error.
 */
export async function importEsm<T>(file: string): Promise<T> {
  const url = pathToFileURL(file).href;
  const nativeImport = new Function('url', 'return import(url)') as (u: string) => Promise<T>;
  try {
    return await nativeImport(url);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) throw err;
    const mainContextImport = vm.runInThisContext('(url) => import(url)', {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (u: string) => Promise<T>;
    return mainContextImport(url);
  }
}
