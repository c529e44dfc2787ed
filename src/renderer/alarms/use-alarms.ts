import type { Alarm } from '../../shared/contract/reminders';
import { useEvent } from '../hooks/use-event';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';

const NONE: Alarm[] = [];

/**
 * The alarms waiting for the user (and snoozed ones): loaded at start — so those that rang while the
 * app was closed show at once — and kept current by 'alarms/fired' and 'alarms/changed'.
 * `onFired` is called with the alarms that just rang (for the sound and the notification).
 */
export function useAlarms(onFired: (alarms: Alarm[]) => void): Alarm[] {
  // 'settings/changed' also comes after the link to the engine is back, when events may have been missed.
  const q = useQuery('alarms/pending', {}, { reloadOn: ['settings/changed'] });
  useFailureToast(q.error);
  useEvent('alarms/fired', ({ alarms: fired }) => {
    q.setData((xs) =>
      [...(xs ?? []).filter((x) => !fired.some((f) => f.id === x.id)), ...fired].sort(
        (a, b) => a.firedAt.localeCompare(b.firedAt) || a.occursAt.localeCompare(b.occursAt),
      ),
    );
    onFired(fired);
  });
  useEvent('alarms/changed', ({ alarms: next }) => q.setData(() => next));
  return q.data ?? NONE;
}
