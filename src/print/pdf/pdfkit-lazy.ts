/**
 * pdfkit, loaded by the first PDF instead of when the engine starts: with fontkit, linebreak and brotli
 * it was about a fifth of `monshi serve`'s start (210 of 950 ms of CPU, node --cpu-prof), and most
 * starts of the app print nothing for a while. Constructed exactly like pdfkit's own class.
 */
import type PDFKitModule from 'pdfkit';

let loaded: typeof PDFKitModule | null = null;

function pdfkit(): typeof PDFKitModule {
  // A plain require at first use (pdfkit is CommonJS and outside the bundle), not an import at load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('pdfkit') as typeof PDFKitModule;
  return loaded;
}

/** `new PDFDocument(options)` as with pdfkit's class: a constructor that returns an object makes `new` give that object. */
export const PDFDocument = function PDFDocument(options?: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  return new (pdfkit())(options);
} as unknown as typeof PDFKitModule;
