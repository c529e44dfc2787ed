/**
 * The call log behind the virtualised list, in pages (see hooks/use-paged-query.ts). Calls come and
 * change all the time, so 'call/incoming', 'call/updated' (and a dismissed call back) refetch the pages on screen after a short
 * pause, so a burst of events costs one round trip.
 */
import type { CallQuery, CallRow } from '../../shared/contract/calls';
import { usePagedQuery, type PagedQuery } from '../hooks/use-paged-query';

const REFRESH_DEBOUNCE_MS = 150;
/** The engine stops counting here and the UI says "more than 10,000". */
export const COUNT_CAP = 10_000;

export type CallLog = PagedQuery<CallRow>;

export function useCallLog(query: CallQuery): CallLog {
  return usePagedQuery('calls/list', query, {
    input: (q, offset, limit) => ({ ...q, offset, limit }),
    // The engine counts up to COUNT_CAP + 1; past that its total is a lower bound.
    page: (v) => ({ rows: v.rows, total: v.total, totalExact: v.total <= COUNT_CAP }),
    reloadOn: ['call/incoming', 'call/updated', 'calls/callbacks-changed', 'contacts/changed'],
    reloadDebounceMs: REFRESH_DEBOUNCE_MS,
  });
}
