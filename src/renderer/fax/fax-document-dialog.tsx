import { useEffect, useState } from 'react';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import type { FaxDocument } from '../../shared/contract/fax';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { FaxPageViewer } from './fax-page-viewer';

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
  const { t, instant } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [page, setPage] = useState(1);
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
      <FaxPageViewer page={page} pages={pages} onPage={setPage} preview={preview} alt={(n) => t.fax.pageAlt(doc?.name ?? '', n)} />
    </Dialog>
  );
}
