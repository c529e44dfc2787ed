/**
 * The main window: opened once the engine is ready, brought forward by a second start of the app or
 * by the caller-ID popup (at a route such as '#contact=12').
 */
import type { BrowserWindow } from 'electron';
import { APP_ORIGIN, openSecureWindow } from './security';

/** Routes the popup may send the main window to: a hash of word characters and a few separators. */
const ROUTE = /^#[\w=&%.+/-]*$/; // the router's addresses: #/contact/12

export function createMainWindow(preload: string) {
  let win: BrowserWindow | null = null;

  function open(): BrowserWindow {
    if (win) return win;
    // Chromium's PDF viewer is on, for the in-app print preview (a blob: iframe).
    const created = openSecureWindow({ width: 1280, height: 820, title: 'منشی — Monshi' }, preload, { plugins: true });
    win = created;
    created.on('closed', () => {
      if (win === created) win = null;
    });
    void created.loadURL(`${APP_ORIGIN}/index.html`);
    return created;
  }

  /** The open main window to the front; null when there is none. */
  function bringForward(): BrowserWindow | null {
    if (!win) return null;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  }

  return {
    get: () => win,
    open,
    bringForward,
    /** Opens (if closed) and brings forward the main window at `route`; anything but a plain route is ignored. */
    showAt(route: unknown): void {
      if (typeof route !== 'string' || !ROUTE.test(route)) return;
      open();
      const target = bringForward();
      if (target) void target.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
    },
  };
}
