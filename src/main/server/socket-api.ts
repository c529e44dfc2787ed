/**
 * The engine over WebSockets: requests in, results and events out. A message over the size limit,
 * invalid UTF-8, bad JSON or a broken socket ends at most that socket, never the process; bad JSON is
 * answered with an error in the user's language (the one the socket last used, else the setting).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventMessage, ProtocolErrorMessage, RequestMessage, ResponseMessage } from '../../shared/contract/transport';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../shared/contract/transport';
import type { Engine } from '../engine/engine';
import type { Caller } from '../kernel/handlers';
import { message, type Lang } from '../i18n/messages';
import { refuseUpgrade } from './responses';

/** Open sockets at once: a desk has a window or two, a popup and a few tabs; more is a misbehaving client. */
export const MAX_SOCKETS = 24;

export type SocketApi = {
  /** Takes an upgrade the caller has already authorised. */
  accept(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): void;
};

/** The engine's own answer for unknown methods and bad inputs; here only the envelope is checked. */
function readRequest(text: string): { req: RequestMessage } | { id: number | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { id: null };
  }
  if (typeof value !== 'object' || value === null) return { id: null };
  const m = value as Partial<Record<keyof RequestMessage, unknown>>;
  const id = typeof m.id === 'number' && Number.isSafeInteger(m.id) ? m.id : null;
  if (m.t !== 'req' || id === null || typeof m.method !== 'string') return { id };
  return { req: value as RequestMessage };
}

export async function settingsLang(engine: Engine): Promise<Lang> {
  // accounts/state answers whoever asks (settings/get is refused to nobody-signed-in with accounts on).
  const r = await engine.invoke('accounts/state', {}, 'fa');
  return r.ok && r.value.language === 'en' ? 'en' : 'fa';
}

export function createSocketApi(engine: Engine, log: (what: string) => void, callerOf: (req: http.IncomingMessage) => Caller): SocketApi {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES, perMessageDeflate: false });
  let open = 0;
  // The session of each socket, as its upgrade's cookies named it.
  const callers = new WeakMap<WebSocket, Caller>();

  wss.on('connection', (ws: WebSocket, upgrade: http.IncomingMessage) => {
    let lang: Lang | null = null;
    // The browser's accounts session, as the upgrade's cookies named it.
    const caller = callerOf(upgrade);
    callers.set(ws, caller);
    // ws closes the socket itself (1009 too big, 1007 bad UTF-8, 1002 bad frame) and then reports here.
    ws.on('error', (e) => log(`socket closed on a bad message: ${e.message}`));
    const reply = (msg: ResponseMessage | ProtocolErrorMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void (async () => {
        const read = isBinary ? { id: null } : readRequest(String(data));
        if (!('req' in read)) {
          const l = lang ?? (await settingsLang(engine));
          return reply({ t: 'error', id: read.id, error: { code: 'validation', message: message(l, 'server.bad_request') } });
        }
        const { req } = read;
        if (req.lang === 'fa' || req.lang === 'en') lang = req.lang;
        const result = await engine.invoke(req.method, req.input, req.lang, caller);
        reply({ t: 'res', id: req.id, result } satisfies ResponseMessage);
      })().catch((e: unknown) => log(`socket request failed: ${e instanceof Error ? e.message : String(e)}`));
    });
  });

  // Each socket hears only what its session may read (a front desk no cheques, files or backups), as it is
  // now: signing in, out, or locking changes what the next event shows without reconnecting.
  const unsubscribe = engine.subscribe((e) => {
    const textOf = (x: typeof e) => JSON.stringify({ t: 'evt', name: x.name, payload: x.payload } satisfies EventMessage);
    let whole: string | null = null;
    for (const ws of wss.clients) {
      const caller = callers.get(ws);
      if (ws.readyState !== ws.OPEN || !caller) continue;
      const seen = engine.eventFor(caller, e);
      // Unchanged (most events, most sessions): the JSON is made once for all sockets.
      if (seen === e) ws.send((whole ??= textOf(e)));
      else if (seen) ws.send(textOf(seen));
    }
  });

  return {
    accept(req, socket, head) {
      // Counted from the upgrade on (a handshake in progress holds a place too) until the socket closes.
      if (open >= MAX_SOCKETS) return refuseUpgrade(socket, 503, 'Too Many Connections');
      open += 1;
      socket.once('close', () => (open -= 1));
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
