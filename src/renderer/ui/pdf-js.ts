/**
 * pdf.js in the window: loaded on first use (its own chunk, so the first screen does not wait for it),
 * with its worker served from our own origin (dist/renderer/pdf.worker.js, copied by scripts/build.mjs)
 * so the Content-Security-Policy's `script-src 'self'` covers it — no blob: worker, no eval
 * (`isEvalSupported: false`: glyphs are drawn from path commands, not from compiled functions).
 * The engine renders fax pages with the same pdf.js (src/main/fax/pages/pdf-raster.ts).
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then(
    (pdfjs) => {
      // Relative to the page, so it is app://monshi/pdf.worker.js in Electron and /pdf.worker.js in browser mode.
      pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.js', document.baseURI).href;
      return pdfjs;
    },
    (err: unknown) => {
      loading = null; // a later preview tries again instead of keeping the failure
      throw err;
    },
  );
  return loading;
}

/** Opens PDF bytes; rejects when pdf.js cannot read them (damaged, not a PDF, encrypted). */
export async function openPdfDocument(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  // pdf.js transfers the buffer to its worker: give it a copy so the caller's bytes (Save) stay whole.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false, verbosity: 0 });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy();
    throw err;
  }
}

/**
 * Page sizes in CSS pixels at scale 1 (1 pt = 1 px, as pdf.js measures), read before any page is drawn so
 * the scroll box has its full height at once; asked all together, so the worker answers them in one run.
 */
export async function pageSizes(doc: PDFDocumentProxy): Promise<{ width: number; height: number }[]> {
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
  return pages.map((page) => {
    const { width, height } = page.getViewport({ scale: 1 });
    return { width, height };
  });
}

export type PageDrawing = { done: Promise<void>; cancel: () => void };

/**
 * Draws page `index` (0-based) onto `canvas` at `scale` × `pixelRatio` device pixels per point. `cancel`
 * stops a drawing that a new zoom or a closed dialog made useless; `done` then rejects with pdf.js's
 * RenderingCancelledException (or resolves, if it had finished).
 */
export function drawPage(doc: PDFDocumentProxy, index: number, canvas: HTMLCanvasElement, scale: number, pixelRatio: number): PageDrawing {
  let cancelled = false;
  let task: RenderTask | null = null;
  const done = doc.getPage(index + 1).then(async (page) => {
    if (cancelled) return;
    const viewport = page.getViewport({ scale: scale * pixelRatio });
    // A canvas drawn into by two renders at once is garbled: draw off screen, then copy in one step.
    const off = document.createElement('canvas');
    off.width = Math.round(viewport.width);
    off.height = Math.round(viewport.height);
    task = page.render({ canvas: off, viewport });
    await task.promise;
    if (cancelled) return;
    canvas.width = off.width;
    canvas.height = off.height;
    canvas.getContext('2d')?.drawImage(off, 0, 0);
  });
  return {
    done,
    cancel: () => {
      cancelled = true;
      task?.cancel();
    },
  };
}
