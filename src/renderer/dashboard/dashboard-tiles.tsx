/**
 * The dashboard's tiles: each one asks the engine for its own figures with a request the user's role
 * may already make, so a role that cannot see cheques has no cheque tile (the screen leaves out a tile
 * whose request the session may not make), and one failed tile shows its error without the others.
 * A module adds its tile with one line in TILES.
 */
import type { ComponentType } from 'react';
import { useMemo } from 'react';
import type { Method } from '../../shared/contract/api';
import { formatRials } from '../../shared/text/amount';
import { addDays, type DateRange } from '../lib/date-ranges';
import { href } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { CallsChart } from './calls-chart';
import { TileFrame } from './tile-frame';
import { FollowupsTile } from '../followups/followups-tile';

export type TileProps = { range: DateRange; today: string };
export type TileSpec = { id: string; needs: Method; Tile: ComponentType<TileProps> };

function CallsTile({ range }: TileProps) {
  const { t, num, date } = useLocale();
  const d = t.dashboard;
  const q = useQuery('calls/report', { from: range.from, to: range.to }, { reloadOn: ['call/updated'] });
  const r = q.data;
  const oneDay = range.from === range.to;
  const chart = useMemo(() => {
    if (!r) return null;
    const points = oneDay
      ? r.perHour.map((h) => ({ label: num(h.hour), incoming: h.incoming, missed: h.missed }))
      : r.perDay.map((x) => ({ label: date(x.date).split(/[/ ]/).slice(-1)[0] ?? x.date, incoming: x.incoming, missed: x.missed }));
    return { labels: points.map((p) => p.label), answered: points.map((p) => Math.max(0, p.incoming - p.missed)), missed: points.map((p) => p.missed) };
  }, [r, oneDay, num, date]);
  return (
    <TileFrame
      id="calls"
      title={d.calls}
      opens={{ screen: 'calls', tab: 'report' }}
      error={q.error}
      onRetry={q.reload}
      figure={r ? num(r.totals.incoming + r.totals.outgoing) : null}
    >
      {r && (
        <>
          <dl className="tile-parts">
            <Part label={d.answered} value={num(r.totals.answered)} id="answered" />
            <Part label={d.missed} value={num(r.totals.missed)} id="missed" tone="danger" />
            <Part label={d.ivr} value={num(r.totals.ivr)} id="ivr" />
            <Part label={d.outgoing} value={num(r.totals.outgoing)} id="outgoing" />
          </dl>
          {chart && <CallsChart {...chart} />}
        </>
      )}
    </TileFrame>
  );
}

