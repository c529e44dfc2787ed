import { useCallback, useEffect, useRef, useState } from 'react';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import { navigate } from '../app/router';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';

/**
 * How long a received-fax card stays. A call's card goes 5 s after its call ended, but it was on screen
 * while the phone rang; a fax's card appears only once the fax is in, so it stays long enough to be read.
 */
const LINGER_MS = 20_000;

/**
 * A received fax pops up like a call: a card in the window's corner with the sender's number, the
 * contact it matched, the fax ID (TSI) and the pages, Open (the fax's page) and Close; it goes by itself.
 * The card is drawn from the event alone (one hop: no request is made to show it).
 */
export function FaxPopups() {
  const [items, setItems] = useState<FaxReceivedEvent[]>([]);
  useEvent('fax/received', (fax) => setItems((xs) => [...xs.filter((x) => x.id !== fax.id), fax]));
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  if (items.length === 0) return null;
  return (
    <div className="caller-popups fax-popups" data-testid="fax-popups">
      {items.map((x) => (
        <FaxCard key={x.id} fax={x} onDismiss={() => dismiss(x.id)} />
      ))}
    </div>
  );
}

function FaxCard({ fax, onDismiss }: { fax: FaxReceivedEvent; onDismiss: () => void }) {
  const { t, num, digits } = useLocale();
  const m = t.faxLog;
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    const timer = setTimeout(() => dismissRef.current(), LINGER_MS);
    return () => clearTimeout(timer);
  }, []);
  const who = fax.contactName || (fax.numberDisplay ? digits(fax.numberDisplay) : '') || fax.remoteId || m.withheld;
  return (
    <section className={`caller-card caller-card-toast fax-card${fax.ok ? '' : ' stage-missed'}`} role="status" data-testid="fax-popup" data-id={fax.id}>
      <header className="caller-card-head">
        <span className="caller-stage">{fax.ok ? m.popupTitle : m.popupCutShort}</span>
        <span className="caller-card-line">{fax.lineName || digits(fax.lineId)}</span>
      </header>
      <div className="fax-card-who">
        <strong data-testid="fax-popup-who">
          <bdi>{who}</bdi>
        </strong>
        {fax.contactName && fax.numberDisplay && (
          <div className="muted" data-testid="fax-popup-number">
            <bdi dir="ltr">{digits(fax.numberDisplay)}</bdi>
          </div>
        )}
        {fax.remoteId && (
          <div className="muted" data-testid="fax-popup-tsi">
            {m.remoteIdIn}: <bdi dir="ltr">{fax.remoteId}</bdi>
          </div>
        )}
        {fax.routedTo && (
          <div className="fax-card-for" data-testid="fax-popup-for">
            {t.faxRoutes.forLabel}: <bdi>{fax.routedTo.name}</bdi>
          </div>
        )}
        <div data-testid="fax-popup-pages">{m.popupPages(num(fax.pages))}</div>
      </div>
      <footer className="caller-actions">
        <button
          type="button"
          className="button small primary"
          onClick={() => {
            onDismiss();
            navigate({ screen: 'fax-log-entry', id: fax.id });
          }}
          data-testid="fax-popup-open"
        >
          {m.open}
        </button>
        <button type="button" className="button small subtle" onClick={onDismiss} data-testid="fax-popup-dismiss">
          {m.dismiss}
        </button>
      </footer>
    </section>
  );
}
