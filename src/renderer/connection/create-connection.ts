import { createElectronConnection } from './electron-connection';
import type { ShellConnection } from './connection-status';
import { createWsConnection, socketUrl, takeToken } from './ws-connection';

/** The Electron bridge when the preload exposed one, otherwise the WebSocket; null without a token. */
export function createConnection(): ShellConnection | null {
  if (window.monshi) return createElectronConnection(window.monshi);
  const token = takeToken();
  return token ? createWsConnection(socketUrl(token), (lang) => `/api?lang=${lang}&token=${encodeURIComponent(token)}`) : null;
}
