import { useEffect, useState } from 'react';
import type { FileList, FileQuery } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The files matching a query (none while the query is not known yet); searched again when any file changes (or the link comes back). */
export function useFiles(query: FileQuery | null): { list: FileList | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ list: FileList | null; error: string | null }>({ list: null, error: null });
  const [tick, setTick] = useState(0);
  useEvent('people/changed', () => setTick((x) => x + 1));
  useEvent('contacts/changed', () => setTick((x) => x + 1));
  const key = JSON.stringify(query);
  useEffect(() => {
    let stop = false;
    const q = JSON.parse(key) as FileQuery | null;
    if (q === null) return setState({ list: null, error: null });
    void client.call('people/search', q).then((r) => {
      if (!stop) setState(r.ok ? { list: r.value, error: null } : { list: null, error: r.error.message });
    });
    return () => {
      stop = true;
    };
  }, [client, key, tick]);
  return state;
}
