/**
 * Documents → fax pages: a PDF (pdf.js), a PNG or JPEG (Skia) or plain text (laid out and shaped by
 * src/print, then drawn like a PDF) becomes 1728-pixel-wide 1-bit pages of the chosen paper and
 * resolution (page-format.ts), each made 1-bit by bilevel.ts's rule (threshold for text and line art,
 * error diffusion for photos). Everything is checked before anything is returned: a bad file is an
 * AppError naming it, and the caller has nothing half-made to clean up.
 */
import { type FaxBitmap } from '../../../fax';
import { printPlainText } from '../../../print/fax/plain-text.print';
import { AppError } from '../../kernel/app-error';
import { toBilevel } from './bilevel';
import { faxDocumentError } from './document-errors';
import { documentKind, plainText, type DocumentKind } from './document-kind';
import { checkImageHeader, renderImage } from './image-raster';
import { DEFAULT_FORMAT, PAPER_PT, pageGeometry, type FaxPageFormat } from './page-format';
import { openPdf } from './pdf-raster';

/**
 * At most 50 pages a document (and a fax): a page takes 20–60 s on the line at 9600 bit/s, so 50 pages
 * already hold a line for up to an hour — a longer document is better sent in parts (or by e-mail).
 */
export const MAX_FAX_PAGES = 50;

export type FaxDocumentInput = { bytes: Uint8Array; fileName: string };
export type BilevelMode = 'auto' | 'threshold' | 'dither';
export type RenderOptions = Partial<FaxPageFormat> & { mode?: BilevelMode; assetsDir?: string };
export type RenderedPage = { bitmap: FaxBitmap; /** 32 × 32 tiles dithered as photo (0: all thresholded). */ photoTiles: number };
export type RenderedDocument = { kind: DocumentKind; format: FaxPageFormat; pages: RenderedPage[] };

/** A document checked and ready to render: its kind and page count are known before any page is drawn. */
export type OpenDocument = {
  kind: DocumentKind;
  format: FaxPageFormat;
  pageCount: number;
  render: (index: number) => Promise<RenderedPage>;
  close: () => Promise<void>;
};

/**
 * Recognises and opens a document and counts its pages (a PDF is parsed, text is laid out; an image's
 * header is read), refusing a bad one — so a fax of several documents is refused before any is drawn.
 */
export async function openDocument(doc: FaxDocumentInput, opts: RenderOptions = {}): Promise<OpenDocument> {
  const format: FaxPageFormat = { paper: opts.paper ?? DEFAULT_FORMAT.paper, resolution: opts.resolution ?? DEFAULT_FORMAT.resolution };
  const g = pageGeometry(format);
  const kind = documentKind(doc.bytes);
  if (kind === null) throw faxDocumentError('not_document', doc.fileName);
  const bilevel = (grey: Uint8Array): RenderedPage => toBilevel(grey, g.width, g.height, opts.mode);
  if (kind === 'png' || kind === 'jpeg') {
    checkImageHeader(doc.bytes, kind, doc.fileName);
    return { kind, format, pageCount: 1, render: async () => bilevel(await renderImage(doc.bytes, kind, doc.fileName, g)), close: async () => {} };
  }
  let pdfBytes = doc.bytes;
  if (kind === 'text') {
    const text = plainText(doc.bytes) ?? '';
    if (text.trim() === '') throw faxDocumentError('empty', doc.fileName);
    pdfBytes = await printPlainText(text, { pageSize: PAPER_PT[format.paper], assetsDir: opts.assetsDir, title: doc.fileName });
  }
  const pdf = await openPdf(pdfBytes, doc.fileName);
  try {
    checkPageCount(pdf.pages, doc.fileName);
  } catch (err) {
    await pdf.close();
    throw err;
  }
  return { kind, format, pageCount: pdf.pages, render: async (i) => bilevel(await pdf.renderPage(i, g)), close: pdf.close };
}

/** Every page of one document. */
export async function renderDocument(doc: FaxDocumentInput, opts: RenderOptions = {}): Promise<RenderedDocument> {
  const open = await openDocument(doc, opts);
  try {
    const pages: RenderedPage[] = [];
    for (let i = 0; i < open.pageCount; i++) {
      pages.push(await open.render(i));
      await nextTurn();
    }
    return { kind: open.kind, format: open.format, pages };
  } finally {
    await open.close();
  }
}

/**
 * pdf.js draws a page in this thread (a few hundred milliseconds, mostly without giving way): between
 * pages the event loop gets a turn, so a line's modem traffic and timers are not held up for a whole document.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function checkPageCount(count: number, fileName: string): void {
  if (count === 0) throw faxDocumentError('empty', fileName);
  if (count > MAX_FAX_PAGES) throw new AppError('fax/document', 'fax.too_many_pages', { file: fileName, count, max: MAX_FAX_PAGES }, 'file');
}
