import { useEffect, useState } from 'react';
import type { LineView } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/**
 * The telephone lines, kept current by 'lines/changed' (configuration and device changes) and
 * 'lines/status' (live status of one line); null until the first answer.
 */
export function useLines(): LineView[] | null {
  const client = useClient();
  const [lines, setLines] = useState<LineView[] | null>(null);
  useEffect(() => {
    let stop = false;
    void client.call('lines/list', {}).then((r) => {
      if (!stop && r.ok) setLines(r.value);
    });
    return () => {
      stop = true;
    };
  }, [client]);
  useEvent('lines/changed', ({ lines: next }) => setLines(next));
  useEvent('lines/status', ({ lineId, status, detail, sipProblem }) =>
    setLines((ls) => ls && ls.map((l) => (l.id === lineId ? { ...l, status: status === 'closed' ? 'disconnected' : status, detail, sipProblem } : l))),
  );
  return lines;
}
