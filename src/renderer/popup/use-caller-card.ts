import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallerCard, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/**
 * The caller card of a call, fresh: the one the 'call/incoming' event carried (`initial`, replaced when
 * a later event for the call carries another: a late caller ID), fetched only when none came, and
 * fetched again when contacts change (someone just added the caller to the phonebook from the popup)
 * or when asked (a note was added). What the network sent
 * (name, withheld) comes from the call itself, since a lookup by number cannot know it.
 */
export function useCallerCard(call: CallRow | null, initial: CallerCard | null): { card: CallerCard | null; reload: () => void } {
  const client = useClient();
  const [card, setCard] = useState<CallerCard | null>(initial);
  const number = call?.numberRaw ?? null;
  const meta = useRef({ callerName: call?.callerName ?? '', absence: call?.absence ?? null });
  meta.current = { callerName: call?.callerName ?? '', absence: call?.absence ?? null };

  const reload = useCallback(() => {
    if (number === null) return;
    void client.call('calls/caller-card', { number }).then((r) => {
      if (r.ok) setCard({ ...r.value, callerName: meta.current.callerName, absence: meta.current.absence });
    });
  }, [client, number]);

  useEffect(() => {
    if (initial) setCard(initial);
    else reload();
  }, [initial, reload]);
  useEvent('contacts/changed', () => {
    if (number) reload();
  });
  return { card, reload };
}
