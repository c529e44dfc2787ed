/**
 * What the Electron shell's preload gives the page, and the IPC channels behind it: one definition
 * that the preload (src/main/shell) implements and the renderer's Electron connection uses, so the
 * two ends cannot drift apart. The browser mode has no bridge; its connection is the WebSocket.
 */
import type { EventMap, EventName, InputOf, Method, OutputOf } from './api';
import type { IncomingCallEvent } from './calls';
import type { FaxReceivedEvent } from './fax-log';
import type { Result } from './errors';
import type { Lang } from '../text/calendar';

/** The IPC channels between the preload and the main process (no other channel is listened to). */
export const IPC = {
  /** page → main → engine: a request; answered with the engine's Result. */
  invoke: 'monshi:invoke',
  /** main → every window: an engine event, as one `ShellEvent`. */
  event: 'monshi:event',
  /** caller-ID popup window → main: bring the main window forward at a route. */
  showMain: 'monshi:show-main',
  /** caller-ID popup window → main: the 'call/incoming' payload this window was opened for. */
  popupCall: 'monshi:popup-call',
  /** received-fax popup window → main: the 'fax/received' payload this window was opened for. */
  popupFax: 'monshi:popup-fax',
} as const;

/** An engine event as it travels between processes: a union discriminated by `name`. */
export type ShellEvent = { [E in EventName]: { name: E; payload: EventMap[E] } }[EventName];

/** Narrows an event read off the wire to the one `name` a listener asked for. */
export function isEventNamed<E extends EventName>(event: { name: EventName; payload: unknown }, name: E): event is { name: E; payload: EventMap[E] } {
  return event.name === name;
}

/** `window.monshi`, exposed by the preload (never ipcRenderer itself). */
export type ShellBridge = {
  invoke<M extends Method>(method: M, input: InputOf<M>, lang: Lang): Promise<Result<OutputOf<M>>>;
  /** Returns the unsubscribe function. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
  /** Brings the main window forward at a route ('#contact=12'); from the caller-ID popup window. */
  showMain(route: string): void;
  /** The call this caller-ID popup window was opened for, as 'call/incoming' carried it; null in any other window. */
  popupCall(): Promise<IncomingCallEvent | null>;
  /** The fax this received-fax popup window was opened for, as 'fax/received' carried it; null in any other window. */
  popupFax(): Promise<FaxReceivedEvent | null>;
};
