/**
 * The only bridge into the sandboxed page: the `ShellBridge` of src/shared/contract/shell-bridge.ts
 * (invoke, subscribe, and for the popup windows showMain, popupCall and popupFax); never ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC, isEventNamed, type ShellBridge, type ShellEvent } from '../../shared/contract/shell-bridge';

const bridge = {
  invoke: (method, input, lang) => ipcRenderer.invoke(IPC.invoke, method, input, lang),
  subscribe: (name, listener) => {
    const handler = (_e: IpcRendererEvent, event: ShellEvent) => {
      if (isEventNamed(event, name)) listener(event.payload);
    };
    ipcRenderer.on(IPC.event, handler);
    return () => ipcRenderer.removeListener(IPC.event, handler);
  },
  showMain: (route) => ipcRenderer.send(IPC.showMain, route),
  popupCall: () => ipcRenderer.invoke(IPC.popupCall),
  popupFax: () => ipcRenderer.invoke(IPC.popupFax),
} satisfies ShellBridge;

contextBridge.exposeInMainWorld('monshi', bridge);
