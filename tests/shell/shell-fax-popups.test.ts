/**
 * The received-fax popup window of the desktop shell, as the caller-ID popup is tested: a real engine
 * (real SQLite file) whose faxes arrive through the seam a line uses (FaxLines.onReceived), routed by a
 * rule, with the stand-in for `electron`. One locked-down window per fax, at '#fax-popup?faxId=ID', whose
 * page gets the 'fax/received' payload from the shell (one hop: the engine is asked nothing); stacked
 * with the others; it closes a while after it came unless the user is in it.
 */
import type { ReceivedFax } from '../../src/main/fax/fax-calls';
import type { EngineEvent } from '../../src/main/engine/engine';
import type { HostMessage } from '../../src/main/shell/host-messages';
import type { FaxReceivedEvent } from '../../src/shared/contract/fax-log';
import { IPC } from '../../src/shared/contract/shell-bridge';
import { until } from '../helpers/demo-line';
import { attachEngine, fromPage, loadShell, restoreArgv, settle, type FakeWindow } from '../helpers/electron-stand-in';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { faxLinesStandIn } from '../helpers/fax-received';

/** How long a fax's popup stays (popup-window.ts; not imported: that module needs Electron). */
const LINGER_MS = 20_000;
afterAll(restoreArgv);

let dir = '';
let engine: TestEngine;
let fax: ReturnType<typeof faxLinesStandIn>;
const received: FaxReceivedEvent[] = [];
let shell: Awaited<ReturnType<typeof loadShell>>;
let link: ReturnType<typeof attachEngine>;

const incoming = (number: string, tsi: string): ReceivedFax => ({
  lineId: '1',
  callId: null,
  callerNumber: number,
  report: { ok: true, reason: null, remoteId: tsi, pages: 0, bps: 9600, ecm: false, fine: false, startedAt: Date.now(), durationMs: 1000, trace: [] },
  pages: [],
});
const popupFax = (win: FakeWindow) => shell.ipc.handle.get(IPC.popupFax)!(fromPage(win));
const popupCall = (win: FakeWindow) => shell.ipc.handle.get(IPC.popupCall)!(fromPage(win));

beforeEach(async () => {
  dir = tempDir();
  received.length = 0;
  fax = faxLinesStandIn();
  engine = testEngine(dir, undefined, { faxLines: fax.lines, noLines: true, noAlarms: true });
  engine.subscribe((e: EngineEvent) => {
    if (e.name === 'fax/received') received.push(e.payload);
  });
  shell = await loadShell(dir);
  link = attachEngine(shell.forks[0]!, engine);
  await settle();
});
afterEach(async () => {
  link.detach();
  shell.app.emit('window-all-closed');
  await engine.close();
  removeDir(dir);
});

test("a received fax opens its own locked-down window: its page gets 'fax/received', who it is for included; nothing asked of the engine", async () => {
  const contact = { firstName: 'سارا', lastName: 'نوری', phones: [{ kind: 'mobile', number: '09121111111' }] };
  const sara = await engine.ok('people/create', { kind: 'staff', contact });
  const rule = { number: '021', numberMatch: 'prefix', target: { kind: 'staff', id: sara.id } };
  await engine.ok('fax/route-save', { id: null, rule });
  link.requests.length = 0;
  const main = shell.windows[0]!;
  fax.deliver(incoming('02188881234', 'ACME'));
  await until(() => shell.windows.length === 2);
  const win = shell.windows[1]!;
  const event = received[0]!;
  expect(win.url).toBe(`app://monshi/index.html#fax-popup?faxId=${event.id}`);
  expect(win.options).toMatchObject({ frame: false, alwaysOnTop: true, skipTaskbar: true, show: false });
  const locked = { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, preload: main.options.webPreferences!.preload };
  expect(win.options.webPreferences).toMatchObject(locked);
  expect(win.setAlwaysOnTop).toHaveBeenCalledWith(true, 'screen-saver');
  win.emit('ready-to-show');
  expect(win.calls).toEqual(['showInactive']);
  expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });

  expect(await popupFax(win)).toEqual(event);
  expect(event).toMatchObject({ numberDisplay: '021 8888 1234', remoteId: 'ACME', routedTo: { kind: 'staff', id: sara.id, name: 'سارا نوری' } });
  // Typed per window: the fax window has no call, the main window no fax.
  expect(await popupCall(win)).toBeNull();
  expect(await popupFax(main)).toBeNull();
  expect(link.requests).toEqual([]);
});

test('one window per fax, stacked in the corner; each closes a while after it came unless the user is in it', async () => {
  link.detach(); // this test plays the engine's messages itself, on Jest's clock
  const event = (id: number): FaxReceivedEvent => ({
    id,
    numberDisplay: '021 8888 1234',
    contactId: null,
    contactName: null,
    remoteId: '',
    pages: 1,
    ok: true,
    lineId: '1',
    lineName: '',
    routedTo: null,
  });
  jest.useFakeTimers();
  try {
    for (const id of [7, 8, 7]) shell.forks[0]!.emit('message', { t: 'evt', name: 'fax/received', payload: event(id) } satisfies HostMessage);
    expect(shell.windows).toHaveLength(3); // the main window and one per fax: the repeat shows its window again
    const [a, b] = [shell.windows[1]!, shell.windows[2]!];
    expect(a.calls).toContain('showInactive');
    // A 1920×1080 work area, 260 px fax windows, 8 px gaps: the newer above the older.
    expect(a.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 268);
    expect(b.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 2 * 268);
    b.focused = true; // the user is reading it
    jest.advanceTimersByTime(LINGER_MS - 1);
    expect([a.destroyed, b.destroyed]).toEqual([false, false]);
    jest.advanceTimersByTime(1);
    expect([a.destroyed, b.destroyed]).toEqual([true, false]);
    expect(b.setPosition).toHaveBeenLastCalledWith(1920 - 400 - 8, 1080 - 268);
    expect(await popupFax(b)).toEqual(event(8));
  } finally {
    jest.useRealTimers();
  }
});
