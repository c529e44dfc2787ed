import { useEffect, useState } from 'react';
import type { Schedule } from '../../shared/contract/attendance';
import { useClient } from '../app/client';
import { useEvent } from './use-event';

/** The work schedules, kept fresh. */
export function useSchedules(): Schedule[] {
  const client = useClient();
  const [list, setList] = useState<Schedule[]>([]);
  const [tick, setTick] = useState(0);
  useEvent('attendance/changed', () => setTick((x) => x + 1));
  useEffect(() => {
    let stop = false;
    void client.call('schedules/list', {}).then((r) => !stop && r.ok && setList(r.value));
    return () => {
      stop = true;
    };
  }, [client, tick]);
  return list;
}
