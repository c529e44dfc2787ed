/**
 * The Electron shell, kept thin: it starts the engine in a utility process (Electron's Node, no UI
 * access), serves the UI from the app's files over `app://monshi/`, and passes typed messages
 * between the two. All product logic lives in the engine. One app per user: a second start brings the
 * open window forward; an engine that does not start is explained (start-error.ts), never a silent quit.
 */
import { app, BrowserWindow, ipcMain, net, protocol, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { resolveDataDir } from '../paths';
import { createAlarmRaiser } from './alarm-window';
import { createPopupManager } from './popup-window';
import { APP_ORIGIN, hardenApp } from './security';
import { askAfterStartFailure, engineStopped, type StartFailure } from './start-error';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const rendererDir = path.join(__dirname, '..', 'renderer');
let engineHost: UtilityProcess | null = null;
let mainWindow: BrowserWindow | null = null;
const popups = createPopupManager(path.join(__dirname, 'preload.js'));
const alarms = createAlarmRaiser(() => mainWindow);
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();
let quitting = false;
const dataDir = resolveDataDir(process.argv.find((a) => a.startsWith('--data='))?.slice('--data='.length) ?? null);

// A second copy of the app would only find the data folder locked by this one: hand its start to
// the open window instead.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
app.on('second-instance', () => bringForward());
app.on('before-quit', () => { quitting = true; });

type EngineMessage =
  | { t: 'res'; id: number; result: unknown }
  | { t: 'evt'; name: string; payload: unknown }
  | { t: 'ready' }
  | ({ t: 'start-failed' } & StartFailure);

function startEngine(): UtilityProcess {
  let failed = false;
  const child = utilityProcess.fork(path.join(__dirname, 'engine-host.js'), [dataDir], {
    serviceName: 'Monshi engine',
    // Same young-generation size as bin/monshi.js: bulk imports allocate many short-lived strings.
    execArgv: ['--max-semi-space-size=64'],
    env: { ...process.env },
  });
  child.on('message', (msg: EngineMessage) => {
    if (msg.t === 'ready') {
      if (!mainWindow) createWindow();
    } else if (msg.t === 'start-failed') {
      failed = true;
      child.kill();
      void explainFailure(msg);
    } else if (msg.t === 'res') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send('monshi:event', msg.name, msg.payload);
      popups.onEngineEvent(msg.name, msg.payload);
      alarms.onEngineEvent(msg.name, msg.payload);
    }
  });
  child.on('exit', (code) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: `engine stopped (${code})` } });
    pending.clear();
    if (failed || quitting) return;
    // Stopped without saying why (a crash, an addon that does not load): still say so, never quit silently.
    void explainFailure({ text: engineStopped(code), lang: null, dataDir });
  });
  return child;
}

async function explainFailure(failure: StartFailure): Promise<void> {
  if ((await askAfterStartFailure(failure)) === 'retry' && !quitting) engineHost = startEngine();
  else app.quit();
}

/** The open main window to the front (a second start of the app, a caller-ID popup). */
function bringForward(): BrowserWindow | null {
  const win = mainWindow;
  if (!win) return null;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return win;
}

function createWindow(): void {
  const win = (mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'منشی — Monshi',
    webPreferences: {
      preload: path.join(__dirname, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      // Chromium's PDF viewer, for the in-app print preview (a blob: iframe).
      plugins: true,
    },
  }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(() => {
  if (!primary) return;
  hardenApp();
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
    if (url.host !== 'monshi' || !file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
  engineHost = startEngine();
  ipcMain.handle('monshi:invoke', (event, method: unknown, input: unknown, lang: unknown) => {
    // Only our own page may call the engine.
    if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`)) return { ok: false, error: { code: 'auth', message: 'denied' } };
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      engineHost?.postMessage({ t: 'req', id, method, input, lang });
    });
  });
  // From a caller-ID popup: bring the main window forward at a route ('#/contact/12', '#/new-contact/0912…').
  ipcMain.on('monshi:show-main', (event, route: unknown) => {
    if (!event.senderFrame?.url.startsWith(`${APP_ORIGIN}/`) || typeof route !== 'string' || !/^#[\w=&%.+/-]*$/.test(route)) return;
    if (!mainWindow) createWindow();
    const win = bringForward();
    if (!win) return;
    void win.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`);
  });
  // The main window opens once the engine says it started ('ready').
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  quitting = true;
  popups.closeAll();
  engineHost?.kill();
  app.quit();
});
