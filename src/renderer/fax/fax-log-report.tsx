import { isoDateOf } from '../../shared/text/calendar';
import { href } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { addDays } from '../lib/date-ranges';
import { Dialog } from '../ui/dialog';
import { LoadError } from '../ui/load-error';

/** Days the report covers when the log's filter names none: the last 30, today included. */
const DEFAULT_DAYS = 30;

/**
 * The fax log's report: faxes and pages in and out per day over the filter's days (else the last 30), and
 * per contact (or number, when no contact matches), busiest first. Days without faxes are left out of the
 * table; the totals count them all.
 */
export function FaxLogReportDialog({ from, to, onClose }: { from: string | null; to: string | null; onClose: () => void }) {
  const { t, num, date, digits } = useLocale();
  const m = t.faxLog;
  const end = to ?? isoDateOf(new Date());
  const start = from ?? addDays(end, -(DEFAULT_DAYS - 1));
  const report = useQuery('fax/log-report', { from: start, to: end }, { reloadOn: ['fax/log-changed'] });
  const r = report.data;
  const days = r?.perDay.filter((d) => d.faxesIn + d.faxesOut > 0) ?? [];
  const counts = (x: { faxesIn: number; pagesIn: number; faxesOut: number; pagesOut: number }) => (
    <>
      <td className="num">{num(x.faxesIn)}</td>
      <td className="num">{num(x.pagesIn)}</td>
      <td className="num">{num(x.faxesOut)}</td>
      <td className="num">{num(x.pagesOut)}</td>
    </>
  );
  const heads = (
    <>
      <th scope="col" className="num">
        {m.reportIn}
      </th>
      <th scope="col" className="num">
        {m.reportPagesIn}
      </th>
      <th scope="col" className="num">
        {m.reportOut}
      </th>
      <th scope="col" className="num">
        {m.reportPagesOut}
      </th>
    </>
  );
  return (
    <Dialog title={m.reportTitle(date(start), date(end))} size="large" testId="fax-log-report" onClose={onClose}>
      {report.error && <LoadError message={report.error} onRetry={report.reload} />}
      {r && (
        <>
          <p data-testid="fax-report-totals">
            {m.reportTotals(num(r.totals.faxesIn), num(r.totals.pagesIn), num(r.totals.faxesOut), num(r.totals.pagesOut), num(r.totals.failed))}
          </p>
          <h3 className="detail-section-title">{m.reportByDay}</h3>
          {days.length === 0 ? (
            <p className="muted">{m.empty}</p>
          ) : (
            <table className="fax-table" data-testid="fax-report-days">
              <thead>
                <tr>
                  <th scope="col">{m.reportDay}</th>
                  {heads}
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date} data-testid="fax-report-day">
                    <td>{date(d.date)}</td>
                    {counts(d)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 className="detail-section-title">{m.reportByContact}</h3>
          {r.perContact.length > 0 && (
            <table className="fax-table" data-testid="fax-report-contacts">
              <thead>
                <tr>
                  <th scope="col">{m.colParty}</th>
                  {heads}
                </tr>
              </thead>
              <tbody>
                {r.perContact.map((c) => (
                  <tr key={c.contactId ?? `n${c.numberDisplay}`} data-testid="fax-report-contact">
                    <td>
                      {c.contactId !== null ? (
                        <a href={href({ screen: 'contact', id: c.contactId })}>
                          <bdi>{c.contactName}</bdi>
                        </a>
                      ) : c.numberDisplay ? (
                        <bdi dir="auto">{digits(c.numberDisplay)}</bdi>
                      ) : (
                        m.withheld
                      )}
                    </td>
                    {counts(c)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Dialog>
  );
}
