/**
 * PDF pages → grey fax-page pixels with pdf.js on @napi-rs/canvas. A page is fitted to the paper
 * (page-format.ts), turned a quarter when it is landscape, and drawn straight at the fax resolution —
 * 204 dpi across and 98 or 196 down — so anti-aliasing measures each fax pixel's real coverage.
 */
import { createCanvas } from './napi-canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { fitOnPage, turnsOnPage, type PageGeometry } from './page-format';
import { loadPdfJs } from './pdfjs-loader';
import { rgbaToGrey } from './bilevel';
import { faxDocumentError } from './document-errors';
import { AppError } from '../../kernel/app-error';
import { MAX_IMAGE_MEGAPIXELS } from './image-raster';

/** `turn: false` keeps a landscape page as it is (a header strip is meant to be wide). */
export type RenderPageOptions = { turn?: boolean };
export type OpenPdf = {
  pages: number;
  renderPage: (index: number, g: PageGeometry, opts?: RenderPageOptions) => Promise<Uint8Array>;
  close: () => Promise<void>;
};

/** Opens a PDF; a damaged or encrypted file is an AppError naming `fileName`. */
export async function openPdf(bytes: Uint8Array, fileName: string): Promise<OpenPdf> {
  const { pdfjs, folders } = await loadPdfJs();
  // pdf.js may take the buffer over (transfer it to its worker): give it a copy, never the caller's bytes.
  // maxImageSize: an image inside a PDF is held decoded in memory too, so the image limit applies (a larger one is left out, not decoded).
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...folders,
    cMapPacked: true,
    isEvalSupported: false,
    verbosity: 0,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_MEGAPIXELS * 1e6,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy();
    const name = (err as { name?: string }).name;
    throw faxDocumentError(name === 'PasswordException' ? 'encrypted' : 'damaged', fileName);
  }
  return {
    pages: doc.numPages,
    renderPage: async (index, g, opts) => {
      try {
        return await renderPage(doc, index, g, opts?.turn ?? true);
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw faxDocumentError('damaged', fileName);
      }
    },
    close: () => doc.destroy(),
  };
}

async function renderPage(doc: PDFDocumentProxy, index: number, g: PageGeometry, turn: boolean): Promise<Uint8Array> {
  const page = await doc.getPage(index + 1);
  try {
    const upright = page.getViewport({ scale: 1 });
    const rotation = (page.rotate + (turn && turnsOnPage(upright.width, upright.height) ? 90 : 0)) % 360;
    const base = page.getViewport({ scale: 1, rotation });
    const fit = fitOnPage(g, base.width, base.height);
    const scale = fit.w / base.width; // pixels per point across
    const viewport = page.getViewport({ scale, rotation });
    const canvas = createCanvas(g.width, g.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, g.width, g.height);
    // The viewport draws at `scale` both ways; the transform squeezes it down to the fax's own line pitch and centres it.
    await page.render({ canvas: canvas as never, canvasContext: ctx as never, viewport, transform: [1, 0, 0, g.sy / g.sx, fit.x, fit.y] }).promise;
    // The canvas's own pixels (RGBA, premultiplied — the same as straight here: the page was filled with opaque
    // white first); getImageData would copy and un-premultiply them, which cost more than drawing the page.
    return rgbaToGrey(canvas.data(), g.width * g.height);
  } finally {
    page.cleanup();
  }
}
