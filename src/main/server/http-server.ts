/**
 * Browser mode: the same UI over HTTP and one WebSocket, on 127.0.0.1 unless LAN access is switched on.
 * The API needs the random token the launcher put in the URL; Host and Origin are checked so that a
 * web page elsewhere (DNS rebinding, cross-site WebSocket) cannot reach the engine.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RequestMessage, ResponseMessage, EventMessage } from '../../shared/contract/transport';
import type { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from './csp';

export type ServerOptions = {
  engine: Engine;
  rendererDir: string;
  token: string;
  port?: number;
  /** '127.0.0.1' by default; '0.0.0.0' only when the user switched LAN access on. */
  host?: string;
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.map': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};


function sameToken(a: string | null, b: string): boolean {
  if (a === null) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startServer(opts: ServerOptions): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const lan = host !== '127.0.0.1' && host !== 'localhost';
  let port = 0;
  const hostAllowed = (h: string | undefined) => lan || h === `127.0.0.1:${port}` || h === `localhost:${port}`;

  const server = http.createServer((req, res) => {
    if (!hostAllowed(req.headers.host)) return void res.writeHead(421).end();
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    const url = new URL(req.url ?? '/', 'http://x');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(opts.rendererDir, rel);
    if (!file.startsWith(path.resolve(opts.rendererDir) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 300 * 1024 * 1024,
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    const originOk = origin === undefined || lan || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/ws' || !hostAllowed(req.headers.host) || !originOk || !sameToken(url.searchParams.get('token'), opts.token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', async (data) => {
      let msg: RequestMessage;
      try {
        msg = JSON.parse(String(data)) as RequestMessage;
      } catch {
        return;
      }
      if (msg?.t !== 'req' || typeof msg.id !== 'number') return;
      const result = await opts.engine.invoke(msg.method, msg.input, msg.lang);
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ t: 'res', id: msg.id, result } satisfies ResponseMessage));
    });
  });
  const unsubscribe = opts.engine.subscribe((e) => {
    const text = JSON.stringify({ t: 'evt', name: e.name, payload: e.payload } as EventMessage);
    for (const ws of wss.clients) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = lan ? host : '127.0.0.1';
  return {
    url: `http://${shownHost}:${port}/?token=${opts.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
