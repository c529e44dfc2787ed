/**
 * Paged loading behind a virtualised list (the phonebook, the call log); the requests, their order
 * and which answer wins are paged-loader.ts. A data change (one of the `reloadOn` events, after
 * `reloadDebounceMs` so a burst costs one round trip) fetches the first page and the pages on screen
 * again; the others are dropped, since every row may have shifted. A failed page is kept as `error`
 * for the list to show with a Retry (`reload`).
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import { useClient } from '../app/client';
import { PagedLoader, type PageAnswer } from './paged-loader';

export { PAGE, type PageAnswer } from './paged-loader';

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
  /** False from a query change until its first rows answer (the rows shown are the old ones). */
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

export function usePagedQuery<M extends Method, Q, Row>(method: M, query: Q, options: PagedOptions<M, Q, Row>): PagedQuery<Row> {
  const client = useClient();
  const queryKey = JSON.stringify(query);
  const opts = useRef(options);
  opts.current = options;
  const clientRef = useRef(client);
  clientRef.current = client;
  const [version, bump] = useReducer((x: number) => x + 1, 0);
  const loaderRef = useRef<PagedLoader<Q, Row> | null>(null);
  loaderRef.current ??= new PagedLoader<Q, Row>(
    (q, offset, limit, later) =>
      clientRef.current.call(method, opts.current.input(q, offset, limit, later)).then((r) => (r.ok ? { ok: true, value: opts.current.page(r.value) } : r)),
    bump,
    options.countLater ?? false,
  );
  const loader = loaderRef.current;

  useEffect(() => loader.setQuery(JSON.parse(queryKey) as Q), [queryKey, loader]);

  const ensureRange = useCallback((start: number, end: number) => loader.ensureRange(start, end), [loader]);
  const reload = useCallback(() => loader.reload(), [loader]);
  const getRow = useCallback((i: number) => loader.getRow(i), [loader]);

  const events = (options.reloadOn ?? []).join(' ');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onEvent = () => {
      const wait = opts.current.reloadDebounceMs ?? 0;
      if (wait === 0) return loader.reload();
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => loader.reload(), wait);
    };
    const offs = (opts.current.reloadOn ?? []).map((name) => clientRef.current.subscribe(name, onEvent));
    return () => {
      offs.forEach((off) => off());
      if (timer) clearTimeout(timer);
    };
  }, [client, events, loader]);

  useEffect(() => () => loader.dispose(), [loader]);

  return {
    rowCount: loader.rowCount,
    total: loader.shownTotal,
    totalExact: loader.shownExact,
    settled: loader.settled,
    error: loader.error,
    getRow,
    ensureRange,
    reload,
    version,
    queryKey,
  };
}
