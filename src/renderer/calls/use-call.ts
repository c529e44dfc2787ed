/**
 * One call for its page: read once from the engine, then kept current from the 'call/updated' events
 * of that call (one hop: the event carries the whole row). A call the engine does not know is
 * 'missing' (the page says so in words); any other failure keeps its message and a retry.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

export type CallState = { kind: 'loading' } | { kind: 'missing' } | { kind: 'error'; message: string } | { kind: 'call'; call: CallRow };

export function useCall(id: number): { state: CallState; reload: () => void } {
  const client = useClient();
  const [state, setState] = useState<CallState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stop = false;
    setState((s) => (s.kind === 'call' && s.call.id === id ? s : { kind: 'loading' }));
    void client.call('calls/get', { id }).then((r) => {
      if (stop) return;
      if (r.ok) setState({ kind: 'call', call: r.value });
      else setState(r.error.code === 'not_found' ? { kind: 'missing' } : { kind: 'error', message: r.error.message });
    });
    return () => {
      stop = true;
    };
  }, [client, id, attempt]);

  useEvent('call/updated', ({ call }) => {
    if (call.id === id) setState({ kind: 'call', call });
  });
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
