import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { drawPage } from './pdf-js';

type Props = {
  doc: PDFDocumentProxy;
  index: number;
  size: { width: number; height: number };
  scale: number;
  root: RefObject<HTMLDivElement | null>;
  label: string;
};

/**
 * One page of the PDF viewer: a box of the page's size at once (so the scroll bar is right), its canvas
 * drawn only when the page comes within a screen of the view — a long list does not hold hundreds of
 * page images — and drawn again, sharp, when the zoom changes. `data-rendered` says the canvas shows the page.
 */
export function PdfPage({ doc, index, size, scale, root, label }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [near, setNear] = useState(false);
  const [drawn, setDrawn] = useState<number | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      root: root.current,
      rootMargin: '100% 0px',
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!near || !canvas) return;
    const drawing = drawPage(doc, index, canvas, scale, window.devicePixelRatio || 1);
    drawing.done.then(
      () => setDrawn(scale),
      () => undefined, // cancelled by a newer zoom or the dialog closing; a newer drawing follows or nothing is shown
    );
    return drawing.cancel;
  }, [doc, index, near, scale]);

  const width = Math.round(size.width * scale);
  const height = Math.round(size.height * scale);
  return (
    <div ref={boxRef} className="pdf-page" style={{ inlineSize: width, blockSize: height }} aria-label={label}>
      <canvas ref={canvasRef} style={{ inlineSize: width, blockSize: height }} data-testid="pdf-page" data-rendered={drawn === scale} />
    </div>
  );
}
