import type { ReactNode } from 'react';
import type { FaxLogDetail } from '../../shared/contract/fax-log';
import { href } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { durationOf, resultOf } from './fax-log-words';

/** A logged fax's facts (the fields HylaFAX's xferfaxlog keeps), the contact as a link, and the T.30 trace folded away. */
export function FaxLogDetails({ fax }: { fax: FaxLogDetail }) {
  const locale = useLocale();
  const { t, num, instant, digits } = locale;
  const m = t.faxLog;
  const rows: [string, ReactNode, string][] = [
    [m.colTime, instant(fax.startedAt), 'time'],
    [m.colDirection, m.directions[fax.direction], 'direction'],
    [m.number, fax.numberDisplay ? <bdi dir="ltr">{digits(fax.numberDisplay)}</bdi> : m.withheld, 'number'],
    [fax.direction === 'in' ? m.remoteIdIn : m.remoteIdOut, <bdi dir="ltr">{fax.remoteId || '—'}</bdi>, 'remote-id'],
    [
      m.contact,
      fax.contactId !== null ? (
        <>
          <a href={href({ screen: 'contact', id: fax.contactId })}>
            <bdi>{fax.contactName}</bdi>
          </a>{' '}
          <span className="muted">({fax.matchedBy === 'remote-id' ? m.matchedByRemoteId : m.matchedByNumber})</span>
        </>
      ) : (
        m.noContact
      ),
      'contact',
    ],
    ...(fax.routedTo ? [[t.faxRoutes.forLabel, <bdi>{fax.routedTo.name}</bdi>, 'for'] as [string, ReactNode, string]] : []),
    // A line's id means nothing to the user: a fax logged on a line no longer in Lines has no line name to show.
    [m.line, fax.lineName || '—', 'line'],
    [m.pages, fax.direction === 'out' ? m.pagesOf(num(fax.pagesDone), num(fax.pagesTotal)) : num(fax.pagesDone), 'pages'],
    [m.speed, fax.bps === null ? '—' : <bdi dir="ltr">{m.bps(num(fax.bps))}</bdi>, 'speed'],
    [m.ecm, fax.ecm ? m.yes : m.no, 'ecm'],
    [m.resolution, fax.fine ? m.fine : m.standard, 'resolution'],
    [m.colDuration, <bdi dir="ltr">{durationOf(fax.durationMs, locale)}</bdi>, 'duration'],
    ...(fax.direction === 'out' ? [[m.attempts, num(fax.attempts), 'attempts'] as [string, ReactNode, string]] : []),
    [m.result, resultOf(fax, locale), 'result'],
  ];
  return (
    <section className="fax-entry-details" aria-label={m.details}>
      <h2 className="detail-section-title">{m.details}</h2>
      <dl className="fax-facts">
        {rows.map(([label, value, key]) => (
          <div key={key} data-testid={`fax-fact-${key}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {fax.trace.length > 0 && (
        <details className="fax-trace">
          <summary>{m.trace}</summary>
          <pre dir="ltr">{fax.trace.join('\n')}</pre>
        </details>
      )}
    </section>
  );
}
