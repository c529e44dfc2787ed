/**
 * Browser mode: one WebSocket to the engine at `/ws`, signed in by the session cookie. Requests are
 * matched to responses by id; events go to subscribers. When the socket drops, requests already sent fail at once with a
 * clear message (the engine may or may not have done them, so they are never silently resent);
 * requests made while disconnected wait for the link to come back, up to QUEUE_TIMEOUT_MS.
 * A request larger than one socket message (one carrying a file) is sent as the body of
 * `POST /api` instead, one at a time (the server reads one such body at a time).
 */
import type { EventMap, EventName, InputOf, Method, OutputOf } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { EventMessage, ProtocolErrorMessage, RequestMessage, ResponseMessage } from '../../shared/contract/transport';
import { MAX_SOCKET_MESSAGE_BYTES, MAX_UPLOAD_BYTES } from '../../shared/contract/transport';
import type { Lang } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { messages } from '../i18n/messages';
import type { ConnectionStatus, ShellConnection } from './connection-status';

const QUEUE_TIMEOUT_MS = 30_000;
const BACKOFF_MS = [300, 600, 1200, 2500, 5000, 10_000];

type Pending = { resolve: (r: Result<unknown>) => void; lang: Lang; timer: ReturnType<typeof setTimeout> | null };

export function socketUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/ws`;
}

function failure(lang: Lang, key: 'lost' | 'timeout' | 'unavailable'): Result<never> {
  return { ok: false, error: { code: 'internal', message: messages[lang].conn[key] } };
}

/** Whether a request's JSON fits in one socket message (counted in UTF-8 bytes, as the server counts). */
function fitsSocket(json: string): boolean {
  if (json.length * 3 <= MAX_SOCKET_MESSAGE_BYTES) return true;
  if (json.length > MAX_SOCKET_MESSAGE_BYTES) return false;
  return new TextEncoder().encode(json).byteLength <= MAX_SOCKET_MESSAGE_BYTES;
}

/** The server answers `POST /api` with a Result as JSON, its own errors included (413, 503, 403). */
async function postRequest(url: string, json: string, lang: Lang): Promise<Result<unknown>> {
  if (json.length > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      error: { code: 'validation', message: messages[lang].conn.tooLarge.replace('{max}', localDigits(Math.floor(MAX_UPLOAD_BYTES / 2 ** 20), lang)) },
    };
  }
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json, credentials: 'same-origin' });
    return (await res.json()) as Result<unknown>;
  } catch {
    return failure(lang, 'lost');
  }
}

export function createWsConnection(url: string, postUrl: (lang: Lang) => string): Omit<ShellConnection, 'shell'> {
  let socket: WebSocket | null = null;
  let status: ConnectionStatus = 'connecting';
  let attempts = 0;
  let everOpened = false;
  let nextId = 1;
  const sent = new Map<number, Pending>();
  const queued = new Map<number, { msg: RequestMessage; pending: Pending }>();
  const eventListeners = new Map<EventName, Set<(payload: never) => void>>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  let uploads: Promise<unknown> = Promise.resolve();

  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    for (const l of statusListeners) l(next);
  };

  const flushQueue = () => {
    for (const [id, { msg, pending }] of queued) {
      queued.delete(id);
      if (pending.timer) clearTimeout(pending.timer);
      pending.timer = null;
      sent.set(id, pending);
      socket?.send(JSON.stringify(msg));
    }
  };

  const onMessage = (ev: MessageEvent) => {
    let msg: ResponseMessage | EventMessage | ProtocolErrorMessage;
    try {
      msg = JSON.parse(String(ev.data)) as ResponseMessage | EventMessage | ProtocolErrorMessage;
    } catch {
      return; // not ours; the engine only sends JSON
    }
    if (msg.t === 'error') {
      // The server could not read a message of ours as a request: fail that request with its reason.
      const pending = msg.id === null ? undefined : sent.get(msg.id);
      if (pending && msg.id !== null) {
        sent.delete(msg.id);
        pending.resolve({ ok: false, error: msg.error });
      } else {
        console.error(`Monshi: the server could not read a request: ${msg.error.message}`);
      }
    } else if (msg.t === 'res') {
      const pending = sent.get(msg.id);
      if (!pending) return;
      sent.delete(msg.id);
      pending.resolve(msg.result);
    } else if (msg.t === 'evt') {
      const set = eventListeners.get(msg.name);
      if (set) for (const l of set) (l as (p: unknown) => void)(msg.payload);
    }
  };

  const connect = () => {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      everOpened = true;
      setStatus('open');
      flushQueue();
    };
    ws.onmessage = onMessage;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, p] of sent) {
        sent.delete(id);
        p.resolve(failure(p.lang, 'lost'));
      }
      // Never reached at all (engine not running, or a token from an earlier run): fail what waits
      // so the start screen can say so instead of "loading" for half a minute; retries go on.
      if (!everOpened && attempts >= 2) {
        for (const [id, { pending }] of queued) {
          queued.delete(id);
          if (pending.timer) clearTimeout(pending.timer);
          pending.resolve(failure(pending.lang, 'unavailable'));
        }
      }
      setStatus('reconnecting');
      const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)] ?? 10_000;
      attempts += 1;
      setTimeout(connect, delay + Math.random() * 200);
    };
  };
  connect();

  return {
    invoke<M extends Method>(method: M, input: InputOf<M>, lang: Lang): Promise<Result<OutputOf<M>>> {
      const id = nextId++;
      const msg: RequestMessage<M> = { t: 'req', id, method, input, lang };
      const json = JSON.stringify(msg);
      if (!fitsSocket(json)) {
        const result = uploads.then(() => postRequest(postUrl(lang), json, lang));
        uploads = result;
        return result as Promise<Result<OutputOf<M>>>;
      }
      return new Promise<Result<OutputOf<M>>>((resolve) => {
        const pending: Pending = { resolve: resolve as (r: Result<unknown>) => void, lang, timer: null };
        if (socket && socket.readyState === WebSocket.OPEN) {
          sent.set(id, pending);
          socket.send(json);
          return;
        }
        pending.timer = setTimeout(() => {
          queued.delete(id);
          resolve(failure(lang, 'unavailable'));
        }, QUEUE_TIMEOUT_MS);
        queued.set(id, { msg: msg as RequestMessage, pending });
      });
    },
    subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void {
      const set = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, set);
      const l = listener as (payload: never) => void;
      set.add(l);
      return () => set.delete(l);
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
