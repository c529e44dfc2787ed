import { useState } from 'react';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';

/**
 * Browser mode only (the desktop app has its own popup window): desktop notifications need the
 * user's permission, asked for by a button, as browsers require.
 */
export function NotificationPermission() {
  const t = useT();
  const { shell } = useClient();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(() => (supported ? Notification.permission : 'denied'));
  if (!supported || shell.popupWindows) return null;
  return (
    <div className="notify-box" data-testid="notify-box">
      <div>
        <strong>{t.lines.notifyTitle}</strong>
        <p className="muted">{permission === 'granted' ? t.lines.notifyOn : permission === 'denied' ? t.lines.notifyDenied : t.lines.notifyHint}</p>
      </div>
      {permission === 'default' && (
        <button type="button" className="button" onClick={() => void Notification.requestPermission().then(setPermission)} data-testid="notify-enable">
          {t.lines.notifyEnable}
        </button>
      )}
    </div>
  );
}
