import type { ReminderGroup } from '../../shared/contract/reminders';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';

const NONE: ReminderGroup[] = [];

/** The reminder groups with their counts, kept current by 'reminders/changed'. */
export function useReminderGroups(): ReminderGroup[] {
  const q = useQuery('reminder-groups/list', {}, { reloadOn: ['reminders/changed'] });
  useFailureToast(q.error);
  return q.data ?? NONE;
}
