/**
 * Loads pdf.js (pdfjs-dist's legacy build, the one that runs on Node 20) once per process, with the
 * folders it reads fonts, character maps and its image decoders from.
 *
 * pdfjs-dist is an ES module only, so it must come through a real `import()` that esbuild (bundling to
 * CommonJS) and swc (Jest) do not rewrite into `require()`: src/node/esm-import.ts, shared with
 * src/print's harfbuzz-loader.ts.
 * pdf.js runs its "worker" in this thread (no Worker under Node): parsing a document is synchronous
 * work in the engine process, which is why documents are rendered once, when they are added.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import { createRequire } from 'node:module';
import path from 'node:path';
import { importEsm } from '../../../node/esm-import';

export type PdfJs = typeof PdfJsModule;
/** pdf.js's JPEG decoder (pure JavaScript), the part of pdfjs-dist/image_decoders the fax pages use. */
export type JpegDecoder = {
  JpegImage: new () => {
    width: number;
    height: number;
    parse: (data: Uint8Array) => void;
    getData: (o: { width: number; height: number; forceRGBA: boolean }) => Uint8ClampedArray;
  };
};
export type PdfJsLoaded = { pdfjs: PdfJs; folders: { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } };

let loading: Promise<PdfJsLoaded> | null = null;

export function loadPdfJs(): Promise<PdfJsLoaded> {
  loading ??= importPdfJs().catch((err: unknown) => {
    loading = null; // a later call tries again instead of keeping the failure
    throw new Error(`fax: cannot load pdfjs-dist: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  });
  return loading;
}

let jpeg: Promise<JpegDecoder> | null = null;

export function loadJpegDecoder(): Promise<JpegDecoder> {
  jpeg ??= importEsm<JpegDecoder>(path.join(pdfjsRoot(), 'legacy/image_decoders/pdf.image_decoders.mjs')).catch((err: unknown) => {
    jpeg = null;
    throw err;
  });
  return jpeg;
}

const pdfjsRoot = () => path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'));

async function importPdfJs(): Promise<PdfJsLoaded> {
  const root = pdfjsRoot();
  const pdfjs = await importEsm<PdfJs>(path.join(root, 'legacy/build/pdf.mjs'));
  // Under Node pdf.js reads these as file paths; each must end with a separator.
  const folder = (name: string) => path.join(root, name) + path.sep;
  return { pdfjs, folders: { standardFontDataUrl: folder('standard_fonts'), cMapUrl: folder('cmaps'), wasmUrl: folder('wasm') } };
}
