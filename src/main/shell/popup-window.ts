/**
 * The caller-ID popup of the desktop app: a small frameless window, always on top, in the corner of
 * the screen, one per call (stacked when several lines ring). It loads the same UI page with the
 * `#popup?…` route, which renders only the caller card and talks to the engine like any window.
 * It closes itself a while after the call ended, unless the user is using it.
 */
import { BrowserWindow, screen } from 'electron';

import { APP_ORIGIN } from './security';

const WIDTH = 400;
const HEIGHT = 440;
const GAP = 8;
/** How long an ended call's popup stays, so the front desk can still add a note. */
const LINGER_MS = 20_000;

type CallEvent = { call: { id: number; numberRaw: string; endedAt: string | null } };

export function createPopupManager(preloadPath: string) {
  const windows = new Map<number, BrowserWindow>();

  function place(): void {
    const area = screen.getPrimaryDisplay().workArea;
    let i = 0;
    for (const win of windows.values()) {
      if (win.isDestroyed()) continue;
      win.setPosition(area.x + area.width - WIDTH - GAP, area.y + area.height - (HEIGHT + GAP) * (i + 1));
      i++;
    }
  }

  function open(event: CallEvent): void {
    const { id, numberRaw } = event.call;
    const existing = windows.get(id);
    if (existing && !existing.isDestroyed()) {
      existing.showInactive();
      return;
    }
    const win = new BrowserWindow({
      width: WIDTH,
      height: HEIGHT,
      frame: false,
      resizable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      focusable: true,
      show: false,
      title: 'Monshi',
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    // 'screen-saver' keeps it above full-screen windows on Windows and macOS.
    win.setAlwaysOnTop(true, 'screen-saver');
    windows.set(id, win);
    win.on('closed', () => {
      windows.delete(id);
      place();
    });
    const query = new URLSearchParams({ callId: String(id), number: numberRaw });
    void win.loadURL(`${APP_ORIGIN}/index.html#popup?${query.toString()}`);
    // Shown without taking the focus away from what the user is typing.
    win.once('ready-to-show', () => win.showInactive());
    place();
  }

  function update(event: CallEvent): void {
    const win = windows.get(event.call.id);
    if (!win || win.isDestroyed() || !event.call.endedAt) return;
    setTimeout(() => {
      if (!win.isDestroyed() && !win.isFocused()) win.close();
    }, LINGER_MS);
  }

  return {
    onEngineEvent(name: string, payload: unknown): void {
      if (name === 'call/incoming') open(payload as CallEvent);
      else if (name === 'call/updated') update(payload as CallEvent);
    },
    closeAll(): void {
      for (const win of windows.values()) if (!win.isDestroyed()) win.close();
    },
  };
}


