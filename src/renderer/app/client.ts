/**
 * The UI's handle on the engine: `call` sends in the current UI language (so error messages come back
 * in it), `subscribe` delivers engine events. After the link comes back from a drop, `resync` tells
 * every subscriber that everything may have changed, because events sent meanwhile were missed.
 */
import { createContext, useContext } from 'react';
import type { EventMap, EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { Settings } from '../../shared/contract/settings';
import type { Lang } from '../../shared/text/calendar';
import type { ConnectionStatus, ShellCapabilities, ShellConnection } from '../connection/connection-status';

export type Client = {
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** What the host around the page can do (the desktop app or a browser). */
  shell: ShellCapabilities;
};

export function createClient(conn: ShellConnection, getLang: () => Lang): Client {
  const local = new Map<EventName, Set<(payload: never) => void>>();
  const emit = <E extends EventName>(name: E, payload: EventMap[E]) => {
    for (const l of local.get(name) ?? []) (l as (p: EventMap[E]) => void)(payload);
  };
  const client: Client = {
    call: (method, input) => conn.invoke(method, input, getLang()),
    subscribe(name, listener) {
      const set = local.get(name) ?? new Set();
      local.set(name, set);
      const l = listener as (payload: never) => void;
      set.add(l);
      const off = conn.subscribe(name, listener);
      return () => {
        set.delete(l);
        off();
      };
    },
    status: () => conn.status(),
    onStatus: (l) => conn.onStatus(l),
    shell: conn.shell,
  };
  let wasDown = false;
  conn.onStatus((s) => {
    if (s === 'reconnecting') wasDown = true;
    if (s !== 'open' || !wasDown) return;
    wasDown = false;
    emit('contacts/changed', { ids: null });
    emit('groups/changed', {});
    emit('fields/changed', {});
    void client.call('settings/get', {}).then((r) => {
      if (r.ok) emit('settings/changed', r.value satisfies Settings);
    });
    void client.call('lines/list', {}).then((r) => {
      if (r.ok) emit('lines/changed', { lines: r.value });
    });
  });
  return client;
}

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientContext');
  return client;
}
