import { useState } from 'react';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { canCancel, canRetry, FaxRecipient } from './fax-outbox';
import { faxJobStatus } from './fax-job-status';

/**
 * One outbox job at its own address ('#/fax/job/7'): the status live in words, attempts and pages
 * confirmed, the documents it was made of, its pages as they go (the header line is stamped when it
 * dials), cancel and retry now.
 */
export function FaxJobDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const locale = useLocale();
  const { t, num, instant } = locale;
  const client = useClient();
  const toast = useToast();
  const job = useQuery('fax/job', { id });
  const [page, setPage] = useState(1);
  const preview = useQuery('fax/job-page', { id, page });
  useEvent('fax/outbox-changed', (p) => p.job.id === id && job.setData(() => p.job));

  const act = async (method: 'fax/job-cancel' | 'fax/job-retry') => {
    const r = await client.call(method, { id });
    if (!r.ok) return toast.show('error', r.error.message);
    job.setData(() => r.value);
  };
  const j = job.data;
  const pages = j?.pages ?? 0;
  return (
    <Dialog
      title={
        j ? (
          <>
            {t.faxOut.jobTitle} <FaxRecipient job={j} />
          </>
        ) : (
          t.common.loading
        )
      }
      size="large"
      testId="fax-job"
      onClose={onClose}
      footer={
        <>
          {j && canCancel(j) && (
            <button type="button" className="button danger" onClick={() => void act('fax/job-cancel')} data-testid="fax-job-cancel">
              {t.faxOut.cancel}
            </button>
          )}
          {j && canRetry(j) && (
            <button type="button" className="button" onClick={() => void act('fax/job-retry')} data-testid="fax-job-retry">
              {t.faxOut.retry}
            </button>
          )}
          <button type="button" className="button primary" onClick={onClose} data-autofocus>
            {t.common.close}
          </button>
        </>
      }
    >
      {job.error && <LoadError message={job.error} onRetry={job.reload} />}
      {j && (
        <div className="fax-job-meta">
          <p className="fax-job-status" aria-live="polite" data-testid="fax-job-status" data-status={j.status}>
            {faxJobStatus(j, locale)}
          </p>
          <p className="muted">
            {t.faxOut.attempts(num(j.attempts), num(j.maxAttempts))} · {t.faxOut.confirmed(num(j.pagesConfirmed), num(j.pages))} · {instant(j.createdAt)}
            {j.remoteId && ` · ${t.faxOut.remote}: `}
            {j.remoteId && <bdi dir="ltr">{j.remoteId}</bdi>}
          </p>
          <ol className="fax-job-docs" data-testid="fax-job-docs">
            {j.cover && <li>{t.faxOut.cover}</li>}
            {j.documents.map((d) => (
              <li key={d.id}>
                <bdi>{d.name}</bdi> <span className="muted">{t.faxOut.pagesCount(num(d.pages))}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="fax-pager">
        <button type="button" className="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t.fax.previous}
        </button>
        <span className="fax-page-of" aria-live="polite">
          {pages > 0 ? t.fax.pageOf(num(page), num(pages)) : ''}
        </span>
        <button type="button" className="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t.fax.next}
        </button>
      </div>
      {preview.error && <LoadError message={preview.error} onRetry={preview.reload} />}
      <div className="fax-page-frame" hidden={!!preview.error}>
        {preview.data && (
          <img
            className="fax-page whole"
            src={`data:image/png;base64,${preview.data.png}`}
            alt={t.fax.pageOf(num(page), num(pages))}
            data-testid="fax-job-page"
          />
        )}
      </div>
    </Dialog>
  );
}
