import { useState } from 'react';
import type { FaxPagePreview } from '../../shared/contract/fax';
import { FAX_ROTATIONS, type FaxLogDetail, type FaxRotation } from '../../shared/contract/fax-log';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useDial } from '../calls/use-dial';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { FaxLogDetails } from './fax-log-details';
import { FaxPageViewer } from './fax-page-viewer';
import { partyOf } from './fax-log-words';

const turned = (r: FaxRotation, by: 90 | -90): FaxRotation => FAX_ROTATIONS[(FAX_ROTATIONS.indexOf(r) + (by === 90 ? 1 : 3)) % 4]!;

/**
 * One fax from the log: its pages as the engine draws them (turned as kept for this fax), page by page
 * with zoom; turned in 90° steps (kept with the fax, so it stays turned after a restart); printed (all
 * pages, through the browser's print); saved as TIFF; the details and the contact as a link.
 */
export function FaxLogEntryView({ id }: { id: number }) {
  const locale = useLocale();
  const { t } = locale;
  const m = t.faxLog;
  const client = useClient();
  const toast = useToast();
  const { dial, pending } = useDial();
  const entry = useQuery('fax/log-entry', { id }, { reloadOn: ['fax/log-changed'] });
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [printPages, setPrintPages] = useState<FaxPagePreview[] | null>(null);
  const fax: FaxLogDetail | null = entry.data;
  const rotation = fax?.rotation ?? 0;
  // A turned fax (here or in another window) says so with fax/log-changed: its picture is asked for again.
  const preview = useQuery('fax/log-page', { id, page }, { skip: !fax?.hasPages, reloadOn: ['fax/log-changed'] });
  const pages = preview.data?.pages ?? fax?.pagesDone ?? 0;

  const rotate = async (by: 90 | -90) => {
    if (!fax) return;
    setBusy(true);
    const r = await client.call('fax/log-rotate', { id, rotation: turned(rotation, by) });
    setBusy(false);
    if (r.ok) entry.reload();
    else toast.show('error', r.error.message);
  };

  const exportTiff = async () => {
    setBusy(true);
    const r = await client.call('fax/log-tiff', { id });
    setBusy(false);
    if (r.ok) saveFile(r.value);
    else toast.show('error', r.error.message);
  };

  // Every page is fetched, laid out for paper (fax.css hides the rest of the app in print) and printed.
  const print = async () => {
    setBusy(true);
    const got: FaxPagePreview[] = [];
    for (let p = 1; p <= pages; p++) {
      const r = await client.call('fax/log-page', { id, page: p });
      if (!r.ok) {
        setBusy(false);
        return toast.show('error', r.error.message);
      }
      got.push(r.value);
    }
    setBusy(false);
    setPrintPages(got);
    // After React drew the images: the browser decodes them before printing.
    requestAnimationFrame(() => setTimeout(() => window.print(), 0));
  };

  if (entry.error) return <LoadError message={entry.error} onRetry={entry.reload} />;
  if (!fax) return <p className="muted">{t.common.loading}</p>;
  return (
    <div className="fax-screen fax-log-entry" data-testid="fax-log-entry" data-rotation={rotation}>
      <div className="fax-head">
        <div>
          <h1>
            <bdi>{m.entryTitle(partyOf(fax, locale))}</bdi>
          </h1>
          <a href={href({ screen: 'fax-log' })} data-testid="fax-log-back">
            {m.back}
          </a>
        </div>
        <div className="fax-entry-actions">
          {fax.contactId !== null && (
            <a className="button" href={href({ screen: 'contact', id: fax.contactId })} data-testid="fax-log-contact">
              <bdi>{fax.contactName}</bdi>
            </a>
          )}
          {fax.remoteNumber && (
            <button
              type="button"
              className="button"
              disabled={pending !== null}
              onClick={() => void dial(fax.remoteNumber, fax.contactId)}
              data-testid="fax-log-call-back"
            >
              {m.callBack}
            </button>
          )}
        </div>
      </div>
      <div className="fax-entry">
        <section className="fax-entry-pages">
          {fax.hasPages ? (
            <>
              <FaxPageViewer
                page={page}
                pages={pages}
                onPage={setPage}
                preview={preview}
                alt={(n) => m.pageAlt(n)}
                rotate={{ onRotate: (by) => void rotate(by), disabled: busy, label: m.rotate, leftLabel: m.rotateLeft }}
              >
                <button type="button" className="button" disabled={busy || pages === 0} onClick={() => void print()} data-testid="fax-print">
                  {m.printPages}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => void exportTiff()} data-testid="fax-export-tiff">
                  {m.exportTiff}
                </button>
              </FaxPageViewer>
            </>
          ) : (
            <p className="fax-empty" data-testid="fax-no-pages">
              {m.noPages}
            </p>
          )}
        </section>
        <FaxLogDetails fax={fax} />
      </div>
      {printPages && (
        <div className="fax-print-pages" aria-hidden="true">
          {printPages.map((p) => (
            <img key={p.page} src={`data:image/png;base64,${p.png}`} alt="" />
          ))}
        </div>
      )}
    </div>
  );
}
