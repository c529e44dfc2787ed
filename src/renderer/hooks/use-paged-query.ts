/**
 * Paged loading behind a virtualised list (the phonebook, the call log). Pages of PAGE rows are
 * fetched as they come into view and cached by page number. Every query change or data change starts
 * a new generation and answers to older generations are dropped, so a slow answer for "ali" never
 * overwrites the one for "alireza". Until the first page of a new query arrives the previous rows
 * stay on screen (dimmed by the list), so typing does not make the list flash. A data change (one of
 * the `reloadOn` events, after `reloadDebounceMs` so a burst costs one round trip) fetches the first
 * page and the pages on screen again; the others are dropped, since every row may have shifted.
 * A failed page is kept as `error` for the list to show with a Retry (`reload`).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import { useClient } from '../app/client';

export const PAGE = 100;
const MAX_CACHED_PAGES = 200;
const RANGE_DEBOUNCE_MS = 30;

/** One page's answer as the list needs it; `totalExact` is false when the engine stopped counting. */
export type PageAnswer<Row> = { rows: Row[]; total: number; totalExact: boolean };

export type PagedOptions<M extends Method, Q, Row> = {
  /**
   * The request for rows [offset, offset + limit) of the query. `countLater`: the first page may
   * answer before a large count (contacts/search's option); the count is then asked for after it.
   */
  input: (query: Q, offset: number, limit: number, countLater: boolean) => InputOf<M>;
  /** The first page of a query comes before its count, which follows in a second request of one row. */
  countLater?: boolean;
  page: (answer: OutputOf<M>) => PageAnswer<Row>;
  reloadOn?: readonly EventName[];
  reloadDebounceMs?: number;
};

export type PagedQuery<Row> = {
  /** Rows the list should have: the total, plus one loader row while the total is a lower bound. */
  rowCount: number;
  total: number;
  /** False when the engine stopped counting (total is then a lower bound). */
  totalExact: boolean;
  /** False from a query change until its first page answers (the rows shown are the old ones). */
  settled: boolean;
  error: string | null;
  getRow: (index: number) => Row | undefined;
  /** Fetches the pages covering rows [start, end] (called as rows come into view). */
  ensureRange: (start: number, end: number) => void;
  /** Fetches the first page and the pages on screen again (the Retry of the error row). */
  reload: () => void;
  /** Changes whenever rows or counts change, for memoised consumers. */
  version: number;
  /** Changes with the query (not on reload): the list scrolls to the top and drops its selection. */
  queryKey: string;
};

type Page<Row> = { rows: Row[]; gen: number };
type Shown<Row> = { pages: Map<number, Page<Row>>; total: number; exact: boolean };

