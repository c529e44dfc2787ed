import { useCallback, useEffect, useState } from 'react';
import type { ChequeRow } from '../../shared/contract/cheques';
import { href } from '../app/router';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { AmountView } from './amount-view';
import { amountText, statusName } from './cheque-format';
import { ChequeStatusBadge } from './cheque-status-badge';
import { contactChequeSummary, type ContactChequeSummary } from './contact-cheque-summary';
import { useChequeSettings } from './use-cheque-settings';

/** At most this many on the contact's page; the link opens all of them in the cheque book. */
const SHOWN = 10;

type State = { rows: ChequeRow[]; total: number; summary: ContactChequeSummary } | null;

/**
 * A contact's cheques on their page in the phonebook: received from them and paid to them, latest due
 * first, with the counts each way, what is still open each way and the count per status. A row opens
 * the cheque and "all cheques" opens the cheque book filtered to this contact (hash routes, so the
 * phonebook needs no callbacks). Nothing at all for a contact without cheques.
 */
export function ContactCheques({ contactId }: { contactId: number }) {
  const { t, lang, num, date } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const { showToman } = useChequeSettings();
  const [state, setState] = useState<State>(null);

  const load = useCallback(
    async (isStale: () => boolean) => {
      const [list, report] = await Promise.all([
        client.call('cheques/search', { contactId, sort: 'due-desc', limit: SHOWN }),
        client.call('cheques/report', { contactId }),
      ]);
      if (isStale() || !list.ok || !report.ok) return;
      setState({ rows: list.value.items, total: list.value.total, summary: contactChequeSummary(report.value.byStatus) });
    },
    [client, contactId],
  );

  useEffect(() => {
    let stale = false;
    setState(null);
    void load(() => stale);
    return () => {
      stale = true;
    };
  }, [load]);
  useEvent('cheques/changed', () => void load(() => false));

  if (!state || state.total === 0) return null;
  const { rows, total, summary: s } = state;
  const money = (rials: number) => {
    const a = amountText(rials, lang, t, showToman);
    return a.second ? `${a.main} (${a.second})` : a.main;
  };
  const open = [
    s.received.openCount > 0 ? m.contactOpenPart(m.types.received, money(s.received.openAmount), num(s.received.openCount)) : '',
    s.paid.openCount > 0 ? m.contactOpenPart(m.types.paid, money(s.paid.openAmount), num(s.paid.openCount)) : '',
  ].filter(Boolean);

  return (
    <section className="detail-section contact-cheques" data-testid="contact-cheques">
      <h3 className="detail-section-title">{m.contactCheques}</h3>
      <p className="contact-cheque-counts" data-testid="contact-cheque-counts">
        {m.contactCounts(num(s.all), num(s.received.count), num(s.paid.count))}
      </p>
      <p className="contact-cheque-open" data-testid="contact-cheque-open" title={m.contactOpenTitle}>
        <span className="muted">{m.contactOpen}</span> {open.length > 0 ? open.join(' · ') : m.contactNothingOpen}
      </p>
      <p className="contact-cheque-statuses" data-testid="contact-cheque-statuses">
        {s.byStatus.map((x) => (
          <span key={`${x.direction}-${x.status}`} className="contact-cheque-status">
            {m.types[x.direction]} · {statusName(t, x.direction, x.status)}: {num(x.count)}
          </span>
        ))}
      </p>
      <ul className="plain-list contact-cheque-list">
        {rows.map((r) => (
          <li key={r.id}>
            <a className="contact-cheque" href={href({ screen: 'cheque', id: r.id })} data-testid="contact-cheque" data-cheque-id={r.id}>
              <span className="muted">{r.dueDate ? date(r.dueDate) : m.noDue}</span>
              <span className={`cheque-dir dir-${r.direction}`}>{m.types[r.direction]}</span>
              <AmountView rials={r.amount} toman={showToman} />
              <ChequeStatusBadge direction={r.direction} status={r.status} />
            </a>
          </li>
        ))}
      </ul>
      <a className="link-button" href={href({ screen: 'cheques', contactId })} data-testid="contact-cheques-all">
        {m.contactAll(num(total))}
      </a>
    </section>
  );
}