function Part({ label, value, id, tone }: { label: string; value: string; id: string; tone?: 'danger' }) {
  return (
    <div className={`tile-part${tone ? ` ${tone}` : ''}`} data-testid={`part-${id}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function CallbacksTile() {
  const { t, num, digits } = useLocale();
  const q = useQuery('calls/to-call-back', { days: 30, limit: 3 }, { reloadOn: ['call/incoming', 'call/updated', 'calls/callbacks-changed'] });
  const l = q.data;
  return (
    <TileFrame
      id="callbacks"
      title={t.dashboard.callbacks}
      opens={{ screen: 'calls', tab: 'callbacks' }}
      error={q.error}
      onRetry={q.reload}
      figure={l ? num(l.total) : null}
    >
      {l && l.rows.length === 0 && <p className="muted">{t.dashboard.callbacksNone}</p>}
      <ul className="tile-list">
        {l?.rows.map((row) => (
          <li key={row.numberKey}>
            <span>{row.contactName ?? <bdi dir="ltr">{digits(row.numberDisplay || row.numberRaw)}</bdi>}</span>
            <span className="danger">{t.callbacks.missed(num(row.missed))}</span>
          </li>
        ))}
      </ul>
    </TileFrame>
  );
}

function VoicemailTile() {
  const { t, num } = useLocale();
  const q = useQuery('voicemail/unheard', {}, { reloadOn: ['voicemail/changed'] });
  return (
    <TileFrame
      id="voicemail"
      title={t.dashboard.voicemail}
      opens={{ screen: 'voicemail' }}
      error={q.error}
      onRetry={q.reload}
      figure={q.data ? num(q.data.unheard) : null}
    >
      {q.data?.unheard === 0 && <p className="muted">{t.dashboard.voicemailNone}</p>}
    </TileFrame>
  );
}

const OPEN_CHEQUES = ['on_hand', 'deposited', 'issued'] as const;

function ChequesTile({ today }: TileProps) {
  const { t, num, lang } = useLocale();
  const d = t.dashboard;
  const q = useQuery('cheques/search', { dueFrom: today, dueTo: addDays(today, 6), statuses: [...OPEN_CHEQUES], limit: 1 }, { reloadOn: ['cheques/changed'] });
  const totals = q.data?.totals ?? [];
  const of = (dir: 'received' | 'paid') => totals.find((x) => x.direction === dir) ?? { count: 0, amount: 0 };
  return (
    <TileFrame
      id="cheques"
      title={d.cheques}
      opens={{ screen: 'cheques', contactId: null }}
      error={q.error}
      onRetry={q.reload}
      figure={q.data ? num(q.data.total) : null}
    >
      {q.data?.total === 0 && <p className="muted">{d.chequesNone}</p>}
      {q.data && q.data.total > 0 && (
        <ul className="tile-list">
          {of('received').count > 0 && (
            <li data-testid="cheques-received">{d.chequesReceived(num(of('received').count), formatRials(of('received').amount, lang))}</li>
          )}
          {of('paid').count > 0 && <li data-testid="cheques-paid">{d.chequesPaid(num(of('paid').count), formatRials(of('paid').amount, lang))}</li>}
        </ul>
      )}
    </TileFrame>
  );
}

/** Today's occurrences from the reminder book: birthdays or reminders. */
function useToday(today: string) {
  return useQuery('reminders/occurrences', { from: today, to: today }, { reloadOn: ['reminders/changed'] });
}

function BirthdaysTile({ today }: TileProps) {
  const { t, num } = useLocale();
  const q = useToday(today);
  const items = (q.data?.items ?? []).filter((x) => x.source === 'birthday');
  return (
    <TileFrame
      id="birthdays"
      title={t.dashboard.birthdays}
      opens={{ screen: 'reminders' }}
      error={q.error}
      onRetry={q.reload}
      figure={q.data ? num(items.length) : null}
    >
      {q.data && items.length === 0 && <p className="muted">{t.dashboard.birthdaysNone}</p>}
      <ul className="tile-list">
        {items.slice(0, 5).map((b) => (
          <li key={b.refId}>
            <a href={href({ screen: 'contact', id: b.refId })}>{b.participants[0]?.displayName ?? b.subject}</a>
            {b.age !== null && <span className="muted">{t.dashboard.age(num(b.age))}</span>}
          </li>
        ))}
      </ul>
    </TileFrame>
  );
}

function RemindersTile({ today }: TileProps) {
  const { t, num, digits } = useLocale();
  const q = useToday(today);
  const items = (q.data?.items ?? []).filter((x) => x.source === 'reminder');
  return (
    <TileFrame
      id="reminders"
      title={t.dashboard.reminders}
      opens={{ screen: 'reminders' }}
      error={q.error}
      onRetry={q.reload}
      figure={q.data ? num(items.length) : null}
    >
      {q.data && items.length === 0 && <p className="muted">{t.dashboard.remindersNone}</p>}
      <ul className="tile-list">
        {items.slice(0, 5).map((r) => (
          <li key={`${r.refId}-${r.at}`}>
            <a href={href({ screen: 'reminder', id: r.refId })}>{r.subject}</a>
            <bdi dir="ltr" className="muted">
              {digits(r.time)}
            </bdi>
          </li>
        ))}
      </ul>
    </TileFrame>
  );
}

/** The tiles in the order shown; each is left out for a session that may not make its request. */
export const TILES: TileSpec[] = [
  { id: 'calls', needs: 'calls/report', Tile: CallsTile },
  { id: 'callbacks', needs: 'calls/to-call-back', Tile: CallbacksTile },
  { id: 'followups', needs: 'followups/list', Tile: FollowupsTile },
  { id: 'voicemail', needs: 'voicemail/unheard', Tile: VoicemailTile },
  { id: 'reminders', needs: 'reminders/occurrences', Tile: RemindersTile },
  { id: 'birthdays', needs: 'reminders/occurrences', Tile: BirthdaysTile },
  { id: 'cheques', needs: 'cheques/search', Tile: ChequesTile },
];
