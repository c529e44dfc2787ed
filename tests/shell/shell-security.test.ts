/**
 * The desktop shell's locks, checked on what src/main/shell asks of Electron (the recording stand-in
 * of tests/helpers/electron-stand-in.ts, since the Electron binary is not installed here), with a
 * real engine on a real SQLite file behind the stand-in utility process: the windows' web
 * preferences, navigation and new windows refused, the permissions, the Content-Security-Policy on
 * every file the app serves, and IPC answered only for the top frame of the shell's own windows.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import type { Settings } from '../../src/shared/contract/settings';
import { IPC } from '../../src/shared/contract/shell-bridge';
import { CONTENT_SECURITY_POLICY } from '../../src/main/server/csp';
import { attachEngine, FakeWebContents, fromPage, loadShell, restoreArgv, settle, type FakeIpcEvent } from '../helpers/electron-stand-in';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

let dir: string;
let engine: TestEngine;
beforeAll(async () => {
  dir = tempDir();
  engine = testEngine(dir);
  await engine.ok('settings/update', { language: 'en' });
});
afterAll(async () => {
  restoreArgv();
  await engine.close();
  removeDir(dir);
});

/** The shell with the engine ready and its main window open. */
async function readyShell() {
  const shell = await loadShell(dir);
  const link = attachEngine(shell.forks[0]!, engine);
  await settle();
  expect(shell.windows).toHaveLength(1);
  return { shell, link, main: shell.windows[0]! };
}

const invoke = (shell: Awaited<ReturnType<typeof loadShell>>, event: FakeIpcEvent, ...args: unknown[]) => shell.ipc.handle.get(IPC.invoke)!(event, ...args);

it('the main window: isolated, sandboxed, no Node, no webviews, only the preload, loaded from the app protocol', async () => {
  const { shell, link, main } = await readyShell();
  expect(main.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  expect(main.options.webPreferences!.preload).toBe(path.join(__dirname, '../../src/main/shell/preload.js'));
  expect(main.url).toBe('app://monshi/index.html');
  expect(shell.app.listenerCount('web-contents-created')).toBe(1);
  link.detach();
});

it('navigation away, redirects, new windows and webviews are refused in every webContents, also ones the shell did not open', async () => {
  const { shell, link, main } = await readyShell();
  const other = new FakeWebContents();
  shell.app.emit('web-contents-created', {}, other);
  for (const contents of [main.webContents, other]) {
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe('prevented');
    expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe('prevented');
    expect(contents.attempt('will-navigate', 'app://monshi.example.com/index.html')).toBe('prevented');
    expect(contents.attempt('will-redirect', 'https://example.com/')).toBe('prevented');
    expect(contents.attempt('will-attach-webview', 'app://monshi/index.html')).toBe('prevented');
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://monshi/index.html' })).toEqual({ action: 'deny' });
  }
  // The app's own page may still load itself (a reload after an update).
  expect(main.webContents.attempt('will-navigate', 'app://monshi/index.html')).toBe('allowed');
  link.detach();
});

it('permissions: the microphone for audio only; never the camera, the screen, the location', async () => {
  const { shell, link } = await readyShell();
  const ask = (permission: string, details: Record<string, unknown> = {}) => {
    let granted: boolean | null = null;
    shell.permissions.request!({}, permission, (g) => (granted = g), details);
    return granted;
  };
  expect(ask('media', { mediaTypes: ['audio'] })).toBe(true);
  expect(ask('media', { mediaTypes: ['video'] })).toBe(false);
  expect(ask('media', { mediaTypes: ['audio', 'video'] })).toBe(false);
  expect(ask('media', { mediaTypes: [] })).toBe(false);
  expect(ask('media')).toBe(false);
  for (const p of ['geolocation', 'display-capture', 'midi', 'hid', 'serial', 'usb', 'pointerLock', 'openExternal', 'fullscreen']) expect(ask(p)).toBe(false);
  // Alarm notifications and copying a number stay possible.
  expect(ask('notifications')).toBe(true);
  expect(ask('clipboard-sanitized-write')).toBe(true);
  const check = (permission: string, details: Record<string, unknown> = {}) => shell.permissions.check!({}, permission, 'app://monshi', details);
  expect(check('media', { mediaType: 'audio' })).toBe(true);
  expect(check('media', { mediaType: 'video' })).toBe(false);
  expect(check('geolocation')).toBe(false);
  link.detach();
});

it("every file the app protocol serves carries the browser mode's Content-Security-Policy; nothing outside the UI's folder is served", async () => {
  const { shell, link } = await readyShell();
  const serve = shell.protocols.get('app')!;
  const page = await serve(new Request('app://monshi/index.html'));
  expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
  const script = await serve(new Request('app://monshi/app.js'));
  expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  const rendererDir = path.join(__dirname, '../../src/main/renderer');
  expect(shell.fetched).toEqual([`file://${rendererDir}/index.html`, `file://${rendererDir}/app.js`]);
  expect((await serve(new Request('app://monshi/%2e%2e%2f%2e%2e%2fpackage.json'))).status).toBe(404);
  expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
  expect(shell.fetched).toHaveLength(2);
  link.detach();
});

it('IPC: the main page reaches the engine; another webContents, a sub-frame or a foreign page gets "denied", the engine never asked', async () => {
  const { shell, link, main } = await readyShell();
  const r = (await invoke(shell, fromPage(main), 'settings/get', {}, 'en')) as { ok: true; value: Settings };
  expect(r).toMatchObject({ ok: true, value: { language: 'en' } });
  // The request names its accounts session (the window's Electron session) and this PC.
  const caller = { session: expect.stringMatching(/^electron:/), pc: hostname() };
  expect(link.requests).toEqual([{ t: 'req', id: 1, method: 'settings/get', input: {}, lang: 'en', caller }]);
  // The engine's own validation, in the language asked for.
  expect(await invoke(shell, fromPage(main), 'contacts/get', { id: 'x' }, 'en')).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });

  const stranger = new FakeWebContents();
  stranger.mainFrame = { url: 'app://monshi/index.html', parent: null };
  const pdfFrame = { url: 'blob:app://monshi/5b1c', parent: main.webContents.mainFrame };
  const denied = { ok: false, error: { code: 'auth', message: 'denied' } };
  const before = link.requests.length;
  expect(await invoke(shell, { sender: stranger, senderFrame: stranger.mainFrame }, 'settings/get', {}, 'en')).toEqual(denied);
  expect(await invoke(shell, { sender: main.webContents, senderFrame: pdfFrame }, 'settings/get', {}, 'en')).toEqual(denied);
  expect(await invoke(shell, { sender: main.webContents, senderFrame: null }, 'settings/get', {}, 'en')).toEqual(denied);
  main.webContents.mainFrame = { url: 'https://example.com/', parent: null }; // had it got away
  expect(await invoke(shell, fromPage(main), 'settings/get', {}, 'en')).toEqual(denied);
  expect(link.requests).toHaveLength(before);

  // A request name outside the contract is refused by the engine's side, without reaching a handler.
  await main.loadURL('app://monshi/index.html');
  expect(await invoke(shell, fromPage(main), 'no/such', {}, 'en')).toEqual({ ok: false, error: { code: 'validation', message: 'unknown request no/such' } });
  expect(await invoke(shell, fromPage(main), 42, {}, 'en')).toMatchObject({ ok: false, error: { code: 'validation' } });
  expect(link.requests).toHaveLength(before + 1);
  link.detach();
});

