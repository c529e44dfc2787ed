/**
 * The call log behind the virtualised list: pages of PAGE calls fetched as they scroll into view,
 * cached by page and dropped when the filters change. Calls come and change all the time, so
 * 'call/incoming' and 'call/updated' refetch the pages on screen (after a short pause, so a burst of
 * events costs one round trip). Answers to an older filter or refresh are ignored.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { CallQuery, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

export const PAGE = 100;
const REFRESH_DEBOUNCE_MS = 150;
const RANGE_DEBOUNCE_MS = 30;
/** The engine stops counting here and the UI says "more than 10,000". */
export const COUNT_CAP = 10_000;

export type CallLog = {
  /** Rows the list should have: the total, plus one loader row while the total is a lower bound. */
  rowCount: number;
  total: number;
  /** False when the engine stopped counting (total is then a lower bound). */
  totalExact: boolean;
  /** False from a filter change until its first page answers. */
  settled: boolean;
  error: string | null;
  getRow: (index: number) => CallRow | undefined;
  ensureRange: (start: number, end: number) => void;
  /** Changes whenever rows or counts change. */
  version: number;
  /** Changes with the filters: the list scrolls back to the top. */
  queryKey: string;
};

export function useCallLog(query: CallQuery): CallLog {
  const client = useClient();
  const queryKey = JSON.stringify(query);
  const s = useRef({
    gen: 0,
    query,
    pages: new Map<number, CallRow[]>(),
    /** The rows on screen before the filters changed, shown (dimmed) until the new ones arrive. */
    previous: new Map<number, CallRow[]>(),
    inflight: new Set<number>(),
    total: 0,
    exact: true,
    /** The counts on screen before the filters changed, shown until the new ones arrive. */
    previousCount: { total: 0, exact: true },
    settled: false,
    error: null as string | null,
    range: [0, PAGE - 1] as [number, number],
    rangeTimer: null as ReturnType<typeof setTimeout> | null,
    refreshTimer: null as ReturnType<typeof setTimeout> | null,
  }).current;
  const [version, bump] = useReducer((x: number) => x + 1, 0);

  // The engine counts up to COUNT_CAP + 1; past that, the pages themselves say how far the log goes
  // (a full page means there may be more: one loader row keeps the list scrolling).
  const count = useCallback(
    (offset: number, n: number, engineTotal: number) => {
      if (engineTotal <= COUNT_CAP) [s.total, s.exact] = [engineTotal, true];
      else if (n < PAGE && (n > 0 || offset === 0)) [s.total, s.exact] = [offset + n, true];
      else [s.total, s.exact] = [Math.max(s.exact ? 0 : s.total, engineTotal, offset + n), false];
    },
    [s],
  );

  const fetchPage = useCallback(
    (page: number, force = false) => {
      const gen = s.gen;
      if (!force && (s.inflight.has(page) || s.pages.has(page))) return;
      s.inflight.add(page);
      void client.call('calls/list', { ...s.query, offset: page * PAGE, limit: PAGE }).then((r) => {
        if (s.gen !== gen) return;
        s.inflight.delete(page);
        s.settled = true;
        s.previous = new Map();
        s.previousCount = { total: 0, exact: true };
        if (!r.ok) s.error = r.error.message;
        else {
          s.error = null;
          s.pages.set(page, r.value.rows);
          count(page * PAGE, r.value.rows.length, r.value.total);
        }
        bump();
      });
    },
    [client, s, count],
  );

  const pagesInRange = useCallback(() => {
    const out: number[] = [];
    for (let p = Math.floor(s.range[0] / PAGE); p <= Math.floor(s.range[1] / PAGE); p++) out.push(p);
    return out;
  }, [s]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      s.range = [Math.max(0, start), Math.max(0, end)];
      if (s.rangeTimer) clearTimeout(s.rangeTimer);
      s.rangeTimer = setTimeout(() => pagesInRange().forEach((p) => fetchPage(p)), RANGE_DEBOUNCE_MS);
    },
    [fetchPage, pagesInRange, s],
  );

  useEffect(() => {
    s.gen += 1;
    s.query = JSON.parse(queryKey) as CallQuery;
    if (s.settled) [s.previous, s.previousCount] = [s.pages, { total: s.total, exact: s.exact }];
    [s.total, s.exact] = [0, true];
    s.pages = new Map();
    s.inflight.clear();
    s.settled = false;
    s.range = [0, PAGE - 1];
    fetchPage(0);
    bump();
  }, [queryKey, fetchPage, s]);

  useEffect(
    () => () => {
      if (s.rangeTimer) clearTimeout(s.rangeTimer);
      if (s.refreshTimer) clearTimeout(s.refreshTimer);
    },
    [s],
  );

  // New and changed calls: the rows on screen are fetched again and replace the cached ones in place
  // (other pages are dropped, since every row has shifted by the new calls).
  const refresh = () => {
    if (s.refreshTimer) clearTimeout(s.refreshTimer);
    s.refreshTimer = setTimeout(() => {
      s.gen += 1;
      s.inflight.clear();
      const keep = new Set(pagesInRange());
      for (const p of [...s.pages.keys()]) if (!keep.has(p)) s.pages.delete(p);
      keep.forEach((p) => fetchPage(p, true));
    }, REFRESH_DEBOUNCE_MS);
  };
  useEvent('call/incoming', refresh);
  useEvent('call/updated', refresh);
  useEvent('contacts/changed', refresh);

  const shown = s.settled ? { total: s.total, exact: s.exact } : s.previousCount;
  return {
    rowCount: shown.total + (shown.exact ? 0 : 1),
    total: shown.total,
    totalExact: shown.exact,
    settled: s.settled,
    error: s.error,
    getRow: (i) => (s.settled ? s.pages : s.previous).get(Math.floor(i / PAGE))?.[i % PAGE],
    ensureRange,
    version,
    queryKey,
  };
}
