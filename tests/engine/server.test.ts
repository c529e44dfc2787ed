import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { startServer } from '../../src/main/server/http-server';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('browser-mode server', () => {
  let dir: string;
  let ui: string;
  let engine: TestEngine;
  let server: Awaited<ReturnType<typeof startServer>>;
  const token = 'test-token-0123456789';

  beforeAll(async () => {
    dir = tempDir();
    ui = path.join(dir, 'ui');
    mkdirSync(ui);
    writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Monshi</title>');
    engine = testEngine(path.join(dir, 'data'));
    server = await startServer({ engine, rendererDir: ui, token });
  });
  afterAll(async () => {
    await server.close();
    engine.close();
    removeDir(dir);
  });

  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('serves the UI with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const page = await get(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect((await get(`http://127.0.0.1:${server.port}/..%2f..%2fdata%2fmonshi.sqlite`)).status).toBe(404);
    expect((await get(`http://127.0.0.1:${server.port}/`, { host: 'evil.example:80' })).status).toBe(421);
  });

  it('refuses a WebSocket without the token, from another origin, or with a rebinding Host', async () => {
    const base = `ws://127.0.0.1:${server.port}/ws`;
    await expect(connect(base)).rejects.toThrow(/403/);
    await expect(connect(`${base}?token=wrong`)).rejects.toThrow(/403/);
    await expect(connect(`${base}?token=${token}`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(`${base}?token=${token}`, { host: 'evil.example' })).rejects.toThrow(/403/);
  });

  it('answers requests and pushes events to every connected UI', async () => {
    const a = await connect(`ws://127.0.0.1:${server.port}/ws?token=${token}`, { origin: `http://127.0.0.1:${server.port}` });
    const b = await connect(`ws://127.0.0.1:${server.port}/ws?token=${token}`);
    const event = new Promise<unknown>((resolve) => b.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.t === 'evt') resolve(m);
    }));
    const reply = new Promise<unknown>((resolve) => a.on('message', (d) => {
      const m = JSON.parse(String(d));
      if (m.t === 'res') resolve(m);
    }));
    a.send(JSON.stringify({ t: 'req', id: 7, method: 'contacts/create', input: { firstName: 'لیلا' }, lang: 'fa' }));
    const res = (await reply) as { id: number; result: { ok: boolean; value: { id: number; displayName: string } } };
    expect(res.id).toBe(7);
    expect(res.result.ok).toBe(true);
    expect(res.result.value.displayName).toBe('لیلا');
    expect(await event).toEqual({ t: 'evt', name: 'contacts/changed', payload: { ids: [res.result.value.id] } });
    a.close();
    b.close();
  });
});
