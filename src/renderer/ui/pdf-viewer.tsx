import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useLocale } from '../i18n/use-t';
import { openPdfDocument, pageSizes } from './pdf-js';
import { preparePrint, type PrintPages } from './pdf-print';
import { PdfPage } from './pdf-page';

type Size = { width: number; height: number };
type Loaded = { status: 'loading' } | { status: 'error' } | { status: 'ready'; doc: PDFDocumentProxy; sizes: Size[] };

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** Room around the pages inside the scroll box (its padding and a scrollbar), in CSS pixels. */
const GUTTER = 40;

/**
 * A PDF drawn by pdf.js: every page a canvas (drawn when it scrolls near), page n of m, zoom (100% fits
 * the widest page to the box) and Print. The same in Electron and in every browser, unlike the browser's
 * own PDF viewer, and the end-to-end tests can read the pages. A file pdf.js cannot read says so.
 */
export function PdfViewer({ bytes, fileName }: { bytes: Uint8Array; fileName: string }) {
  const { t, num } = useLocale();
  const m = t.fileReady;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [zoom, setZoom] = useState(1);
  const [boxWidth, setBoxWidth] = useState(0);
  const [current, setCurrent] = useState(1);
  const [printing, setPrinting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const boxRef = useRef<HTMLDivElement>(null);
  const printRef = useRef<PrintPages | null>(null);

  useEffect(() => {
    let live = true;
    let doc: PDFDocumentProxy | null = null;
    setLoaded({ status: 'loading' });
    openPdfDocument(bytes)
      .then(async (d) => {
        doc = d;
        const sizes = await pageSizes(d);
        if (live) setLoaded(sizes.length > 0 ? { status: 'ready', doc: d, sizes } : { status: 'error' });
      })
      .catch(() => live && setLoaded({ status: 'error' }));
    return () => {
      live = false;
      printRef.current?.dispose();
      printRef.current = null;
      void doc?.destroy();
    };
  }, [bytes]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    observer.observe(box);
    setBoxWidth(box.clientWidth);
    return () => observer.disconnect();
  }, [loaded.status]);

  if (loaded.status === 'error') {
    return (
      <div className="pdf-viewer-error" role="alert" data-testid="pdf-preview" data-state="error">
        {m.unreadable(`\u2068${fileName}\u2069`)}
      </div>
    );
  }

  const sizes = loaded.status === 'ready' ? loaded.sizes : [];
  const widest = Math.max(1, ...sizes.map((s) => s.width));
  const scale = (Math.max(200, boxWidth - GUTTER) / widest) * zoom;
  const zoomIndex = ZOOMS.indexOf(zoom);

  // The page shown is the last one whose top has passed the middle of the box.
  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    const middle = box.scrollTop + box.clientHeight / 2;
    const pages = [...box.querySelectorAll<HTMLElement>('.pdf-page')];
    const shown = pages.filter((p) => p.offsetTop <= middle).length;
    setCurrent(Math.max(1, shown));
  };

  const print = async () => {
    if (loaded.status !== 'ready') return;
    setPrinting('busy');
    try {
      printRef.current ??= await preparePrint(loaded.doc, loaded.sizes);
      setPrinting('idle');
      window.print();
    } catch {
      setPrinting('failed');
    }
  };

  return (
    <div className="pdf-viewer">
      <div className="pdf-toolbar">
        <span data-testid="pdf-page-number" aria-live="polite">
          {loaded.status === 'ready' ? m.pageOf(num(current), num(sizes.length)) : t.common.loading}
        </span>
        <span className="pdf-zoom">
          <button
            type="button"
            className="button"
            onClick={() => setZoom(ZOOMS[zoomIndex - 1] ?? zoom)}
            disabled={zoomIndex <= 0}
            aria-label={m.zoomOut}
            title={m.zoomOut}
            data-testid="pdf-zoom-out"
          >
            −
          </button>
          <span data-testid="pdf-zoom">{m.zoomPercent(num(Math.round(zoom * 100)))}</span>
          <button
            type="button"
            className="button"
            onClick={() => setZoom(ZOOMS[zoomIndex + 1] ?? zoom)}
            disabled={zoomIndex >= ZOOMS.length - 1}
            aria-label={m.zoomIn}
            title={m.zoomIn}
            data-testid="pdf-zoom-in"
          >
            +
          </button>
        </span>
        {printing === 'failed' && (
          <span className="field-error" role="alert">
            {m.printFailed}
          </span>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void print()}
          disabled={loaded.status !== 'ready' || printing === 'busy'}
          data-testid="pdf-print"
        >
          {printing === 'busy' ? m.preparingPrint : m.print}
        </button>
      </div>
      <div
        ref={boxRef}
        className="pdf-pages"
        onScroll={onScroll}
        data-testid="pdf-preview"
        data-state={loaded.status}
        data-pages={sizes.length}
        aria-label={fileName}
        role="document"
        tabIndex={0}
      >
        {loaded.status === 'ready' &&
          boxWidth > 0 &&
          sizes.map((s, i) => (
            <PdfPage key={i} doc={loaded.doc} index={i} size={s} scale={scale} root={boxRef} label={m.pageOf(num(i + 1), num(sizes.length))} />
          ))}
      </div>
    </div>
  );
}
