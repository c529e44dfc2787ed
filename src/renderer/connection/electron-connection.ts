/** The Electron shell: the preload exposes `window.monshi` (invoke/subscribe over IPC, never ipcRenderer). */
import type { ShellBridge } from '../../shared/contract/shell-bridge';
import type { ShellConnection } from './connection-status';

declare global {
  // An interface, not a type: only interfaces merge into the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    monshi?: ShellBridge;
  }
}

export function createElectronConnection(bridge: ShellBridge): ShellConnection {
  return {
    invoke: (method, input, lang) => bridge.invoke(method, input, lang),
    subscribe: (name, listener) => bridge.subscribe(name, listener),
    status: () => 'open',
    onStatus: () => () => undefined,
    shell: {
      kind: 'electron',
      popupWindows: true,
      newTabs: false,
      showMain: (route) => bridge.showMain(route),
      popupCall: () => bridge.popupCall(),
      popupFax: () => bridge.popupFax(),
    },
  };
}