export function usePagedQuery<M extends Method, Q, Row>(method: M, query: Q, options: PagedOptions<M, Q, Row>): PagedQuery<Row> {
  const client = useClient();
  const queryKey = JSON.stringify(query);
  const opts = useRef(options);
  opts.current = options;
  const s = useRef({
    gen: 0,
    query,
    pages: new Map<number, Page<Row>>(),
    inflight: new Map<number, number>(),
    total: 0,
    exact: true,
    settled: false,
    /** What was on screen before the query changed, with its counts; shown until settled. */
    previous: { pages: new Map<number, Page<Row>>(), total: 0, exact: true },
    error: null as string | null,
    range: [0, PAGE - 1] as [number, number],
    rangeTimer: null as ReturnType<typeof setTimeout> | null,
    reloadTimer: null as ReturnType<typeof setTimeout> | null,
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

  // A short page is the end of the list; otherwise the engine's count, which past its cap is only a
  // lower bound (a full page then means there may be more: one loader row keeps the list scrolling).
  const count = useCallback(
    (offset: number, { rows, total, totalExact }: PageAnswer<Row>) => {
      const n = rows.length;
      if (n < PAGE && (n > 0 || offset === 0)) [s.total, s.exact] = [offset + n, true];
      else if (totalExact) [s.total, s.exact] = [Math.max(total, offset + n), true];
      else [s.total, s.exact] = [Math.max(s.exact ? 0 : s.total, total, offset + n), false];
    },
    [s],
  );

  const fetchPage = useCallback(
    (page: number) => {
      const gen = s.gen;
      if (s.inflight.get(page) === gen || s.pages.get(page)?.gen === gen) return;
      s.inflight.set(page, gen);
      if (page === 0) s.firstInflight = true;
      const offset = page * PAGE;
      const later = page === 0 && (opts.current.countLater ?? false);
      void client.call(method, opts.current.input(s.query, offset, PAGE, later)).then((r) => {
        if (page === 0) {
          s.firstInflight = false;
          if (s.firstPending) {
            s.firstPending = false;
            fetchPage(0);
          }
        }
        if (s.gen !== gen) return;
        s.inflight.delete(page);
        const first = !s.settled;
        if (first) {
          s.settled = true;
          s.previous = { pages: new Map(), total: 0, exact: true };
        }
        if (!r.ok) {
          s.error = r.error.message;
          // A new query that failed has no rows: the error row stands alone, not over the old count.
          if (first) [s.total, s.exact] = [0, true];
          bump();
          return;
        }
        s.error = null;
        const answer = opts.current.page(r.value);
        s.pages.set(page, { rows: answer.rows, gen });
        count(offset, answer);
        evict();
        bump();
        if (later && !answer.totalExact && answer.total === answer.rows.length) fetchCount(gen);
      });
    },
    [client, method, s, count, evict],
  );

  /** The count the first page left for later: one row asked again, counted this time. */
  function fetchCount(gen: number) {
    void client.call(method, opts.current.input(s.query, 0, 1, false)).then((r) => {
      if (s.gen !== gen) return;
      if (!r.ok) s.error = r.error.message;
      else {
        const { total, totalExact } = opts.current.page(r.value);
        if (totalExact || total > s.total) [s.total, s.exact] = [Math.max(total, s.total), totalExact];
      }
      bump();
    });
  }

  const pagesInRange = useCallback(() => {
    const out: number[] = [];
    for (let p = Math.floor(s.range[0] / PAGE); p <= Math.floor(s.range[1] / PAGE); p++) out.push(p);
    return out;
  }, [s]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      s.range = [Math.max(0, start), Math.max(0, end)];
      if (s.rangeTimer) clearTimeout(s.rangeTimer);
      s.rangeTimer = setTimeout(() => pagesInRange().forEach(fetchPage), RANGE_DEBOUNCE_MS);
    },
    [fetchPage, pagesInRange, s],
  );

  useEffect(() => {
    s.gen += 1;
    if (s.settled) s.previous = { pages: s.pages, total: s.total, exact: s.exact };
    s.query = JSON.parse(queryKey) as Q;
    s.pages = new Map();
    s.inflight.clear();
    s.settled = false;
    s.range = [0, PAGE - 1];
    // Every keystroke is searched at once (no debounce: a search takes a few ms), but while one first
    // page is on its way the next query waits for it, so fast typing on a slow machine sends the latest
    // text once rather than queueing one request per key.
    if (s.firstInflight) s.firstPending = true;
    else fetchPage(0);
    bump();
  }, [queryKey, fetchPage, s]);

  const reload = useCallback(() => {
    s.gen += 1;
    s.inflight.clear();
    const keep = new Set([0, ...pagesInRange()]);
    for (const p of [...s.pages.keys()]) if (!keep.has(p)) s.pages.delete(p);
    keep.forEach(fetchPage);
  }, [fetchPage, pagesInRange, s]);

  const events = (options.reloadOn ?? []).join(' ');
  useEffect(() => {
    const onEvent = () => {
      const wait = opts.current.reloadDebounceMs ?? 0;
      if (wait === 0) return reload();
      if (s.reloadTimer) clearTimeout(s.reloadTimer);
      s.reloadTimer = setTimeout(reload, wait);
    };
    const offs = (opts.current.reloadOn ?? []).map((name) => client.subscribe(name, onEvent));
    return () => offs.forEach((off) => off());
  }, [client, events, reload, s]);

  useEffect(
    () => () => {
      if (s.rangeTimer) clearTimeout(s.rangeTimer);
      if (s.reloadTimer) clearTimeout(s.reloadTimer);
    },
    [s],
  );

  const shown: Shown<Row> = s.settled ? s : s.previous;
  return {
    rowCount: shown.total + (shown.exact ? 0 : 1),
    total: shown.total,
    totalExact: shown.exact,
    settled: s.settled,
    error: s.error,
    getRow: (i) => shown.pages.get(Math.floor(i / PAGE))?.rows[i % PAGE],
    ensureRange,
    reload,
    version,
    queryKey,
  };
}
