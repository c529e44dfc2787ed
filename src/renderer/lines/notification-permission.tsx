import { useState } from 'react';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';
import { useT } from '../i18n/use-t';

/**
 * Browser mode only (the desktop app has its own popup window): desktop notifications need the
 * user's permission, asked for by a button, as browsers require.
 */
export function NotificationPermission() {
  const t = useT();
  const info = useQuery('app/info', {});
  useFailureToast(info.error);
  const shell = info.data?.shell ?? null;
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(() => (supported ? Notification.permission : 'denied'));
  if (!supported || shell !== 'browser') return null;
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
