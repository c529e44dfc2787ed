import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../shared/contract/api';
import { useClient } from '../app/client';

/** Calls the latest `listener` for every `name` event while the component is mounted. */
export function useEvent<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): void {
  const client = useClient();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => client.subscribe(name, (p) => ref.current(p)), [client, name]);
}
