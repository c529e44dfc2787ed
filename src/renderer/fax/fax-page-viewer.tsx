import { useState, type ReactNode } from 'react';
import type { FaxPagePreview } from '../../shared/contract/fax';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';

/** Zoom steps: the whole page in the window, the window's width, or a share of the page's own pixels. */
const ZOOMS = ['page', 'width', '50', '75', '100'] as const;
type Zoom = (typeof ZOOMS)[number];

type Props = {
  page: number;
  /** The fax's page count (0 while unknown). */
  pages: number;
  onPage(page: number): void;
  /** The engine's picture of the page asked for (fax/document-page, fax/log-page), with its error. */
  preview: { data: FaxPagePreview | null; error: string | null; reload(): void };
  alt(page: string): string;
  /** Turning in 90° steps, where the fax keeps a rotation (the log); absent, no buttons. */
  rotate?: { onRotate(by: 90 | -90): void; disabled: boolean; label: string; leftLabel: string };
  /** More buttons at the end of the pager (print, save). */
  children?: ReactNode;
};

/**
 * A fax's pages as the engine draws them, page by page ("page n of m", previous, next), zoomed (the whole
 * page, the width, 50–100 % of its own pixels) and, where the fax keeps one, turned. One viewer for the
 * document library's pages and the fax log's.
 */
export function FaxPageViewer({ page, pages, onPage, preview, alt, rotate, children }: Props) {
  const { t, num } = useLocale();
  const [zoom, setZoom] = useState<Zoom>('page');
  const shown = preview.data && preview.data.page === page ? preview.data : null;
  // The whole page: as tall as the frame (fax.css), its width following the page's shape.
  const size = zoom === 'page' ? undefined : { inlineSize: zoom === 'width' ? '100%' : `${((shown?.width ?? 1728) * Number(zoom)) / 100}px` };
  return (
    <>
      <div className="fax-pager">
        <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid="fax-prev">
          {t.fax.previous}
        </button>
        <span className="fax-page-of" aria-live="polite" data-testid="fax-page-of">
          {pages > 0 ? t.fax.pageOf(num(page), num(pages)) : ''}
        </span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid="fax-next">
          {t.fax.next}
        </button>
        {rotate && (
          <>
            <button
              type="button"
              className="button"
              disabled={rotate.disabled}
              onClick={() => rotate.onRotate(-90)}
              title={rotate.leftLabel}
              data-testid="fax-rotate-left"
            >
              ⟲
            </button>
            <button type="button" className="button" disabled={rotate.disabled} onClick={() => rotate.onRotate(90)} data-testid="fax-rotate">
              {rotate.label} ⟳
            </button>
          </>
        )}
        <label className="fax-option">
          <span>{t.fax.zoom}</span>
          <select className="input" value={zoom} onChange={(e) => setZoom(ZOOMS.find((z) => z === e.target.value) ?? 'page')} data-testid="fax-zoom">
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                {z === 'page' ? t.fax.zoomPage : z === 'width' ? t.fax.zoomFit : t.fax.percent(num(Number(z)))}
              </option>
            ))}
          </select>
        </label>
        {children}
      </div>
      {preview.error && <LoadError message={preview.error} onRetry={preview.reload} />}
      <div className="fax-page-frame" hidden={!!preview.error} data-testid="fax-page-frame">
        {shown && (
          <img
            className={zoom === 'page' ? 'fax-page whole' : 'fax-page'}
            src={`data:image/png;base64,${shown.png}`}
            alt={alt(num(page))}
            style={size}
            data-testid="fax-page-image"
            data-page={shown.page}
          />
        )}
      </div>
    </>
  );
}
