/**
 * The popup windows of the desktop app: small frameless windows, always on top, in the corner of the
 * screen, stacked — one per call (the caller ID) and one per received fax. Each loads the same UI page at
 * its own route (`#popup?…` for a call, `#fax-popup?…` for a fax) and renders from the event's payload the
 * shell keeps for it (asked for once over IPC), with no request to the engine. A second 'call/incoming'
 * for the same call (a late caller ID) replaces the kept payload and reaches the open window as an event.
 * A call's window closes itself a while after the call ended, a fax's a while after it came, unless the
 * user is using it.
 */
import { screen, type BrowserWindow, type WebContents } from 'electron';
import type { IncomingCallEvent } from '../../shared/contract/calls';
import type { FaxReceivedEvent } from '../../shared/contract/fax-log';
import type { ShellEvent } from '../../shared/contract/shell-bridge';
import { APP_ORIGIN, openSecureWindow } from './security';

const WIDTH = 400;
const HEIGHT = 440;
/** A fax's card is shorter than a caller's (no notes, no recent calls). */
const FAX_HEIGHT = 260;
const GAP = 8;
/** How long an ended call's popup stays, so the front desk can still add a note; a fax's stays as long after it came. */
const LINGER_MS = 20_000;

type Popup = { win: BrowserWindow; height: number; linger: ReturnType<typeof setTimeout> | null } & (
  { kind: 'call'; event: IncomingCallEvent } | { kind: 'fax'; event: FaxReceivedEvent }
);

export function createPopupManager(preload: string) {
  /** By 'call:ID' or 'fax:ID', oldest first (the stacking order). */
  const popups = new Map<string, Popup>();

  function place(): void {
    const area = screen.getPrimaryDisplay().workArea;
    let bottom = area.y + area.height;
    for (const { win, height } of popups.values()) {
      if (win.isDestroyed()) continue;
      bottom -= height + GAP;
      win.setPosition(area.x + area.width - WIDTH - GAP, bottom);
    }
  }

  function openWindow(key: string, height: number, route: string, popup: Omit<Popup, 'win' | 'height' | 'linger'>): Popup {
    const win = openSecureWindow(
      { width: WIDTH, height, frame: false, resizable: false, alwaysOnTop: true, skipTaskbar: true, focusable: true, show: false, title: 'Monshi' },
      preload,
    );
    // 'screen-saver' keeps it above full-screen windows on Windows and macOS.
    win.setAlwaysOnTop(true, 'screen-saver');
    const made = { ...popup, win, height, linger: null } as Popup;
    popups.set(key, made);
    win.on('closed', () => {
      const closed = popups.get(key);
      if (closed?.linger) clearTimeout(closed.linger);
      popups.delete(key);
      place();
    });
    void win.loadURL(`${APP_ORIGIN}/index.html#${route}`);
    // Shown without taking the focus away from what the user is typing.
    win.once('ready-to-show', () => win.showInactive());
    place();
    return made;
  }

  function openCall(event: IncomingCallEvent): void {
    const { id, numberRaw } = event.call;
    const existing = popups.get(`call:${id}`);
    if (existing && !existing.win.isDestroyed()) {
      existing.event = event;
      existing.win.showInactive();
      return;
    }
    openWindow(`call:${id}`, HEIGHT, `popup?${new URLSearchParams({ callId: String(id), number: numberRaw }).toString()}`, { kind: 'call', event });
  }

  function openFax(event: FaxReceivedEvent): void {
    // One window per fax: the event comes once per fax, so a second one for the same id only shows it again.
    const existing = popups.get(`fax:${event.id}`);
    if (existing && !existing.win.isDestroyed()) return existing.win.showInactive();
    lingerThenClose(openWindow(`fax:${event.id}`, FAX_HEIGHT, `fax-popup?faxId=${event.id}`, { kind: 'fax', event }));
  }

  function lingerThenClose(popup: Popup): void {
    const { win } = popup;
    if (popup.linger) clearTimeout(popup.linger);
    popup.linger = setTimeout(() => {
      if (!win.isDestroyed() && !win.isFocused()) win.close();
    }, LINGER_MS);
  }

  const payloadFor = <K extends Popup['kind']>(kind: K, contents: WebContents) => {
    for (const p of popups.values()) {
      if (p.kind === kind && !p.win.isDestroyed() && p.win.webContents === contents) return p.event as Extract<Popup, { kind: K }>['event'];
    }
    return null;
  };

  return {
    onEngineEvent(e: ShellEvent): void {
      if (e.name === 'call/incoming') openCall(e.payload);
      else if (e.name === 'fax/received') openFax(e.payload);
      else if (e.name === 'call/updated') {
        const popup = popups.get(`call:${e.payload.call.id}`);
        if (!popup || popup.kind !== 'call' || popup.win.isDestroyed()) return;
        popup.event = { ...popup.event, call: e.payload.call };
        if (e.payload.call.endedAt) lingerThenClose(popup);
      }
    },
    /** The payload the call popup window showing in `contents` was opened with (updated since); null for any other window. */
    callFor: (contents: WebContents): IncomingCallEvent | null => payloadFor('call', contents),
    /** The 'fax/received' payload the fax popup window showing in `contents` was opened with; null for any other window. */
    faxFor: (contents: WebContents): FaxReceivedEvent | null => payloadFor('fax', contents),
    closeAll(): void {
      for (const { win } of popups.values()) if (!win.isDestroyed()) win.close();
    },
  };
}
