/**
 * Browser mode: the same UI over HTTP and one WebSocket, on 127.0.0.1 unless LAN access is switched on.
 * The API needs the random token the launcher put in the URL; Host and Origin are checked so that a
 * web page elsewhere (DNS rebinding, cross-site WebSocket) cannot reach the engine.
 * No request can end the process: every handler is guarded, a bad address is a 400, a bad socket
 * message closes that socket (see socket-api.ts), a large request goes through `POST /api` (http-api.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Result } from '../../shared/contract/errors';
import type { Engine } from '../engine/engine';
import { message } from '../i18n/messages';
import { createHttpApi } from './http-api';
import { refuseUpgrade, send, sendJson } from './responses';
import { createSocketApi } from './socket-api';
import { resolveStatic, serveFile } from './static-files';

export type ServerOptions = {
  engine: Engine;
  rendererDir: string;
  token: string;
  port?: number;
  /** '127.0.0.1' by default; '0.0.0.0' only when the user switched LAN access on. */
  host?: string;
  /** Where the server reports what it refused (stderr for the CLI). */
  log?: (what: string) => void;
};

function sameToken(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's path and query, or null when the target is not a URL (`//[`). */
function parseTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://x');
  } catch {
    return null;
  }
}

export async function startServer(opts: ServerOptions): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const lan = host !== '127.0.0.1' && host !== 'localhost';
  const log = opts.log ?? (() => undefined);
  let port = 0;
  const hostAllowed = (h: string | undefined) => lan || h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  /** A browser always sends Origin; it must be this server's own page (a client without one is not a browser). */
  const originAllowed = (req: http.IncomingMessage) => req.headers.origin === undefined || req.headers.origin === `http://${req.headers.host}`;
  const signedIn = (url: URL) => sameToken(url.searchParams.get('token'), opts.token);
  const sockets = createSocketApi(opts.engine, log);
  const uploads = createHttpApi(opts.engine, log);

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'misdirected request');
    const url = parseTarget(req.url);
    if (!url) return send(res, 400, 'bad request');
    if (req.method === 'POST' && url.pathname === '/api') {
      const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'fa';
      if (!originAllowed(req) || !signedIn(url)) {
        return sendJson(res, 403, { ok: false, error: { code: 'auth', message: message(lang, 'server.signed_out') } } satisfies Result<never>);
      }
      return uploads(req, res, lang);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', { allow: 'GET, HEAD' });
    const found = resolveStatic(opts.rendererDir, url.pathname);
    if ('error' in found) return send(res, found.error, found.error === 400 ? 'bad request' : 'not found');
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

  server.on('upgrade', (req: http.IncomingMessage, socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const url = parseTarget(req.url);
      if (!url) return refuseUpgrade(socket, 400, 'Bad Request');
      if (url.pathname !== '/ws' || !hostAllowed(req.headers.host) || !originAllowed(req) || !signedIn(url)) {
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
  const shownHost = lan ? host : '127.0.0.1';
  return {
    url: `http://${shownHost}:${port}/?token=${opts.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
