/** The Electron shell: the preload exposes `window.monshi` (invoke/subscribe over IPC, never ipcRenderer). */
import type { EventMap, EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { Lang } from '../../shared/text/calendar';
import type { ShellConnection } from './connection-status';

export type MonshiBridge = {
  invoke<M extends Method>(method: M, input: InputOf<M>, lang: Lang): Promise<Result<OutputOf<M>>>;
  subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Caller-ID popup window only: bring the main window forward at a route ('#contact=12'). */
  showMain?: (route: string) => void;
};

declare global {
  // An interface, not a type: only interfaces merge into the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    monshi?: MonshiBridge;
  }
}

export function createElectronConnection(bridge: MonshiBridge): ShellConnection {
  return {
    invoke: (method, input, lang) => bridge.invoke(method, input, lang),
    subscribe: (name, listener) => bridge.subscribe(name, listener),
    status: () => 'open',
    onStatus: () => () => undefined,
  };
}
