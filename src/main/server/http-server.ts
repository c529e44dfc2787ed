/**
 * Browser mode: the same UI over HTTP and one WebSocket, on 127.0.0.1 unless LAN access is switched on.
 * The app page and the API need the session cookie, which a browser gets by opening a one-time
 * sign-in address (`/?code=…`, see session.ts); Host and Origin are checked so that a web page
 * elsewhere (DNS rebinding, cross-site WebSocket or POST) cannot reach the engine.
 * No request can end the process: every handler is guarded, a bad address is a 400, a bad socket
 * message closes that socket (see socket-api.ts), a large request goes through `POST /api` (http-api.ts).
 */
import http from 'node:http';
import { hostname } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/contract/errors';
import type { Engine } from '../engine/engine';
import type { Caller } from '../kernel/handlers';
import { message } from '../i18n/messages';
import { createHttpApi } from './http-api';
import { refuseUpgrade, send, sendJson } from './responses';
import { createSession, folderScope, PRINTED_CODE_TTL_MS, type Session } from './session';
import { signInPage } from './sign-in-page';
import { createSocketApi } from './socket-api';
import { resolveStatic, serveFile } from './static-files';

export type ServerOptions = {
  engine: Engine;
  rendererDir: string;
  /** The session secret, the value of the sign-in cookie; never put in a URL. */
  token: string;
  port?: number;
  /** '127.0.0.1' by default; '0.0.0.0' only when the user switched LAN access on. */
  host?: string;
  /** Where the server reports what it refused (stderr for the CLI). */
  log?: (what: string) => void;
};

export type RunningServer = {
  /** The first sign-in address, to print: one-time, valid for PRINTED_CODE_TTL_MS. */
  url: string;
  port: number;
  /** A fresh one-time sign-in address (for the terminal, or OPEN_CODE_TTL_MS for the launched browser). */
  signInUrl(ttlMs: number): string;
  close: () => Promise<void>;
};

/** The request's path and query, or null when the target is not a URL (`//[`). */
function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://x');
  } catch {
    return null;
  }
}

/** `GET /?code=…`: a good code becomes the cookie, then the clean address (the fragment is kept by the browser). */
function signIn(req: http.IncomingMessage, res: http.ServerResponse, session: Session, code: string): void {
  if (session.redeem(code)) return send(res, 303, '', { location: '/', 'set-cookie': session.setCookie() });
  // A spent code in a browser that is already in (a reload of the sign-in address) is no error.
  if (session.signedIn(req)) return send(res, 303, '', { location: '/' });
  send(res, 401, signInPage(true), { 'content-type': 'text/html; charset=utf-8' });
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const lan = host !== '127.0.0.1' && host !== 'localhost';
  const log = opts.log ?? (() => undefined);
  let port = 0;
  const hostAllowed = (h: string | undefined) => lan || h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  /** A browser always sends Origin; it must be this server's own page (a client without one is not a browser). */
  const originAllowed = (req: http.IncomingMessage) => req.headers.origin === undefined || req.headers.origin === `http://${req.headers.host}`;
  let session: Session | null = null;
  const signedIn = (req: http.IncomingMessage) => session?.signedIn(req) === true;
  /** The accounts session of a request: its browser (per-browser cookie) and the PC it came from. */
  const callerOf = (req: http.IncomingMessage): Caller => {
    const address = req.socket.remoteAddress ?? '';
    const local = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
    return { session: `browser:${session?.browserOf(req) ?? 'none'}`, pc: local ? hostname() : address };
  };
  const sockets = createSocketApi(opts.engine, log, callerOf);
  const uploads = createHttpApi(opts.engine, log, callerOf);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'misdirected request');
    const url = parseTarget(req.url);
    if (!url) return send(res, 400, 'bad request');
    if (req.method === 'POST' && url.pathname === '/api') {
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'fa';
      if (!originAllowed(req) || !signedIn(req)) {
        return sendJson(res, 403, { ok: false, error: { code: 'auth', message: message(lang, 'server.signed_out') } } satisfies Result<never>);
      }
      return uploads(req, res, lang);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const code = url.searchParams.get('code');
    if (url.pathname === '/' && code !== null && req.method === 'GET' && session) return signIn(req, res, session, code);
    const found = resolveStatic(opts.rendererDir, url.pathname);
    if ('error' in found) return send(res, found.error, found.error === 400 ? 'bad request' : 'not found');
    // The app page only to a signed-in browser; its scripts, styles and fonts hold nothing private.
    if (found.file === path.join(path.resolve(opts.rendererDir), 'index.html') && !signedIn(req)) {
      return send(res, 401, signInPage(false), { 'content-type': 'text/html; charset=utf-8' });
    }
    // The app page gives a browser its own id the first time (its accounts session; see session.ts).
    if (session && found.file.endsWith('index.html') && !session.browserOf(req)) res.setHeader('set-cookie', session.browserCookie());
    serveFile(req, res, found.file);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (e) {
      log(`request failed: ${e instanceof Error ? e.message : String(e)}`);
      send(res, 500, 'internal error');
    }
  });
  // A client that ends its side after sending a request (curl, a script) still gets the answer: by
  // default Node closes the socket then, and an answer that takes a moment (an import read in a
  // worker thread) would be lost. Node's http server reads this property (not in its typings).
  Object.assign(server, { httpAllowHalfOpen: true });

  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = parseTarget(req.url);
      if (!url) return refuseUpgrade(socket, 400, 'Bad Request');
      if (url.pathname !== '/ws' || !hostAllowed(req.headers.host) || !originAllowed(req) || !signedIn(req)) {
        return refuseUpgrade(socket, 403, 'Forbidden');
      }
      sockets.accept(req, socket, head);
    } catch (e) {
      log(`upgrade failed: ${e instanceof Error ? e.message : String(e)}`);
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  // A listening server's later errors (a client's reset connection) are reported, never thrown.
  server.on('error', (e) => log(`server error: ${e.message}`));
  port = (server.address() as AddressInfo).port;
  const live = createSession(opts.token, port, Date.now, folderScope(opts.engine.dataDir));
  session = live;
  const shownHost = lan ? host : '127.0.0.1';
  const signInUrl = (ttlMs: number) => `http://${shownHost}:${port}/?code=${live.issueCode(ttlMs)}`;
  return {
    url: signInUrl(PRINTED_CODE_TTL_MS),
    port,
    signInUrl,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
