import { createElectronConnection } from './electron-connection';
import type { ShellConnection } from './connection-status';
import { createWsConnection, socketUrl } from './ws-connection';

/**
 * The Electron bridge when the preload exposed one, otherwise the WebSocket. In browser mode the
 * server gives this page only to a signed-in browser, and its cookie signs the socket in.
 */
export function createConnection(): ShellConnection {
  if (window.monshi) return createElectronConnection(window.monshi);
  return createWsConnection(socketUrl(), (lang) => `/api?lang=${lang}`);
}
