import { useCallback, useEffect, useState } from 'react';
import type { Alarm } from '../../shared/contract/reminders';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/**
 * The alarms waiting for the user (and snoozed ones): loaded at start — so those that rang while the
 * app was closed show at once — and kept current by 'alarms/fired' and 'alarms/changed'.
 * `onFired` is called with the alarms that just rang (for the sound and the notification).
 */
export function useAlarms(onFired: (alarms: Alarm[]) => void): Alarm[] {
  const client = useClient();
  const [alarms, setAlarms] = useState<Alarm[]>([]);
  const load = useCallback(() => {
    void client.call('alarms/pending', {}).then((r) => r.ok && setAlarms(r.value));
  }, [client]);
  useEffect(load, [load]);
  useEvent('alarms/fired', ({ alarms: fired }) => {
    setAlarms((xs) => [...xs.filter((x) => !fired.some((f) => f.id === x.id)), ...fired].sort((a, b) => a.firedAt.localeCompare(b.firedAt) || a.occursAt.localeCompare(b.occursAt)));
    onFired(fired);
  });
  useEvent('alarms/changed', ({ alarms: next }) => setAlarms(next));
  // After the link to the engine comes back, events may have been missed.
  useEvent('settings/changed', load);
  return alarms;
}
