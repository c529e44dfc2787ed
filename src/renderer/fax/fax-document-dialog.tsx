import { useEffect, useState } from 'react';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import type { FaxDocument } from '../../shared/contract/fax';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';

/** Zoom steps: the whole page in the window, the window's width, or a share of the page's own 1728 pixels. */
const ZOOMS = ['page', 'width', '50', '75', '100'] as const;
type Zoom = (typeof ZOOMS)[number];

type Props = {
  id: number;
  /** The document as listed; null while the list loads or when it is not (or no longer) there. */
  doc: FaxDocument | null;
  /** The list has loaded, so a null `doc` means the document is gone. */
  listed: boolean;
  onClose: () => void;
};

/**
 * One fax document's pages as the fax will send them (the engine's PNG of the stored page), page by
 * page with zoom; its TIFF saved for other fax software, or a PDF of it; deleted after a question whose safe answer
 * has the focus.
 */
export function FaxDocumentDialog({ id, doc, listed, onClose }: Props) {
  const { t, num, instant } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState<Zoom>('page');
  const [busy, setBusy] = useState(false);
  const preview = useQuery('fax/document-page', { id, page });
  const pages = preview.data?.pages ?? doc?.pages ?? 0;

  // A document that is not (or no longer) there: the library, in the same history entry.
  useEffect(() => {
    if (listed && !doc) navigate({ screen: 'fax' }, { replace: true });
  }, [listed, doc]);

  // The stored TIFF as it is, or the same pages as a PDF that keeps their G3/G4 data (src/print/fax/fax-tiff-pdf.ts).
  const save = async (method: 'fax/document-tiff' | 'fax/document-pdf') => {
    setBusy(true);
    const r = await client.call(method, { id });
    setBusy(false);
    if (r.ok) saveFile(r.value);
    else toast.show('error', r.error.message);
  };

  const remove = async () => {
    const name = doc?.name ?? '';
    const ok = await confirm({ title: t.fax.deleteTitle, body: t.fax.deleteBody(name), confirmLabel: t.common.delete, danger: true });
    if (!ok) return;
    setBusy(true);
    const r = await client.call('fax/document-delete', { id });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', t.fax.deleted.replace('{name}', name));
    navigate({ screen: 'fax' }, { replace: true });
  };

  const shown = preview.data && preview.data.page === page ? preview.data : null;
  // The whole page: as tall as the frame (fax.css), its width following the page's shape.
  const size = zoom === 'page' ? undefined : { inlineSize: zoom === 'width' ? '100%' : `${(1728 * Number(zoom)) / 100}px` };
  return (
    <Dialog
      title={<bdi>{doc?.name ?? t.common.loading}</bdi>}
      size="large"
      testId="fax-document"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button danger fax-delete" disabled={busy || !doc} onClick={() => void remove()} data-testid="fax-delete">
            {t.common.delete}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save('fax/document-tiff')} data-testid="fax-export-tiff">
            {t.fax.exportTiff}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save('fax/document-pdf')} data-testid="fax-export-pdf">
            {t.fax.exportPdf}
          </button>
          <button type="button" className="button primary" onClick={onClose} data-autofocus data-testid="fax-close">
            {t.common.close}
          </button>
        </>
      }
    >
      {doc && (
        <p className="muted fax-doc-meta">
          {t.fax.format(t.fax.papers[doc.paper], t.fax.resolutions[doc.resolution])} · {instant(doc.addedAt)}
        </p>
      )}
      <div className="fax-pager">
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)} data-testid="fax-prev">
          {t.fax.previous}
        </button>
        <span className="fax-page-of" aria-live="polite" data-testid="fax-page-of">
          {pages > 0 ? t.fax.pageOf(num(page), num(pages)) : ''}
        </span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)} data-testid="fax-next">
          {t.fax.next}
        </button>
        <label className="fax-option">
          <span>{t.fax.zoom}</span>
          <select className="input" value={zoom} onChange={(e) => setZoom(e.target.value as Zoom)} data-testid="fax-zoom">
            {ZOOMS.map((z) => (
              <option key={z} value={z}>
                {z === 'page' ? t.fax.zoomPage : z === 'width' ? t.fax.zoomFit : t.fax.percent(num(Number(z)))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {preview.error && <LoadError message={preview.error} onRetry={preview.reload} />}
      <div className="fax-page-frame" hidden={!!preview.error} data-testid="fax-page-frame">
        {shown && (
          <img
            className={zoom === 'page' ? 'fax-page whole' : 'fax-page'}
            src={`data:image/png;base64,${shown.png}`}
            alt={t.fax.pageAlt(doc?.name ?? '', num(page))}
            style={size}
            data-testid="fax-page-image"
            data-page={shown.page}
          />
        )}
      </div>
    </Dialog>
  );
}
