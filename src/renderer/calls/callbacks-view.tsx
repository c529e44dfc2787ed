import { useState } from 'react';
import { CALLBACK_DAYS, type CallbackRow } from '../../shared/contract/callbacks';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { CallContact } from './call-contact';
import { CallLink } from './call-link';
import { CallNumber } from './call-number';
import { DialButton } from './dial-button';

type Props = {
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
};

/**
 * "To call back": one row per number whose missed calls nobody returned, newest first, with how many
 * times it called, Call back (the number as the last call gave it) and Dismiss. A call back that
 * connects, or an answered call from the number, takes the row off by itself (the engine marks the
 * calls returned and sends 'call/updated').
 */
export function CallbacksView({ onOpenContact, onAddContact }: Props) {
  const { t, num, digits, instant } = useLocale();
  const c = t.callbacks;
  const client = useClient();
  const toast = useToast();
  const [days, setDays] = useState<number>(30);
  const query = useQuery('calls/to-call-back', { days }, { reloadOn: ['call/incoming', 'call/updated', 'calls/callbacks-changed'] });
  const list = query.data;

  const dismiss = async (row: CallbackRow) => {
    const r = await client.call('calls/dismiss-callback', { numberKey: row.numberKey });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', c.dismissed(`\u2066${digits(row.numberDisplay || row.numberRaw)}\u2069`));
  };

  return (
    <section className="callbacks" data-testid="callbacks">
      <div className="callbacks-head">
        <div>
          <h2>{c.title}</h2>
          <p className="muted">{c.intro}</p>
        </div>
        <label className="field inline">
          <span>{c.range}</span>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="callbacks-days">
            {CALLBACK_DAYS.map((d) => (
              <option key={d} value={d}>
                {c.days(num(d))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.error && <LoadError message={query.error} onRetry={query.reload} testId="callbacks-error" />}
      {list && list.rows.length === 0 && (
        <p className="callbacks-empty" data-testid="callbacks-empty">
          {c.empty}
        </p>
      )}
      {list && list.rows.length > 0 && (
        <ul className="callback-list">
          {list.rows.map((row) => {
            const number = row.numberDisplay || row.numberRaw;
            return (
              <li key={row.numberKey} className="callback-item" data-testid="callback" data-number-key={row.numberKey}>
                <div className="callback-who">
                  <CallContact
                    contactId={row.contactId}
                    contactName={row.contactName}
                    callerName={row.callerName}
                    number={number}
                    onOpenContact={onOpenContact}
                    onAddContact={onAddContact}
                  />
                  <CallNumber call={{ numberDisplay: row.numberDisplay, numberRaw: row.numberRaw, absence: null }} />
                </div>
                <div className="callback-when">
                  <span className="callback-count" data-testid="callback-count">
                    {c.missed(num(row.missed))}
                  </span>
                  <CallLink id={row.lastCallId} className="muted">
                    <span data-testid="callback-last">{instant(row.lastAt)}</span>
                  </CallLink>
                  {row.missed > 1 && <span className="muted">{c.since(instant(row.firstAt))}</span>}
                  <span className="muted">{row.lineName}</span>
                </div>
                <div className="callback-actions">
                  <DialButton number={row.numberRaw || number} contactId={row.contactId} label={c.callBack} className="call-back" />
                  <button type="button" className="button small" title={c.dismissTitle} onClick={() => void dismiss(row)} data-testid="callback-dismiss">
                    {c.dismiss}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list && list.total > list.rows.length && <p className="muted">{c.more(num(list.total - list.rows.length))}</p>}
      {list && list.withheld > 0 && (
        <p className="muted" data-testid="callbacks-withheld">
          {c.withheld(num(list.withheld))}
        </p>
      )}
    </section>
  );
}
