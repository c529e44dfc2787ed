import { useCallback, useState } from 'react';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useEvent } from '../hooks/use-event';
import { FaxCard } from './fax-card';

/**
 * A received fax pops up like a call: a card in the window's corner (fax-card.tsx), Open (the fax's page)
 * and Close; it goes by itself. In the desktop app the shell opens a popup window per fax instead
 * (src/main/shell/popup-window.ts), so the page shows no card of its own there.
 */
export function FaxPopups() {
  const { popupWindows } = useClient().shell;
  const [items, setItems] = useState<FaxReceivedEvent[]>([]);
  useEvent('fax/received', (fax) => !popupWindows && setItems((xs) => [...xs.filter((x) => x.id !== fax.id), fax]));
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  if (items.length === 0) return null;
  return (
    <div className="caller-popups fax-popups" data-testid="fax-popups">
      {items.map((x) => (
        <FaxCard key={x.id} fax={x} variant="toast" onDismiss={() => dismiss(x.id)} onOpen={() => navigate({ screen: 'fax-log-entry', id: x.id })} />
      ))}
    </div>
  );
}
