import type { LineView } from '../../shared/contract/calls';
import { useEvent } from '../hooks/use-event';
import { useQuery, type Query } from '../hooks/use-query';

/**
 * The telephone lines, kept current by 'lines/changed' (configuration and device changes) and
 * 'lines/status' (live status of one line); a failed `lines/list` is kept as `error` for the Lines
 * screen to show with a Retry (an empty list would look like "no lines").
 */
export function useLinesQuery(): Query<LineView[]> {
  const query = useQuery('lines/list', {});
  const { setData } = query;
  useEvent('lines/changed', ({ lines: next }) => setData(() => next));
  useEvent('lines/status', ({ lineId, status, detail, sipProblem }) =>
    setData((ls) => ls && ls.map((l) => (l.id === lineId ? { ...l, status: status === 'closed' ? 'disconnected' : status, detail, sipProblem } : l))),
  );
  return query;
}

/** The lines alone, for places that only decorate with them (call bar, filters); null until the first answer. */
export function useLines(): LineView[] | null {
  return useLinesQuery().data;
}