it('show-main: only from our page, only a plain route; the popup payload only for a popup window', async () => {
  const { shell, link, main } = await readyShell();
  const showMain = shell.ipc.on.get(IPC.showMain)!;
  const stranger = new FakeWebContents();
  stranger.mainFrame = { url: 'app://monshi/index.html', parent: null };
  showMain({ sender: stranger, senderFrame: stranger.mainFrame }, '#contact=12');
  showMain(fromPage(main), 'javascript:alert(1)');
  showMain(fromPage(main), '#x";alert(1);"');
  expect(main.webContents.executeJavaScript).not.toHaveBeenCalled();
  main.minimized = true;
  showMain(fromPage(main), '#/contact/12'); // the router's address (the popup's links use it)
  expect(main.webContents.executeJavaScript).toHaveBeenCalledWith('location.hash = "#/contact/12"');
  expect(main.calls).toEqual(['restore', 'show', 'focus']);
  expect(await shell.ipc.handle.get(IPC.popupCall)!(fromPage(main))).toBeNull();
  expect(await shell.ipc.handle.get(IPC.popupCall)!({ sender: stranger, senderFrame: stranger.mainFrame })).toBeNull();
  link.detach();
});

it('a request while the engine is down (crashed, before "try again") is answered at once, not left waiting', async () => {
  const shell = await loadShell(dir, { dialogAnswers: [] });
  const link = attachEngine(shell.forks[0]!, engine);
  await settle();
  const main = shell.windows[0]!;
  link.detach();
  shell.forks[0]!.emit('exit', 134);
  await expect(invoke(shell, fromPage(main), 'settings/get', {}, 'en')).resolves.toEqual({
    ok: false,
    error: { code: 'internal', message: 'engine stopped (134)' },
  });
});
