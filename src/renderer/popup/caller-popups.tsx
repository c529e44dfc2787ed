import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallerCard, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import type { Messages } from '../i18n/messages';
import { CallerCardView } from './caller-card-view';
import { useClearCorner } from './use-clear-corner';
import { useCallerCard } from './use-caller-card';

/**
 * How long a card stays after its call ended: long enough to read how it ended, short enough not to
 * sit on the screen. A note being written keeps it until the note is saved or the card dismissed.
 */
const LINGER_MS = 5_000;

type Item = { call: CallRow; card: CallerCard };

/**
 * The caller-ID popup inside the main window (browser mode): a card per ringing call in the corner,
 * over whatever screen is shown, plus a desktop notification while the window is not in front. The
 * desktop app shows the same card in its own always-on-top window instead, so this stays quiet there.
 */
export function CallerPopups({
  onOpenContact,
  onOpenFile,
  onAddContact,
}: {
  onOpenContact: (id: number) => void;
  onOpenFile: (id: number) => void;
  onAddContact: (number: string) => void;
}) {
  const { t } = useLocale();
  const client = useClient();
  const [items, setItems] = useState<Item[]>([]);
  const { popupWindows } = client.shell;
  const tRef = useRef(t);
  tRef.current = t;

  useEvent('call/incoming', ({ call, card }) => {
    if (popupWindows) return;
    setItems((xs) => (xs.some((x) => x.call.id === call.id) ? xs.map((x) => (x.call.id === call.id ? { call, card } : x)) : [...xs, { call, card }]));
    notify(tRef.current, call, card, () => window.focus());
  });
  useEvent('call/updated', ({ call }) =>
    setItems((xs) => (xs.some((x) => x.call.id === call.id) ? xs.map((x) => (x.call.id === call.id ? { ...x, call } : x)) : xs)),
  );

  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.call.id !== id)), []);
  const [stack, setStack] = useState<HTMLDivElement | null>(null);
  const corner = useClearCorner(stack);
  if (items.length === 0) return null;
  return (
    <div ref={setStack} className={`caller-popups corner-${corner}`} data-testid="caller-popups" data-corner={corner}>
      {items.map((x) => (
        <PopupItem
          key={x.call.id}
          item={x}
          onDismiss={() => dismiss(x.call.id)}
          onOpenContact={(id) => {
            dismiss(x.call.id);
            onOpenContact(id);
          }}
          onOpenFile={(id) => {
            dismiss(x.call.id);
            onOpenFile(id);
          }}
          onAddContact={(n) => {
            dismiss(x.call.id);
            onAddContact(n);
          }}
          onOpenCall={(id) => {
            dismiss(x.call.id);
            navigate({ screen: 'call', id });
          }}
        />
      ))}
    </div>
  );
}

type ItemProps = {
  item: Item;
  onDismiss: () => void;
  onOpenContact: (id: number) => void;
  onOpenFile: (id: number) => void;
  onAddContact: (n: string) => void;
  onOpenCall: (id: number) => void;
};

function PopupItem({ item, onDismiss, onOpenContact, onOpenFile, onAddContact, onOpenCall }: ItemProps) {
  const { card, reload } = useCallerCard(item.call, item.card);
  const [noting, setNoting] = useState(false);
  const ended = item.call.endedAt !== null;
  // An ended call's card goes by itself, unless a note is being written in it. Hovering does not
  // keep it: a card held by the pointer was what stayed on top of the keypad after the call.
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;
  useEffect(() => {
    if (!ended || noting) return;
    const timer = setTimeout(() => dismissRef.current(), LINGER_MS);
    return () => clearTimeout(timer);
  }, [ended, noting]);
  if (!card) return null;
  return (
    <CallerCardView
      call={item.call}
      card={card}
      variant="toast"
      onDismiss={onDismiss}
      onOpenContact={onOpenContact}
      onOpenFile={onOpenFile}
      onAddContact={onAddContact}
      onOpenCall={onOpenCall}
      onReload={reload}
      onNoting={setNoting}
    />
  );
}

/** A desktop notification while the window is hidden or behind others, if the user allowed them. */
function notify(t: Messages, call: CallRow, card: CallerCard, onClick: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!document.hidden && document.hasFocus()) return;
  const who = card.contact?.displayName || card.callerName || (card.absence ? t.calls.absence[card.absence] : card.numberDisplay || t.popup.unknown);
  const body = [card.numberDisplay, card.contact?.company, call.lineName].filter(Boolean).join(' · ');
  try {
    const n = new Notification(t.popup.notificationTitle(who), {
      body,
      tag: `monshi-call-${call.id}`,
      lang: document.documentElement.lang,
      dir: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
    });
    n.onclick = () => {
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the in-app card is still shown.
  }
}
