import { useEffect, useRef } from 'react';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import { useLocale } from '../i18n/use-t';

/**
 * How long a received-fax card stays in the main window. A call's card goes 5 s after its call ended, but it
 * was on screen while the phone rang; a fax's card appears only once the fax is in, so it stays long enough
 * to be read. (The desktop app's popup window closes itself after as long: src/main/shell/popup-window.ts.)
 */
const LINGER_MS = 20_000;

type Props = {
  fax: FaxReceivedEvent;
  onOpen: () => void;
  onDismiss: () => void;
  /** 'toast' in the main window's corner (goes by itself); 'window' fills the desktop app's popup window. */
  variant: 'toast' | 'window';
};

/**
 * A received fax's card, drawn from the 'fax/received' payload alone (one hop: no request is made to show
 * it): the sender's number, the contact it matched, the fax ID (TSI), who it is for, the pages, Open and Close.
 */
export function FaxCard({ fax, onOpen, onDismiss, variant }: Props) {
  const { t, num, digits } = useLocale();
  const m = t.faxLog;
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    if (variant !== 'toast') return;
    const timer = setTimeout(() => dismissRef.current(), LINGER_MS);
    return () => clearTimeout(timer);
  }, [variant]);
  const who = fax.contactName || (fax.numberDisplay ? digits(fax.numberDisplay) : '') || fax.remoteId || m.withheld;
  const toast = variant === 'toast' ? ' caller-card-toast' : ' caller-card-window';
  return (
    <section className={`caller-card${toast} fax-card${fax.ok ? '' : ' stage-missed'}`} role="status" data-testid="fax-popup" data-id={fax.id}>
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
            onOpen();
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
