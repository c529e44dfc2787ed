/**
 * Where a search keystroke's time goes (`UI_HOPS=1 BENCH=ui`): timestamps at each hop between the key
 * and the painted answer, on one clock (performance.timeOrigin + now() in the page and in this
 * process, both wall-clock based):
 *   key (page input event) → send (page WebSocket.send) → data (the server socket's 'data') →
 *   msg (ws 'message') → engine (invoke start … end) → reply (server ws.send) → recv (page 'message')
 *   → painted (the frame after the count settles, as ui.bench.ts measures).
 * Only instrumentation for the benchmark: it patches prototypes of this process's ws and net sockets.
 */
import net from 'node:net';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { Engine } from '../src/main/engine/engine';

const now = () => performance.timeOrigin + performance.now();

type Busy = { what: string; start: number; end: number };
type ServerStamp = { data: number; msg: number; start?: number; end?: number; reply?: number; method?: string; input?: string };

/** Stamps every request on the server side, by its id; call before the server starts. */
export function traceServer(e: Engine): { stamps: Map<number, ServerStamp>; busy: Busy[] } {
  const stamps = new Map<number, ServerStamp>();
  const busy: Busy[] = [];
  new PerformanceObserver((list) => {
    for (const g of list.getEntries()) {
      const kind = (g as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      const start = performance.timeOrigin + g.startTime;
      busy.push({ what: kind === 1 ? 'scavenge' : `gc(${kind})`, start, end: start + g.duration });
    }
  }).observe({ entryTypes: ['gc'] });
  let lastData = 0;
  let current: number | null = null;
  const sockEmit = net.Socket.prototype.emit;
  net.Socket.prototype.emit = function (this: net.Socket, name: string | symbol, ...args: unknown[]) {
    if (name === 'data') lastData = now();
    return (sockEmit as (n: string | symbol, ...a: unknown[]) => boolean).call(this, name, ...args);
  } as typeof sockEmit;
  const wsEmit = WebSocket.prototype.emit;
  WebSocket.prototype.emit = function (this: WebSocket, name: string | symbol, ...args: unknown[]) {
    if (name !== 'message') return (wsEmit as (n: string | symbol, ...a: unknown[]) => boolean).call(this, name, ...args);
    const id = Number(/"id":(\d+)/.exec(String(args[0]))?.[1] ?? -1);
    stamps.set(id, { data: lastData, msg: now() });
    current = id;
    try {
      return (wsEmit as (n: string | symbol, ...a: unknown[]) => boolean).call(this, name, ...args);
    } finally {
      current = null;
    }
  } as typeof wsEmit;
  const wsSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    const m = /^\{"t":"res","id":(\d+)/.exec(String(data));
    const s = m ? stamps.get(Number(m[1])) : undefined;
    if (s) s.reply = now();
    return (wsSend as (...a: unknown[]) => void).call(this, data, ...rest);
  } as typeof wsSend;
  const invoke = e.invoke;
  (e as { invoke: Engine['invoke'] }).invoke = (method, input, lang) => {
    const s = current === null ? undefined : stamps.get(current);
    if (s) [s.start, s.method, s.input] = [now(), method, JSON.stringify(input).slice(0, 120)];
    const start = now();
    return invoke(method, input, lang).then((r) => {
      if (s) s.end = now();
      busy.push({ what: `${method}${/"limit":1,/.test(JSON.stringify(input)) ? '(count)' : ''}`, start, end: now() });
      return r;
    });
  };
  return { stamps, busy };
}

/** The page's side: keys, sends and receives by request id (an init script). */
export const PAGE_TRACE = `(() => {
  const W = window.WebSocket;
  const at = () => performance.timeOrigin + performance.now();
  window.__hops = { keys: [], sent: {}, recv: {}, painted: [] };
  document.addEventListener('input', () => window.__hops.keys.push(at()), true);
  window.WebSocket = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        const m = /^\\{"t":"res","id":(\\d+)/.exec(String(e.data));
        if (m) window.__hops.recv[m[1]] = at();
      });
    }
    send(d) {
      const m = /"id":(\\d+)/.exec(String(d));
      if (m) window.__hops.sent[m[1]] = at();
      super.send(d);
    }
  };
})()`;

type PageHops = { keys: number[]; sent: Record<string, number>; recv: Record<string, number>; painted: [number, number, number][] };

/** One line per key: the request that carried it and the time of each hop, in ms after the key. */
export function reportHops(page: PageHops, { stamps, busy }: { stamps: Map<number, ServerStamp>; busy: Busy[] }): void {
  const searches = [...stamps.entries()]
    // A query's first request (the rows on screen; not the rest of its page, nor the one-row count).
    .filter(([, s]) => s.method === 'contacts/search' && /"offset":0,"limit":(?!1,)\d+/.test(s.input ?? ''))
    .sort((a, b) => a[0] - b[0]);
  const rows: Record<string, string | number>[] = [];
  for (const [i, [key, committedAt, paintedAt]] of page.painted.entries()) {
    const found = searches.find(([id]) => (page.sent[id] ?? 0) >= key);
    if (!found) continue;
    const [id, s] = found;
    const sent = page.sent[id]!;
    const recv = page.recv[id] ?? NaN;
    const f = (x: number | undefined) => (x === undefined ? NaN : Math.round((x - key) * 10) / 10);
    // What this process did between the page's send and the socket's data (the server could not read).
    const before = busy.filter((o) => o.end > sent && o.start < s.data);
    rows.push({
      key: i,
      text: /"text":"([^"]*)"/.exec(s.input ?? '')?.[1] ?? '',
      send: f(sent),
      data: f(s.data),
      msg: f(s.msg),
      start: f(s.start),
      end: f(s.end),
      reply: f(s.reply),
      recv: f(recv),
      commit: f(committedAt),
      painted: f(paintedAt),
      busyBeforeData: before.map((o) => `${o.what} ${Math.round(o.end - o.start)}ms`).join(', '),
    });
  }
  console.table(rows);
  // Each hop's share over all keys: where the p95 comes from.
  const hops = ['send', 'data', 'start', 'end', 'reply', 'recv', 'commit', 'painted'];
  const q = (xs: number[], at: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(at * xs.length) - 1)] ?? NaN;
  const summary = hops.map((h, i) => {
    const xs = rows
      .filter((r) => r.text !== '')
      .map((r) => Number(r[h]) - (i === 0 ? 0 : Number(r[hops[i - 1]!])))
      .filter((x) => !Number.isNaN(x));
    return { hop: `${i === 0 ? 'key' : hops[i - 1]} → ${h}`, p50: Math.round(q(xs, 0.5) * 10) / 10, p95: Math.round(q(xs, 0.95) * 10) / 10 };
  });
  console.table(summary);
}
