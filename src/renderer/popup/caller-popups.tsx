import { useEffect, useRef, useState } from 'react';
import type { CallerCard, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import type { Messages } from '../i18n/messages';
import { CallerCardView } from './caller-card-view';
import { useCallerCard } from './use-caller-card';

/** How long a card stays after its call ended, so the front desk can still add a note. */
const LINGER_MS = 20_000;

type Item = { call: CallRow; card: CallerCard };

/**
 * The caller-ID popup inside the main window (browser mode): a card per ringing call in the corner,
 * over whatever screen is shown, plus a desktop notification while the window is not in front. The
 * desktop app shows the same card in its own always-on-top window instead, so this stays quiet there.
 */
export function CallerPopups({ onOpenContact, onAddContact }: { onOpenContact: (id: number) => void; onAddContact: (number: string) => void }) {
  const { t } = useLocale();
  const client = useClient();
  const [items, setItems] = useState<Item[]>([]);
  const shell = useRef<string | null>(null);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    void client.call('app/info', {}).then((r) => {
      if (r.ok) shell.current = r.value.shell;
    });
  }, [client]);

  useEvent('call/incoming', ({ call, card }) => {
    if (shell.current === 'electron') return;
    setItems((xs) => (xs.some((x) => x.call.id === call.id) ? xs.map((x) => (x.call.id === call.id ? { call, card } : x)) : [...xs, { call, card }]));
    notify(tRef.current, call, card, () => window.focus());
  });
  useEvent('call/updated', ({ call }) => setItems((xs) => (xs.some((x) => x.call.id === call.id) ? xs.map((x) => (x.call.id === call.id ? { ...x, call } : x)) : xs)));

  const dismiss = (id: number) => setItems((xs) => xs.filter((x) => x.call.id !== id));
  if (items.length === 0) return null;
  return (
    <div className="caller-popups" data-testid="caller-popups">
      {items.map((x) => (
        <PopupItem
          key={x.call.id}
          item={x}
          onDismiss={() => dismiss(x.call.id)}
          onOpenContact={(id) => {
            dismiss(x.call.id);
            onOpenContact(id);
          }}
          onAddContact={(n) => {
            dismiss(x.call.id);
            onAddContact(n);
          }}
        />
      ))}
    </div>
  );
}

function PopupItem({ item, onDismiss, onOpenContact, onAddContact }: { item: Item; onDismiss: () => void; onOpenContact: (id: number) => void; onAddContact: (n: string) => void }) {
  const { card, reload } = useCallerCard(item.call, item.card);
  const [held, setHeld] = useState(false);
  const ended = item.call.endedAt !== null;
  // An ended call's card goes by itself, unless the user is working in it.
  useEffect(() => {
    if (!ended || held) return;
    const timer = setTimeout(onDismiss, LINGER_MS);
    return () => clearTimeout(timer);
  }, [ended, held, onDismiss]);
  if (!card) return null;
  return (
    <div onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)} onFocus={() => setHeld(true)}>
      <CallerCardView call={item.call} card={card} variant="toast" onDismiss={onDismiss} onOpenContact={onOpenContact} onAddContact={onAddContact} onReload={reload} />
    </div>
  );
}

/** A desktop notification while the window is hidden or behind others, if the user allowed them. */
function notify(t: Messages, call: CallRow, card: CallerCard, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!document.hidden && document.hasFocus()) return;
  const who = card.contact?.displayName || card.callerName || (card.absence ? t.calls.absence[card.absence] : card.numberDisplay || t.popup.unknown);
  const body = [card.numberDisplay, card.contact?.company, call.lineName].filter(Boolean).join(' · ');
  try {
    const n = new Notification(t.popup.notificationTitle(who), { body, tag: `monshi-call-${call.id}`, lang: document.documentElement.lang, dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr' });
    n.onclick = () => {
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the in-app card is still shown.
  }
}
