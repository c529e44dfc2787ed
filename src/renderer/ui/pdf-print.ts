/**
 * Printing a previewed PDF: its pages drawn by pdf.js at print resolution into images that only the
 * print media shows, then the window's own print (Electron's print dialog; the browser's in browser mode).
 * Why not print the PDF blob in a frame: that needs Chromium's PDF viewer, which headless Chromium (the
 * end-to-end tests) and Electron builds do not always carry, and whose print cannot be checked. Images of
 * the pages print the same everywhere, and a test prints them through Chromium's own print-to-PDF.
 * Each image has the page's own size in points and the page has no margin, so a cheque comes out where
 * its template put it when the printer's paper is the PDF's paper.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawPage } from './pdf-js';

/** Print resolution: fine enough for text and cheque lines; an A4 page is a 1240×1754 image. */
const PRINT_DPI = 150;

export type PrintPages = { element: HTMLElement; dispose: () => void };

/** Makes the print-only copy of the pages (attached to <body>, hidden on screen); `dispose` removes it and frees the images. */
export async function preparePrint(doc: PDFDocumentProxy, sizes: { width: number; height: number }[]): Promise<PrintPages> {
  const holder = document.createElement('div');
  holder.className = 'pdf-print';
  holder.dataset.testid = 'pdf-print-pages';
  const urls: string[] = [];
  const dispose = () => {
    holder.remove();
    urls.forEach((u) => URL.revokeObjectURL(u));
  };
  try {
    // The paper of the first page, so the print dialog offers it (a cheque's own size, A4 for a list).
    const first = sizes[0] ?? { width: 595.28, height: 841.89 }; // a document always has a page; A4 otherwise
    const style = document.createElement('style');
    style.textContent = `@page { size: ${first.width}pt ${first.height}pt; margin: 0; }`;
    holder.append(style);
    for (let i = 0; i < sizes.length; i++) {
      const canvas = document.createElement('canvas');
      await drawPage(doc, i, canvas, PRINT_DPI / 72, 1).done;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the page image could not be made');
      const url = URL.createObjectURL(blob);
      urls.push(url);
      const img = document.createElement('img');
      img.src = url;
      img.alt = '';
      const size = sizes[i]!;
      img.style.width = `${size.width}pt`;
      img.style.height = `${size.height}pt`;
      holder.append(img);
      await img.decode();
    }
    document.body.append(holder);
    return { element: holder, dispose };
  } catch (err) {
    dispose();
    throw err;
  }
}
