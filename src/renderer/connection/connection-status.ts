import type { Connection } from '../../shared/contract/transport';

/** 'reconnecting' means the link dropped and the UI shows a banner until it is back. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

/** A Connection that can also say whether it is up (Electron IPC is always up). */
export type ShellConnection = Connection & {
  status(): ConnectionStatus;
  /** Returns the unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
};
