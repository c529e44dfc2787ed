import type { Schedule } from '../../shared/contract/attendance';
import { useFailureToast } from './use-failure-toast';
import { useQuery } from './use-query';

const NONE: Schedule[] = [];

/** The work schedules, kept fresh. */
export function useSchedules(): Schedule[] {
  const q = useQuery('schedules/list', {}, { reloadOn: ['attendance/changed'] });
  useFailureToast(q.error);
  return q.data ?? NONE;
}
