import { useEffect, useState } from 'react';
import type { InputOf, Method, OutputOf } from '../../shared/contract/api';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The result of one attendance request, asked again whenever attendance or files change. */
export function useAttData<M extends Method>(method: M, input: InputOf<M> | null): { value: OutputOf<M> | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ value: OutputOf<M> | null; error: string | null }>({ value: null, error: null });
  const [tick, setTick] = useState(0);
  useEvent('attendance/changed', () => setTick((x) => x + 1));
  useEvent('people/changed', () => setTick((x) => x + 1));
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) return setState({ value: null, error: null });
    let stop = false;
    void client.call(method, JSON.parse(key) as InputOf<M>).then((r) => {
      if (!stop) setState(r.ok ? { value: r.value, error: null } : { value: null, error: r.error.message });
    });
    return () => {
      stop = true;
    };
  }, [client, method, key, tick]);
  return state;
}
