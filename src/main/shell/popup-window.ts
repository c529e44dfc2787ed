/**
 * The caller-ID popup of the desktop app: a small frameless window, always on top, in the corner of
 * the screen, one per call (stacked when several lines ring). It loads the same UI page with the
 * `#popup?…` route and renders from the 'call/incoming' payload the shell keeps for it (asked for
 * once over IPC), with no request to the engine; a second 'call/incoming' for the same call (a late
 * caller ID) replaces the kept payload and reaches the open window as an event.
 * It closes itself a while after the call ended, unless the user is using it.
 */
import { screen, type BrowserWindow, type WebContents } from 'electron';
import type { IncomingCallEvent } from '../../shared/contract/calls';
import type { ShellEvent } from '../../shared/contract/shell-bridge';
import { APP_ORIGIN, openSecureWindow } from './security';

const WIDTH = 400;
const HEIGHT = 440;
const GAP = 8;
/** How long an ended call's popup stays, so the front desk can still add a note. */
const LINGER_MS = 20_000;

type Popup = { win: BrowserWindow; event: IncomingCallEvent; linger: ReturnType<typeof setTimeout> | null };

export function createPopupManager(preload: string) {
  const popups = new Map<number, Popup>();

  function place(): void {
    const area = screen.getPrimaryDisplay().workArea;
    let i = 0;
    for (const { win } of popups.values()) {
      if (win.isDestroyed()) continue;
      win.setPosition(area.x + area.width - WIDTH - GAP, area.y + area.height - (HEIGHT + GAP) * (i + 1));
      i++;
    }
  }

  function open(event: IncomingCallEvent): void {
    const { id, numberRaw } = event.call;
    const existing = popups.get(id);
    if (existing && !existing.win.isDestroyed()) {
      existing.event = event;
      existing.win.showInactive();
      return;
    }
    const win = openSecureWindow(
      { width: WIDTH, height: HEIGHT, frame: false, resizable: false, alwaysOnTop: true, skipTaskbar: true, focusable: true, show: false, title: 'Monshi' },
      preload,
    );
    // 'screen-saver' keeps it above full-screen windows on Windows and macOS.
    win.setAlwaysOnTop(true, 'screen-saver');
    popups.set(id, { win, event, linger: null });
    win.on('closed', () => {
      const closed = popups.get(id);
      if (closed?.linger) clearTimeout(closed.linger);
      popups.delete(id);
      place();
    });
    const query = new URLSearchParams({ callId: String(id), number: numberRaw });
    void win.loadURL(`${APP_ORIGIN}/index.html#popup?${query.toString()}`);
    // Shown without taking the focus away from what the user is typing.
    win.once('ready-to-show', () => win.showInactive());
    place();
  }

  function ended(popup: Popup): void {
    const { win } = popup;
    if (popup.linger) clearTimeout(popup.linger);
    popup.linger = setTimeout(() => {
      if (!win.isDestroyed() && !win.isFocused()) win.close();
    }, LINGER_MS);
  }

  return {
    onEngineEvent(e: ShellEvent): void {
      if (e.name === 'call/incoming') open(e.payload);
      else if (e.name === 'call/updated') {
        const popup = popups.get(e.payload.call.id);
        if (!popup || popup.win.isDestroyed()) return;
        popup.event = { ...popup.event, call: e.payload.call };
        if (e.payload.call.endedAt) ended(popup);
      }
    },
    /** The payload the popup window showing in `contents` was opened with (updated since); null for any other window. */
    callFor(contents: WebContents): IncomingCallEvent | null {
      for (const { win, event } of popups.values()) if (!win.isDestroyed() && win.webContents === contents) return event;
      return null;
    },
    closeAll(): void {
      for (const { win } of popups.values()) if (!win.isDestroyed()) win.close();
    },
  };
}
