import { useEffect, useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { href, newContactRoute } from '../app/router';
import { useEvent } from '../hooks/use-event';
import { useT } from '../i18n/use-t';
import { CallerCardView } from './caller-card-view';
import { useCallerCard } from './use-caller-card';

/** '#popup?callId=12&number=0912…' → its parts; null for any other route. */
export function parsePopupRoute(hash: string): { callId: number; number: string } | null {
  const m = /^#popup\?(.*)$/.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[1]);
  const callId = Number(q.get('callId'));
  return Number.isInteger(callId) && callId > 0 ? { callId, number: q.get('number') ?? '' } : null;
}

/** Brings the main window forward at a route; outside the desktop app, becomes the main window in this tab. */
function showMain(route: string): void {
  if (window.monshi?.showMain) return window.monshi.showMain(route);
  window.history.replaceState(null, '', window.location.pathname + window.location.search + route);
  window.location.reload();
}

/**
 * The desktop app's popup window: only the caller card, following the call until it ends. Open and
 * Add bring the main window forward at the contact (or a new contact with the number); Dismiss
 * closes the window.
 */
export function PopupWindowApp({ callId }: { callId: number }) {
  const t = useT();
  const client = useClient();
  const [call, setCall] = useState<CallRow | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    void client.call('calls/get', { id: callId }).then((r) => (r.ok ? setCall(r.value) : setMissing(r.error.message)));
  }, [client, callId]);
  useEvent('call/updated', ({ call: c }) => c.id === callId && setCall(c));
  const { card, reload } = useCallerCard(call, null);

  useEffect(() => {
    document.body.classList.add('popup-window');
    return () => document.body.classList.remove('popup-window');
  }, []);

  if (missing) return <p className="popup-missing">{missing}</p>;
  if (!call || !card) return <p className="popup-missing muted">{t.app.loading}</p>;
  return (
    <CallerCardView
      call={call}
      card={card}
      variant="window"
      onDismiss={() => window.close()}
      onOpenContact={(id) => showMain(href({ screen: 'contact', id }))}
      onOpenFile={(id) => showMain(href({ screen: 'file', id }))}
      onAddContact={(n) => showMain(href(newContactRoute(n)))}
      onReload={reload}
    />
  );
}
