/**
 * One way for a screen to load something from the engine: the request is sent when the component
 * mounts and again whenever its input changes or one of the `reloadOn` engine events arrives. Only the
 * answer to the latest request is kept (a slow answer for an older input never overwrites a newer
 * one), and a failure is kept as `error` — in the user's language, as the engine words it — for the
 * screen to show (see ui/load-error.tsx) instead of dropping it. The last good data stays while a
 * reload is on its way or after it failed, so a list does not flash empty.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import { useClient } from '../app/client';

export type QueryOptions = {
  /** Engine events after which the data may have changed. */
  reloadOn?: readonly EventName[];
  /** Nothing is sent while true (e.g. no record chosen yet); data and error stay as they are. */
  skip?: boolean;
};

export type Query<T> = {
  /** The latest good answer; null until the first one. */
  data: T | null;
  /** The latest request's failure message; null once a request succeeds. */
  error: string | null;
  /** A request is on its way. */
  loading: boolean;
  /** Sends the request again (the Retry of an error row). */
  reload: () => void;
  /** Changes the data in place, for screens that apply an event's payload without asking again. */
  setData: (update: (data: T | null) => T | null) => void;
};

type State<T> = { data: T | null; error: string | null; loading: boolean };

export function useQuery<M extends Method>(method: M, input: InputOf<M>, options: QueryOptions = {}): Query<OutputOf<M>> {
  const client = useClient();
  const skip = options.skip ?? false;
  const [state, setState] = useState<State<OutputOf<M>>>({ data: null, error: null, loading: !skip });
  // Inputs are compared by value, so a screen may build its input object on every render.
  const key = JSON.stringify(input ?? null);
  const latest = useRef({ input, seq: 0 });
  latest.current.input = input;

  const load = useCallback(() => {
    const seq = ++latest.current.seq;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    void client.call(method, latest.current.input).then((r) => {
      if (latest.current.seq !== seq) return;
      setState((s) => (r.ok ? { data: r.value, error: null, loading: false } : { data: s.data, error: r.error.message, loading: false }));
    });
    // `key` stands for the input: a new input is a new request.
  }, [client, method, key]);

  useEffect(() => {
    if (skip) return;
    load();
    // An answer that comes after the input changed or the screen closed is ignored.
    return () => void (latest.current.seq += 1);
  }, [load, skip]);

  const reloadOn = useRef({ names: options.reloadOn ?? [], load });
  reloadOn.current = { names: options.reloadOn ?? [], load };
  const events = reloadOn.current.names.join(' ');
  useEffect(() => {
    if (skip) return;
    const offs = reloadOn.current.names.map((name) => client.subscribe(name, () => reloadOn.current.load()));
    return () => offs.forEach((off) => off());
  }, [client, events, skip]);

  const setData = useCallback((update: (data: OutputOf<M> | null) => OutputOf<M> | null) => setState((s) => ({ ...s, data: update(s.data) })), []);
  return { ...state, reload: load, setData };
}
