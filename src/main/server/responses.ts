/**
 * Every HTTP answer of browser mode goes through here, so an error (400, 404, 413, a refused
 * upgrade) carries the same security headers as the UI's own page.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from './csp';

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

export function send(res: http.ServerResponse, status: number, body = '', headers: http.OutgoingHttpHeaders = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8' });
}

/** Refuses a WebSocket upgrade on the raw socket (there is no ServerResponse for an upgrade). */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const headers = Object.entries(SECURITY_HEADERS)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n${headers}\r\n`, () => socket.destroy());
}
