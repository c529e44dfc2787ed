/**
 * The only bridge into the sandboxed page: `invoke` and `subscribe`, and `showMain` for the caller-ID
 * popup window to bring the main window forward at a route; nothing else (never ipcRenderer).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

contextBridge.exposeInMainWorld('monshi', {
  invoke: (method: string, input: unknown, lang: string): Promise<unknown> => ipcRenderer.invoke('monshi:invoke', method, input, lang),
  subscribe: (name: string, listener: (payload: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on('monshi:event', handler);
    return () => ipcRenderer.removeListener('monshi:event', handler);
  },
  showMain: (route: string): void => ipcRenderer.send('monshi:show-main', route),
});
