import { useEffect, useState } from 'react';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useT } from '../i18n/use-t';
import { FaxCard } from './fax-card';

/** '#fax-popup?faxId=7' → the fax's log id; null for any other route. */
export function parseFaxPopupRoute(hash: string): { faxId: number } | null {
  const m = /^#fax-popup\?(.*)$/.exec(hash);
  if (!m) return null;
  const faxId = Number(new URLSearchParams(m[1]).get('faxId'));
  return Number.isInteger(faxId) && faxId > 0 ? { faxId } : null;
}

/**
 * The desktop app's received-fax popup window: only the fax's card, drawn from the 'fax/received' payload
 * the shell kept for this window (one hop: nothing is asked of the engine to show it). Open brings the
 * main window forward at the fax's page; Close closes the window. Opened at the route in a browser tab
 * (no shell to give a payload), the window says the fax is in the log and links there.
 */
export function FaxPopupWindowApp({ faxId }: { faxId: number }) {
  const t = useT();
  const { shell } = useClient();
  const [fax, setFax] = useState<FaxReceivedEvent | null | 'none'>(null);
  useEffect(() => {
    document.body.classList.add('popup-window');
    void shell.popupFax().then((f) => setFax(f && f.id === faxId ? f : 'none'));
    return () => document.body.classList.remove('popup-window');
  }, [shell, faxId]);

  if (fax === null) return <p className="popup-missing muted">{t.app.loading}</p>;
  const open = () => shell.showMain(href({ screen: 'fax-log-entry', id: faxId }));
  if (fax === 'none') {
    return (
      <p className="popup-missing">
        <a href={href({ screen: 'fax-log-entry', id: faxId })}>{t.faxLog.open}</a>
      </p>
    );
  }
  return <FaxCard fax={fax} variant="window" onOpen={open} onDismiss={() => window.close()} />;
}
