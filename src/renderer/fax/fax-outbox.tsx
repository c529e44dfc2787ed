import { useClient } from '../app/client';
import { href } from '../app/router';
import type { FaxJob } from '../../shared/contract/fax-outbox.api';
import { useEvent } from '../hooks/use-event';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { faxJobStatus } from './fax-job-status';
import { FaxOutboxSettingsForm } from './fax-outbox-settings';

/** Who a job is for: the contact's name and the number, the number read left to right in either language. */
export function FaxRecipient({ job }: { job: FaxJob }) {
  const { digits } = useLocale();
  const number = (
    <bdi dir="ltr" className="fax-number">
      {digits(job.number)}
    </bdi>
  );
  return job.recipient ? (
    <>
      <bdi>{job.recipient}</bdi> ({number})
    </>
  ) : (
    number
  );
}

/** Jobs that may be cancelled or dialled again now. */
export const canCancel = (j: FaxJob) => j.status === 'queued' || j.status === 'scheduled' || j.status === 'sending';
export const canRetry = (j: FaxJob) => j.status === 'queued' || j.status === 'scheduled' || j.status === 'failed';

/**
 * The outbox: every fax queued, newest first, its status live in words (each change arrives as an event
 * carrying the job, applied in place), with cancel and retry now, and a link to each job's page.
 */
export function FaxOutbox() {
  const locale = useLocale();
  const { t, num, instant } = locale;
  const client = useClient();
  const toast = useToast();
  const outbox = useQuery('fax/outbox', {});
  useEvent('fax/outbox-changed', ({ job }) =>
    outbox.setData((d) => {
      if (!d) return d;
      const at = d.jobs.findIndex((j) => j.id === job.id);
      const jobs = at < 0 ? [job, ...d.jobs] : d.jobs.map((j) => (j.id === job.id ? job : j));
      return { ...d, jobs };
    }),
  );

  const act = async (method: 'fax/job-cancel' | 'fax/job-retry', id: number) => {
    const r = await client.call(method, { id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', method === 'fax/job-cancel' ? t.faxOut.cancelled : t.faxOut.retried);
  };

  const jobs = outbox.data?.jobs ?? [];
  return (
    <section className="fax-outbox" aria-labelledby="fax-outbox-title" data-testid="fax-outbox">
      <h2 id="fax-outbox-title">{t.faxOut.outbox}</h2>
      {outbox.data && !outbox.data.lineCanFax && (
        <p className="fax-later" data-testid="fax-no-line">
          {t.faxOut.noLine}
        </p>
      )}
      <FaxOutboxSettingsForm />
      {outbox.error && <LoadError message={outbox.error} onRetry={outbox.reload} variant="list" />}
      {outbox.data && jobs.length === 0 && <p className="fax-empty">{t.faxOut.outboxEmpty}</p>}
      {jobs.length > 0 && (
        <table className="fax-table" aria-label={t.faxOut.outbox} data-testid="fax-outbox-list">
          <thead>
            <tr>
              <th scope="col">{t.faxOut.colTo}</th>
              <th scope="col" className="num">
                {t.faxOut.colPages}
              </th>
              <th scope="col">{t.faxOut.colStatus}</th>
              <th scope="col">{t.faxOut.colQueued}</th>
              <th scope="col">
                <span className="visually-hidden">{t.faxOut.colActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((j) => (
              <tr key={j.id} data-testid="fax-job-row" data-id={j.id} data-status={j.status}>
                <td>
                  <a href={href({ screen: 'fax-job', id: j.id })} className="fax-name" data-testid="fax-job-open">
                    <FaxRecipient job={j} />
                  </a>
                </td>
                <td className="num">{num(j.pages)}</td>
                <td data-testid="fax-job-status" aria-live="polite">
                  {faxJobStatus(j, locale)}
                </td>
                <td>{instant(j.createdAt)}</td>
                <td className="fax-job-actions">
                  {canCancel(j) && (
                    <button type="button" className="button small" onClick={() => void act('fax/job-cancel', j.id)} data-testid="fax-job-cancel">
                      {t.faxOut.cancel}
                    </button>
                  )}
                  {canRetry(j) && (
                    <button type="button" className="button small" onClick={() => void act('fax/job-retry', j.id)} data-testid="fax-job-retry">
                      {t.faxOut.retry}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
