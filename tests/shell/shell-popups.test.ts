/**
 * The desktop shell's own windows, driven by a real engine's events (real SQLite file, the real demo
 * line behind the real driver, the alarm scheduler on a manual clock) through the stand-in utility
 * process: the caller-ID popup window, one per call, rendering from the payload 'call/incoming'
 * carried (handed to its page by the shell, with no request to the engine), and the alarm raise.
 */
import type { EngineEvent } from '../../src/main/engine/engine';
import type { HostMessage } from '../../src/main/shell/host-messages';
import type { CallRow, IncomingCallEvent } from '../../src/shared/contract/calls';
import { IPC } from '../../src/shared/contract/shell-bridge';
import { alarmEngine } from '../helpers/alarm-engine';
import { demoSims, fastDemo, until } from '../helpers/demo-line';
import { attachEngine, fromPage, loadShell, restoreArgv, settle, type FakeWindow } from '../helpers/electron-stand-in';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

/** How long an ended call's popup stays for a note (popup-window.ts; not imported: that module needs Electron). */
const LINGER_MS = 20_000;
afterAll(restoreArgv);

const running: { shell: Awaited<ReturnType<typeof loadShell>>; link: ReturnType<typeof attachEngine> }[] = [];
async function readyShell(dir: string, engine: TestEngine) {
  const shell = await loadShell(dir);
  const link = attachEngine(shell.forks[0]!, engine);
  running.push({ shell, link });
  await settle();
  return { shell, link, main: shell.windows[0]! };
}
// Each test's shell stops hearing the engine, and quits as the app does when its windows close.
afterEach(() => {
  for (const { shell, link } of running.splice(0)) {
    link.detach();
    shell.app.emit('window-all-closed');
  }
});

