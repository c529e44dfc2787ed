import { useEffect, useState } from 'react';
import type { CallerCard, CallRow } from '../../shared/contract/calls';
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

/**
 * The call and its card: in the desktop app's popup window, the 'call/incoming' payload the window was
 * opened for (one hop, nothing asked of the engine); at the route in a browser tab (a link), the call
 * is read from the engine. Later events for the call (a late caller ID, answered, ended) replace them.
 */
function usePopupCall(callId: number) {
  const client = useClient();
  const [call, setCall] = useState<CallRow | null>(null);
  const [carried, setCarried] = useState<CallerCard | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  useEffect(() => {
    void client.shell.popupCall().then((opened) => {
      if (opened?.call.id !== callId) return client.call('calls/get', { id: callId }).then((r) => (r.ok ? setCall(r.value) : setMissing(r.error.message)));
      setCall(opened.call);
      setCarried(opened.card);
    });
  }, [client, callId]);
  useEvent('call/incoming', (e) => {
    if (e.call.id !== callId) return;
    setCall(e.call);
    setCarried(e.card);
  });
  useEvent('call/updated', ({ call: c }) => c.id === callId && setCall(c));
  return { call, carried, missing };
}

/**
 * The desktop app's popup window: only the caller card, following the call until it ends. Open and
 * Add bring the main window forward at the contact (or a new contact with the number); Dismiss
 * closes the window.
 */
export function PopupWindowApp({ callId }: { callId: number }) {
  const t = useT();
  const { shell } = useClient();
  const { call, carried, missing } = usePopupCall(callId);
  const { card, reload } = useCallerCard(call, carried);

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
      onOpenContact={(id) => shell.showMain(href({ screen: 'contact', id }))}
      onOpenFile={(id) => shell.showMain(href({ screen: 'file', id }))}
      onAddContact={(n) => shell.showMain(href(newContactRoute(n)))}
      onOpenCall={(id) => shell.showMain(href({ screen: 'call', id }))}
      onReload={reload}
    />
  );
}
