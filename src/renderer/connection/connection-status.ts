import type { IncomingCallEvent } from '../../shared/contract/calls';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import type { Connection } from '../../shared/contract/transport';

/** 'reconnecting' means the link dropped and the UI shows a banner until it is back. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/**
 * What the host around the page can do; the UI asks this, never how it was loaded. The desktop app
 * shows the caller-ID popup in windows of its own and has no browser tabs; the browser has tabs and
 * shows the popup inside the page.
 */
export type ShellCapabilities = {
  kind: 'electron' | 'browser';
  /** The host opens an always-on-top window per call itself (so the page shows no caller card of its own). */
  popupWindows: boolean;
  /** A file can be opened in a new browser tab. */
  newTabs: boolean;
  /** From the caller-ID popup: the main window at a route ('#contact=12'). */
  showMain(route: string): void;
  /** The call a popup window was opened for, as 'call/incoming' carried it; null when the host has none to give. */
  popupCall(): Promise<IncomingCallEvent | null>;
  /** The fax a received-fax popup window was opened for, as 'fax/received' carried it; null when the host has none to give. */
  popupFax(): Promise<FaxReceivedEvent | null>;
};

/** A Connection that can also say whether it is up (Electron IPC is always up), and what its host can do. */
export type ShellConnection = Connection & {
  status(): ConnectionStatus;
  /** Returns the unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  shell: ShellCapabilities;
};
