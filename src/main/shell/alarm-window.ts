/**
 * Alarms in the desktop app: when one rings, the main window (which shows the alarm dialog) comes to
 * the front by itself and stays on top until no alarm is showing any more (all snoozed or dismissed).
 */
import type { BrowserWindow } from 'electron';
import type { ShellEvent } from '../../shared/contract/shell-bridge';

export function createAlarmRaiser(getWindow: () => BrowserWindow | null) {
  return {
    onEngineEvent(e: ShellEvent): void {
      const win = getWindow();
      if (!win || win.isDestroyed()) return;
      if (e.name === 'alarms/fired') {
        if (win.isMinimized()) win.restore();
        win.show();
        win.setAlwaysOnTop(true, 'screen-saver');
        win.focus();
        win.flashFrame(true);
      } else if (e.name === 'alarms/changed' && !e.payload.alarms.some((a) => a.snoozedUntil === null)) {
        win.setAlwaysOnTop(false);
        win.flashFrame(false);
      }
    },
  };
}
