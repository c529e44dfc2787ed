/** The UI's own files, from the renderer folder and nothing outside it. */
import { createReadStream, statSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { send, SECURITY_HEADERS } from './responses';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * The file a decoded URL path names inside `rootDir`, or null: outside it, not a file, or a path
 * that does not decode (`/%`, `/%c0%ae`) — a 404 or 400 for the caller, never an exception.
 */
export function resolveStatic(rootDir: string, pathname: string): { file: string } | { error: 400 | 404 } {
  let rel: string;
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return { error: 400 };
  }
  if (rel.includes('\0')) return { error: 400 };
  const root = path.resolve(rootDir);
  const file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return { error: 404 };
  try {
    return statSync(file).isFile() ? { file } : { error: 404 };
  } catch {
    return { error: 404 };
  }
}

export function serveFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return send(res, 404, 'not found');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  // A file removed or unreadable after the stat ends this response, not the process.
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
