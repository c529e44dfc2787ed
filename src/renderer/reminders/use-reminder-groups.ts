import { useCallback, useEffect, useState } from 'react';
import type { ReminderGroup } from '../../shared/contract/reminders';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The reminder groups with their counts, kept current by 'reminders/changed'. */
export function useReminderGroups(): ReminderGroup[] {
  const client = useClient();
  const [groups, setGroups] = useState<ReminderGroup[]>([]);
  const load = useCallback(() => {
    void client.call('reminder-groups/list', {}).then((r) => r.ok && setGroups(r.value));
  }, [client]);
  useEffect(load, [load]);
  useEvent('reminders/changed', load);
  return groups;
}
