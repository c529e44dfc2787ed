/**
 * Locks the Electron windows down: the UI comes only from the app's own `app://monshi/` protocol,
 * cannot navigate away, open windows, attach webviews or ask for permissions it does not need.
 */
import { app, session, type WebContents } from 'electron';

export const APP_ORIGIN = 'app://monshi';

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

export function hardenApp(): void {
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents));
  // Notifications (caller-ID popups in later versions) and clipboard writes only; no camera, geolocation, etc.
  const allowed = new Set(['notifications', 'clipboard-sanitized-write']);
  // The microphone, never the camera: prompts are recorded and the sound-card test speaks into it.
  const audioOnly = (types: string[] | undefined) => !!types && types.length > 0 && types.every((t) => t === 'audio');
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowed.has(permission) || (permission === 'media' && 'mediaTypes' in details && audioOnly(details.mediaTypes))),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) => allowed.has(permission) || (permission === 'media' && details.mediaType === 'audio'));
}
