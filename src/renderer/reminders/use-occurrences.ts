import { useCallback, useEffect, useRef, useState } from 'react';
import type { OccurrenceList, OccurrenceQuery } from '../../shared/contract/reminders';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

export type OccurrencesState = { list: OccurrenceList | null; error: string | null; loading: boolean };

/**
 * The occurrences of a query, fetched again when reminders change anywhere (another window, an alarm
 * snoozed, a contact's birthday edited). A late answer to an older query never replaces a newer one.
 */
export function useOccurrences(query: OccurrenceQuery | null): OccurrencesState {
  const client = useClient();
  const [state, setState] = useState<OccurrencesState>({ list: null, error: null, loading: true });
  const seq = useRef(0);
  // The query is compared by value: a new object with the same filters must not fetch again.
  const key = JSON.stringify(query);

  const load = useCallback(() => {
    const q = JSON.parse(key) as OccurrenceQuery | null;
    if (!q) return;
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    void client.call('reminders/occurrences', q).then((r) => {
      if (mine !== seq.current) return;
      setState(r.ok ? { list: r.value, error: null, loading: false } : { list: null, error: r.error.message, loading: false });
    });
  }, [client, key]);

  useEffect(load, [load]);
  useEvent('reminders/changed', load);
  useEvent('contacts/changed', load);
  return state;
}
