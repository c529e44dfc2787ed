import { useState } from 'react';
import { FAX_LOG_DIRECTIONS, type FaxLogDirection } from '../../shared/contract/fax-log';
import type { FileOut } from '../../shared/contract/io';
import { parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useDebounced } from '../hooks/use-debounced';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { LoadError } from '../ui/load-error';
import { SearchIcon } from '../ui/search-icon';
import { useToast } from '../ui/toast-context';
import { FaxLogEntryView } from './fax-log-entry';
import { FaxLogReportDialog } from './fax-log-report';
import { durationOf, partyOf, resultOf } from './fax-log-words';

const PAGE = 100;

/** The "for" filter's value ('staff:3', 'group:2') as the request's; '' is anyone. */
function targetOf(v: string): { kind: 'staff' | 'group'; id: number } | null {
  const m = /^(staff|group):(\d+)$/.exec(v);
  return m ? { kind: m[1] === 'staff' ? 'staff' : 'group', id: Number(m[2]) } : null;
}
/** The most rows one request returns (the contract's limit); the search narrows a longer log. */
const MAX_LIMIT = 500;

/**
 * The fax log: every fax in and out, newest first, with the fields HylaFAX's log keeps; searched by
 * number, fax ID or contact name, filtered by direction and days, printed as a PDF. One fax opens at its
 * own address ('#/fax/log/7') in place of the list, so Back returns to the list as it was.
 */
