/**
 * The Electron shell, kept thin: it starts the engine in a utility process (engine-link.ts), serves
 * the UI over `app://monshi/` (security.ts), and passes the contract's typed messages between the
 * two: requests from our own pages to the engine, every engine event to every window, and the
 * events the desktop windows act on to the popup and alarm windows. All product logic lives in the
 * engine. One app per user: a second start brings the open window forward; an engine that does not
 * start is explained (start-error.ts), never a silent quit.
 */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { hostname } from 'node:os';
import path from 'node:path';
import { IPC, type ShellEvent } from '../../shared/contract/shell-bridge';
import { resolveDataDir } from '../paths';
import { createAlarmRaiser } from './alarm-window';
import { startEngine, type EngineLink } from './engine-link';
import type { StartFailure } from './host-messages';
import { createMainWindow } from './main-window';
import { createPopupManager } from './popup-window';
import { fromOwnPage, hardenApp, serveApp } from './security';
import { askAfterStartFailure } from './start-error';
import { desktopSecretKey, SECRET_KEY_ENV } from './secret-key';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const preload = path.join(__dirname, 'preload.js');
const dataDir = resolveDataDir(process.argv.find((a) => a.startsWith('--data='))?.slice('--data='.length) ?? null);
const mainWindow = createMainWindow(preload);
const popups = createPopupManager(preload);
const alarms = createAlarmRaiser(mainWindow.get);
let engine: EngineLink | null = null;
let quitting = false;

// A second copy of the app would only find the data folder locked by this one: hand its start to
// the open window instead.
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
app.on('second-instance', () => mainWindow.bringForward());
app.on('before-quit', () => {
  quitting = true;
});

/** The secret box's key kept by safeStorage, for the engine's process; none (the engine keeps a 0600 key file) when it cannot be had. */
function secretKeyEnv(): Record<string, string> {
  try {
    const key = desktopSecretKey(dataDir, safeStorage);
    return key ? { [SECRET_KEY_ENV]: key.toString('base64') } : {};
  } catch (e) {
    // A key the system can no longer decrypt (another user, a reset keychain): SIP lines say their password must be typed again.
    console.error('secret key: safeStorage could not open it', e);
    return {};
  }
}

function start(): EngineLink {
  return startEngine(path.join(__dirname, 'engine-host.js'), dataDir, {
    env: secretKeyEnv(),
    // The main window opens once the engine says it started.
    onReady: () => mainWindow.open(),
    onEvent,
    onFailure: (failure) => void explainFailure(failure),
    isQuitting: () => quitting,
  });
}

function onEvent(event: ShellEvent): void {
  for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC.event, event);
  popups.onEngineEvent(event);
  alarms.onEngineEvent(event);
}

async function explainFailure(failure: StartFailure): Promise<void> {
  if ((await askAfterStartFailure(failure)) === 'retry' && !quitting) engine = start();
  else app.quit();
}

/** The preload's channels; every one answers only our own pages (security.ts). */
function listen(): void {
  ipcMain.handle(IPC.invoke, (event, method: unknown, input: unknown, lang: unknown) => {
    if (!fromOwnPage(event) || !engine) return { ok: false, error: { code: 'auth', message: 'denied' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'validation', message: 'no request name' } };
    // Accounts (issue 18): the windows of one Electron session (the main window, popups) are one
    // signed-in session; a window with a session of its own would be another.
    const partition = event.sender.session === session.defaultSession ? 'default' : `window-${event.sender.id}`;
    return engine.request(method, input, lang === 'en' ? 'en' : 'fa', { session: `electron:${partition}`, pc: hostname() });
  });
  ipcMain.handle(IPC.popupCall, (event) => (fromOwnPage(event) ? popups.callFor(event.sender) : null));
  ipcMain.handle(IPC.popupFax, (event) => (fromOwnPage(event) ? popups.faxFor(event.sender) : null));
  // From a caller-ID popup: the main window forward at a route ('#contact=12', '#new-contact=0912…').
  ipcMain.on(IPC.showMain, (event, route: unknown) => {
    if (fromOwnPage(event)) mainWindow.showAt(route);
  });
}

void app.whenReady().then(() => {
  if (!primary) return;
  hardenApp();
  serveApp(path.join(__dirname, '..', 'renderer'));
  engine = start();
  listen();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow.open();
  });
});

app.on('window-all-closed', () => {
  quitting = true;
  popups.closeAll();
  engine?.kill();
  app.quit();
});
