import { createElectronConnection } from './electron-connection';
import type { ShellCapabilities, ShellConnection } from './connection-status';
import { createWsConnection, socketUrl } from './ws-connection';

/** The browser: files open in tabs; the popup is a card in the page, and its links lead this tab. */
const browserShell: ShellCapabilities = {
  kind: 'browser',
  popupWindows: false,
  newTabs: true,
  showMain(route) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search + route);
    window.location.reload();
  },
  popupCall: () => Promise.resolve(null),
  popupFax: () => Promise.resolve(null),
};

/**
 * The Electron bridge when the preload exposed one, otherwise the WebSocket. In browser mode the
 * server gives this page only to a signed-in browser, and its cookie signs the socket in.
 */
export function createConnection(): ShellConnection {
  if (window.monshi) return createElectronConnection(window.monshi);
  return { ...createWsConnection(socketUrl(), (lang) => `/api?lang=${lang}`), shell: browserShell };
}