describe('the caller-ID popup window', () => {
  let dir: string;
  let engine: TestEngine;
  const incoming: IncomingCallEvent[] = [];
  const lineIds: number[] = [];
  let contactId = 0;

  beforeAll(async () => {
    dir = tempDir();
    engine = testEngine(dir, undefined, { lineFactory: fastDemo });
    const idle = new Set<number>();
    engine.subscribe((e: EngineEvent) => {
      if (e.name === 'call/incoming') incoming.push(e.payload);
      if (e.name === 'lines/status' && e.payload.status === 'idle') idle.add(e.payload.lineId);
    });
    const c = await engine.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی', phones: [{ kind: 'mobile', number: '0912 123 4567' }] });
    contactId = c.id;
    await engine.ok('contacts/add-note', { contactId, body: 'پیش‌فاکتور را می‌خواهد' });
    for (const name of ['خط ۱', 'خط ۲']) lineIds.push((await engine.ok('lines/create', { name, kind: 'demo' })).id);
    await until(() => lineIds.every((id) => idle.has(id)));
  });
  afterAll(async () => {
    await engine.close();
    removeDir(dir);
  });

  /** How many 'call/updated' events with an ended call the window's page was sent. */
  const endedIn = (w: FakeWindow) => w.webContents.send.mock.calls.filter(([, e]) => e.name === 'call/updated' && e.payload.call.endedAt !== null).length;
  const popupCall = (shell: Awaited<ReturnType<typeof loadShell>>, win: FakeWindow) => shell.ipc.handle.get(IPC.popupCall)!(fromPage(win));

  it("opens a locked-down window for the call; its page gets the payload 'call/incoming' carried, and the engine is asked nothing", async () => {
    const { shell, link, main } = await readyShell(dir, engine);
    incoming.length = 0;
    await engine.ok('lines/demo-call', { lineId: lineIds[0]!, number: '09121234567', name: 'ALI', rings: 3 });
    await until(() => shell.windows.length === 2);
    const popup = shell.windows[1]!;
    const event = incoming[0]!;
    expect(popup.url).toBe(`app://monshi/index.html#popup?callId=${event.call.id}&number=09121234567`);
    expect(popup.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, show: false });
    const locked = { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: main.options.webPreferences!.preload };
    expect(popup.options.webPreferences).toMatchObject(locked);
    expect(popup.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
    popup.emit('ready-to-show');
    expect(popup.calls).toEqual(['showInactive']); // shown without taking the focus
    expect(popup.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

    const carried = await popupCall(shell, popup);
    expect(carried).toEqual(event);
    expect(event.card.contact).toMatchObject({ id: contactId, displayName: 'علی رضایی', lastNotes: [{ body: 'پیش‌فاکتور را می‌خواهد' }] });
    // The main window's page got the event itself; the shell asked the engine nothing to show it.
    expect(main.webContents.send).toHaveBeenCalledWith(IPC.event, expect.objectContaining({ name: 'call/incoming', payload: event }));
    expect(link.requests).toEqual([]);
    expect(await popupCall(shell, main)).toBeNull();
    await until(() => endedIn(popup) >= 1);
  });

  it('a late caller ID replaces the card in the same window; a call on another line opens its own window above it', async () => {
    const { shell, link } = await readyShell(dir, engine);
    incoming.length = 0;
    await engine.ok('lines/demo-call', { lineId: lineIds[0]!, format: 'none', rings: 8 });
    await until(() => shell.windows.length === 2);
    const first = shell.windows[1]!;
    expect(await popupCall(shell, first)).toMatchObject({ call: { absence: 'none' }, card: { contact: null } });

    demoSims.get(lineIds[0]!)!.sendLine('NMBR = 09121234567');
    await until(() => incoming.length === 2);
    expect(incoming[1]!.call.id).toBe(incoming[0]!.call.id);
    expect(shell.windows).toHaveLength(2); // the same window
    expect(first.calls).toContain('showInactive');
    const replaced = { call: { id: incoming[0]!.call.id, numberRaw: '09121234567' }, card: { contact: { id: contactId } } };
    expect(await popupCall(shell, first)).toMatchObject(replaced);

    await engine.ok('lines/demo-call', { lineId: lineIds[1]!, number: '02188776655', rings: 3 });
    await until(() => shell.windows.length === 3);
    const second = shell.windows[2]!;
    expect(await popupCall(shell, second)).toMatchObject({ call: { lineId: lineIds[1]!, numberRaw: '02188776655' }, card: { contact: null } });
    // Stacked in the corner: the newer above the older (a 1920×1080 work area, 440 px windows, 8 px gaps).
    expect(first.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 448);
    expect(second.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 2 * 448);
    expect(link.requests).toEqual([]);
    await until(() => shell.windows.every((w) => endedIn(w) >= 2));
  });

  it("an ended call's window closes after a while unless the user is in it; closing one restacks the others", async () => {
    const { shell, link } = await readyShell(dir, engine);
    link.detach(); // the rest of this test plays the engine's messages itself, on Jest's clock
    const [a, b] = [incoming[0]!, incoming[2]!];
    jest.useFakeTimers();
    try {
      for (const e of [a, b]) shell.forks[0]!.emit('message', { t: 'evt', name: 'call/incoming', payload: e } satisfies HostMessage);
      const [winA, winB] = [shell.windows[1]!, shell.windows[2]!];
      winB.focused = true; // the user is writing a note in it
      for (const e of [a, b]) {
        const call: CallRow = { ...e.call, outcome: 'missed', endedAt: '2026-01-01T08:00:00.000Z' };
        shell.forks[0]!.emit('message', { t: 'evt', name: 'call/updated', payload: { call } } satisfies HostMessage);
      }
      jest.advanceTimersByTime(LINGER_MS - 1);
      expect([winA.destroyed, winB.destroyed]).toEqual([false, false]);
      jest.advanceTimersByTime(1);
      expect([winA.destroyed, winB.destroyed]).toEqual([true, false]);
      expect(winB.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 448);
      expect(await popupCall(shell, winB)).toMatchObject({ call: { id: b.call.id, endedAt: '2026-01-01T08:00:00.000Z' } });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the alarm raise', () => {
  it("'alarms/fired' brings the main window up, on top and flashing; no alarm left showing lets it go", async () => {
    const dir = tempDir();
    const start = new Date(2026, 0, 1, 7, 0);
    const engine = alarmEngine(dir, start);
    const alarm = await engine.ok('reminders/create', { subject: 'جلسه', date: '2026-01-01', time: '08:00' });
    const { shell, main } = await readyShell(dir, engine);
    main.minimized = true;
    engine.advance(59 * 60_000);
    await settle();
    expect(main.setAlwaysOnTop).not.toHaveBeenCalled();

    engine.advance(60_000);
    await until(() => engine.fired.length === 1);
    await settle();
    expect(engine.fired[0]).toMatchObject({ refId: alarm.id });
    expect(main.calls).toEqual(['restore', 'show', 'focus']);
    expect(main.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
    expect(main.flashFrame).toHaveBeenLastCalledWith(true);
    expect(main.webContents.send).toHaveBeenCalledWith(IPC.event, expect.objectContaining({ name: 'alarms/fired' }));

    // Dismissed from the alarm dialog, through the shell as the page sends it.
    const r = await shell.ipc.handle.get(IPC.invoke)!(fromPage(main), 'alarms/dismiss', { id: engine.fired[0]!.id }, 'fa');
    expect(r).toMatchObject({ ok: true });
    await settle();
    expect(main.setAlwaysOnTop).toHaveBeenLastCalledWith(false);
    expect(main.flashFrame).toHaveBeenLastCalledWith(false);
    await engine.close();
    removeDir(dir);
  });
});
