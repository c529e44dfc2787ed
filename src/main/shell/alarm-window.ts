/**
 * Alarms in the desktop app: when one rings, the main window (which shows the alarm dialog) comes to
 * the front by itself and stays on top until no alarm is showing any more (all snoozed or dismissed).
 */
import type { BrowserWindow } from 'electron';

type AlarmLike = { snoozedUntil: string | null };

export function createAlarmRaiser(getWindow: () => BrowserWindow | null) {
  return {
    onEngineEvent(name: string, payload: unknown): void {
      const win = getWindow();
      if (!win || win.isDestroyed()) return;
      if (name === 'alarms/fired') {
        if (win.isMinimized()) win.restore();
        win.show();
        win.setAlwaysOnTop(true, 'screen-saver');
        win.focus();
        win.flashFrame(true);
      } else if (name === 'alarms/changed') {
        const showing = (payload as { alarms: AlarmLike[] }).alarms.some((a) => a.snoozedUntil === null);
        if (!showing) {
          win.setAlwaysOnTop(false);
          win.flashFrame(false);
        }
      }
    },
  };
}
