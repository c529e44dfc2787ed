/**
 * Paged search behind the virtualised list. Pages of PAGE rows are fetched as they come into view
 * and cached by page number. Every query change or data change starts a new generation and answers
 * to older generations are dropped, so a slow answer for "ali" never overwrites the one for
 * "alireza". Until the first page of a new query arrives the previous rows stay on screen (dimmed
 * by the list), so typing does not make the list flash; a data change keeps the old rows until
 * their fresh pages arrive.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ContactQuery, ContactSummary } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useEvent } from './use-event';

export const PAGE = 100;
const MAX_CACHED_PAGES = 200;
const RANGE_DEBOUNCE_MS = 30;

type Page = { items: ContactSummary[]; gen: number };

export type ContactsSearch = {
  /** Rows the list should have: the total, plus one loader row while the total is a lower bound. */
  rowCount: number;
  total: number;
  totalExact: boolean;
  /** False from a query change until its first page answers (the rows shown are the old ones). */
  settled: boolean;
  error: string | null;
  getRow: (index: number) => ContactSummary | undefined;
  /** Fetches the pages covering rows [start, end] (called as rows come into view). */
  ensureRange: (start: number, end: number) => void;
  /** Changes whenever rows or counts change, for memoised consumers. */
  version: number;
  /** Changes with the query (not on refresh): the list scrolls to the top and drops its selection. */
  queryKey: string;
};

export function useContactsSearch(query: ContactQuery): ContactsSearch {
  const client = useClient();
  const queryKey = JSON.stringify(query);
  const s = useRef({
    gen: 0,
    query,
    pages: new Map<number, Page>(),
    inflight: new Map<number, number>(),
    total: 0,
    exact: true,
    settled: false,
    /** What was on screen before the query changed, with its counts; shown until settled. */
    previous: { pages: new Map<number, Page>(), total: 0, exact: true },
    error: null as string | null,
    range: [0, PAGE - 1] as [number, number],
    timer: null as ReturnType<typeof setTimeout> | null,
    /** A first page is on its way; a query typed meanwhile waits for it (see the query effect). */
    firstInflight: false,
    firstPending: false,
  }).current;
  const [version, bump] = useReducer((x: number) => x + 1, 0);

  const evict = useCallback(() => {
    if (s.pages.size <= MAX_CACHED_PAGES) return;
    const mid = Math.floor((s.range[0] + s.range[1]) / 2 / PAGE);
    const farthest = [...s.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const p of farthest.slice(0, s.pages.size - MAX_CACHED_PAGES)) s.pages.delete(p);
  }, [s]);

  /** The count the first page left for later (see countLater): one row asked again, counted this time. */
  const fetchCount = useCallback(
    (gen: number) => {
      void client.call('contacts/search', { ...s.query, offset: 0, limit: 1 }).then((r) => {
        if (s.gen !== gen) return;
        if (!r.ok) s.error = r.error.message;
        else if (r.value.totalExact || r.value.total > s.total) {
          s.total = Math.max(r.value.total, s.total);
          s.exact = r.value.totalExact;
        }
        bump();
      });
    },
    [client, s],
  );

  const fetchPage = useCallback(
    (page: number) => {
      const gen = s.gen;
      if (s.inflight.get(page) === gen || s.pages.get(page)?.gen === gen) return;
      s.inflight.set(page, gen);
      if (page === 0) s.firstInflight = true;
      const offset = page * PAGE;
      // The first page does not wait for the count of a whole large phonebook: that count follows.
      void client.call('contacts/search', { ...s.query, offset, limit: PAGE, countLater: page === 0 }).then((r) => {
        if (page === 0) {
          s.firstInflight = false;
          if (s.firstPending) {
            s.firstPending = false;
            fetchPage(0);
          }
        }
        if (s.gen !== gen) return;
        s.inflight.delete(page);
        if (!s.settled) {
          s.settled = true;
          s.previous = { pages: new Map(), total: 0, exact: true };
        }
        if (!r.ok) {
          s.error = r.error.message;
          bump();
          return;
        }
        s.error = null;
        const n = r.value.items.length;
        s.pages.set(page, { items: r.value.items, gen });
        if (n < PAGE && (n > 0 || offset === 0)) {
          s.total = offset + n; // a short page is the end of the list
          s.exact = true;
        } else {
          s.total = Math.max(r.value.total, offset + n);
          s.exact = r.value.totalExact;
        }
        evict();
        bump();
        if (page === 0 && !r.value.totalExact && r.value.total === n) fetchCount(gen);
      });
    },
    [client, s, evict, fetchCount],
  );


  const fetchRange = useCallback(() => {
    const [start, end] = s.range;
    for (let p = Math.floor(start / PAGE); p <= Math.floor(end / PAGE); p++) fetchPage(p);
  }, [fetchPage, s]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      s.range = [Math.max(0, start), Math.max(0, end)];
      if (s.timer) clearTimeout(s.timer);
      s.timer = setTimeout(fetchRange, RANGE_DEBOUNCE_MS);
    },
    [fetchRange, s],
  );

  useEffect(() => {
    s.gen += 1;
    if (s.settled) s.previous = { pages: s.pages, total: s.total, exact: s.exact };
    s.query = JSON.parse(queryKey) as ContactQuery;
    s.pages = new Map();
    s.inflight.clear();
    s.settled = false;
    s.range = [0, PAGE - 1];
    // Every keystroke is searched at once (no debounce: a search takes a few ms), but while one first
    // page is on its way the next query waits for it, so fast typing on a slow machine sends the latest
    // text once rather than queueing one search per key.
    if (s.firstInflight) s.firstPending = true;
    else fetchPage(0);
    bump();
  }, [queryKey, fetchPage, s]);

  useEffect(() => () => {
    if (s.timer) clearTimeout(s.timer);
  }, [s]);

  useEvent('contacts/changed', () => {
    s.gen += 1;
    s.inflight.clear();
    fetchPage(0);
    fetchRange();
  });

  const shown = s.settled ? s : s.previous;
  return {
    rowCount: shown.total + (shown.exact ? 0 : 1),
    total: shown.total,
    totalExact: shown.exact,
    settled: s.settled,
    error: s.error,
    getRow: (i) => shown.pages.get(Math.floor(i / PAGE))?.items[i % PAGE],
    ensureRange,
    version,
    queryKey,
  };
}
