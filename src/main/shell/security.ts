/**
 * Locks the Electron windows down: the UI comes only from the app's own `app://monshi/` protocol
 * with the same Content-Security-Policy as the browser mode, cannot navigate away, open windows,
 * attach webviews or get permissions it does not need; and only the top frame of a window the
 * shell opened itself may talk to the engine.
 */
import { app, BrowserWindow, net, protocol, session } from 'electron';
import type { BrowserWindowConstructorOptions, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../server/csp';

export const APP_ORIGIN = 'app://monshi';

/** The webContents of the windows the shell opened (and has not seen close). */
const own = new Set<WebContents>();

/** A window with the page locked in: isolated, sandboxed, no Node, only the preload's bridge. */
export function openSecureWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  preload: string,
  extra: { plugins?: boolean } = {},
): BrowserWindow {
  const win = new BrowserWindow({
    ...options,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, spellcheck: false, ...extra },
  });
  const contents = win.webContents;
  own.add(contents);
  win.on('closed', () => own.delete(contents));
  return win;
}

/** Whether an IPC message came from our page: the top frame of one of our windows, at the app's origin. */
export function fromOwnPage(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return own.has(event.sender) && frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The microphone, never the camera: prompts are recorded and the sound-card test speaks into it. */
const audioOnly = (types: string[] | undefined) => !!types && types.length > 0 && types.every((t) => t === 'audio');
/** Notifications and clipboard writes too; no camera, geolocation, etc. */
const allowed = new Set(['notifications', 'clipboard-sanitized-write']);

export function hardenApp(): void {
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowed.has(permission) || (permission === 'media' && 'mediaTypes' in details && audioOnly(details.mediaTypes))),
  );
  session.defaultSession.setPermissionCheckHandler(
    (_wc, permission, _origin, details) => allowed.has(permission) || (permission === 'media' && details.mediaType === 'audio'),
  );
}

/** Serves the UI's files under `app://monshi/`, each with the browser mode's Content-Security-Policy; nothing outside `rendererDir`. */
export function serveApp(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html');
    if (url.host !== 'monshi' || !file.startsWith(rendererDir + path.sep)) return new Response('not found', { status: 404 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
}