export function FaxLogScreen({ entryId }: { entryId: number | null }) {
  const locale = useLocale();
  const { t, num, instant, digits, calendar } = locale;
  const m = t.faxLog;
  const client = useClient();
  const toast = useToast();
  const [text, setText] = useState('');
  const [direction, setDirection] = useState<FaxLogDirection | null>(null);
  const [routedTo, setRoutedTo] = useState('');
  const routes = useQuery('fax/routes', {}, { reloadOn: ['fax/routes-changed'] });
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [printing, setPrinting] = useState(false);
  const [reporting, setReporting] = useState(false);
  const query = {
    text: useDebounced(text.trim(), 250),
    direction,
    from: from.trim() ? parseDateInput(from, calendar) : null,
    to: to.trim() ? parseDateInput(to, calendar) : null,
    routedTo: targetOf(routedTo),
  };
  const log = useQuery('fax/log', { ...query, limit }, { reloadOn: ['fax/log-changed'] });

  if (entryId !== null) return <FaxLogEntryView id={entryId} />;

  const print = async () => {
    setPrinting(true);
    const r = await client.call('fax/log-print', query);
    setPrinting(false);
    if (r.ok) setPdf(r.value);
    else toast.show('error', r.error.message);
  };

  const rows = log.data?.rows ?? [];
  const total = log.data?.total ?? 0;
  const filtered = query.text !== '' || direction !== null || query.from !== null || query.to !== null || query.routedTo !== null;
  return (
    <div className="fax-screen fax-log" data-testid="fax-log">
      <div className="fax-head">
        <div>
          <h1>{m.title}</h1>
          <p className="muted">{m.intro}</p>
        </div>
        <nav className="fax-links">
          <a href={href({ screen: 'fax' })} data-testid="fax-library-link">
            {m.library}
          </a>
          <a href={href({ screen: 'fax-routes' })} data-testid="fax-routes-link">
            {t.faxRoutes.nav}
          </a>
        </nav>
      </div>
      <div className="call-filters fax-log-filters" role="search">
        <div className="search-box call-search">
          <SearchIcon />
          <input
            className="input search-input"
            type="search"
            value={text}
            placeholder={m.search}
            aria-label={m.search}
            onChange={(e) => setText(e.target.value)}
            dir="auto"
            data-testid="fax-log-search"
          />
        </div>
        <DateInput name="fax-log-from" label={m.from} value={from} onChange={setFrom} className="call-date" />
        <DateInput name="fax-log-to" label={m.to} value={to} onChange={setTo} className="call-date" />
        <label className="call-select">
          <span className="label">{m.direction}</span>
          <select
            className="input"
            value={direction ?? ''}
            onChange={(e) => setDirection(FAX_LOG_DIRECTIONS.find((d) => d === e.target.value) ?? null)}
            data-testid="fax-log-direction"
          >
            <option value="">{m.directions.all}</option>
            {FAX_LOG_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {m.directions[d]}
              </option>
            ))}
          </select>
        </label>
        <label className="call-select">
          <span className="label">{t.faxRoutes.filterFor}</span>
          <select className="input" value={routedTo} onChange={(e) => setRoutedTo(e.target.value)} data-testid="fax-log-for">
            <option value="">{t.faxRoutes.anyone}</option>
            {(routes.data?.targets ?? []).map((x) => (
              <option key={`${x.kind}:${x.id}`} value={`${x.kind}:${x.id}`}>
                {x.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={printing} onClick={() => void print()} data-testid="fax-log-print">
          {printing ? m.printing : m.print}
        </button>
        <button type="button" className="button" onClick={() => setReporting(true)} data-testid="fax-log-report-open">
          {m.report}
        </button>
        <span className="muted" data-testid="fax-log-count">
          {log.data ? m.count(num(rows.length), num(total)) : ''}
        </span>
      </div>
      {log.error && <LoadError message={log.error} onRetry={log.reload} variant="list" />}
      {log.data && rows.length === 0 && !log.error && (
        <p className="fax-empty" data-testid="fax-log-empty">
          {filtered ? m.noMatch : m.empty}
        </p>
      )}
      {rows.length > 0 && (
        <table className="fax-table" aria-label={m.listLabel} data-testid="fax-log-list">
          <thead>
            <tr>
              <th scope="col">{m.colTime}</th>
              <th scope="col">{m.colDirection}</th>
              <th scope="col">{m.colParty}</th>
              <th scope="col">{m.colRemoteId}</th>
              <th scope="col">{t.faxRoutes.colFor}</th>
              <th scope="col" className="num">
                {m.colPages}
              </th>
              <th scope="col">{m.colSpeed}</th>
              <th scope="col">{m.colDuration}</th>
              <th scope="col">{m.colResult}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.ok ? '' : 'fax-failed'} data-testid="fax-log-row" data-id={r.id}>
                <td>
                  <a href={href({ screen: 'fax-log-entry', id: r.id })} data-testid="fax-log-open">
                    {instant(r.startedAt)}
                  </a>
                </td>
                <td>{m.directions[r.direction]}</td>
                <td data-testid="fax-log-party">
                  <bdi>{partyOf(r, locale)}</bdi>
                  {r.contactName && r.numberDisplay && (
                    <span className="muted">
                      {' · '}
                      <bdi dir="ltr">{digits(r.numberDisplay)}</bdi>
                    </span>
                  )}
                </td>
                <td>
                  <bdi dir="ltr">{r.remoteId}</bdi>
                </td>
                <td data-testid="fax-log-for-cell">{r.routedTo ? <bdi>{r.routedTo.name}</bdi> : ''}</td>
                <td className="num" data-testid="fax-log-pages">
                  {r.direction === 'out' ? m.pagesOf(num(r.pagesDone), num(r.pagesTotal)) : num(r.pagesDone)}
                </td>
                <td data-testid="fax-log-speed">
                  {/* Isolated left to right: in a Persian row «bps ۱۴٬۴۰۰» would otherwise read unit first. */}
                  {r.bps === null ? '—' : <bdi dir="ltr">{m.bps(num(r.bps))}</bdi>}
                  {r.bps !== null && r.ecm && ` · ${m.withEcm}`}
                </td>
                <td>
                  <bdi dir="ltr">{durationOf(r.durationMs, locale)}</bdi>
                </td>
                <td data-testid="fax-log-result">{resultOf(r, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length < total && limit < MAX_LIMIT && (
        <button type="button" className="button" onClick={() => setLimit(Math.min(limit + PAGE, MAX_LIMIT))} data-testid="fax-log-more">
          {m.more}
        </button>
      )}
      {reporting && <FaxLogReportDialog from={query.from} to={query.to} onClose={() => setReporting(false)} />}
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={() => m.title} testId="fax-log-pdf" />}
    </div>
  );
}
