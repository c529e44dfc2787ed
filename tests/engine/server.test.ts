import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { startServer } from '../../src/main/server/http-server';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { waitFor } from '../helpers/wait';
import { startServeProcess } from '../helpers/serve-process';

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
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

/** Opens a sign-in address as a browser would and gives the cookie it set ('' when none). */
async function signIn(url: string, headers: Record<string, string> = {}): Promise<{ reply: Reply; cookie: string }> {
  const reply = await get(url, headers);
  const set = reply.headers['set-cookie']?.[0] ?? '';
  return { reply, cookie: set.split(';')[0] ?? '' };
}

describe('browser-mode server', () => {
  let dir: string;
  let ui: string;
  let engine: TestEngine;
  let server: Awaited<ReturnType<typeof startServer>>;
  let cookie: string;
  const token = 'test-token-0123456789';

  beforeAll(async () => {
    dir = tempDir();
    ui = path.join(dir, 'ui');
    mkdirSync(ui);
    writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Monshi</title>');
    engine = testEngine(path.join(dir, 'data'));
    server = await startServer({ engine, rendererDir: ui, token });
    cookie = (await signIn(server.signInUrl(60_000))).cookie;
  });
  afterAll(async () => {
    await server.close();
    engine.close();
    removeDir(dir);
  });

  it('listens on 127.0.0.1 and prints a one-time sign-in address, never the session secret', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?code=[\\w-]{32}$`));
    expect(server.url).not.toContain(token);
  });

  it('swaps a one-time code for an HttpOnly, SameSite=Strict cookie and sends the browser to the clean address', async () => {
    const url = server.signInUrl(60_000);
    const first = await signIn(url);
    expect(first.reply.status).toBe(303);
    expect(first.reply.headers.location).toBe('/');
    expect(first.reply.headers['set-cookie']).toEqual([`monshi-${server.port}=${token}; HttpOnly; SameSite=Strict; Path=/`]);
    const page = await get(`http://127.0.0.1:${server.port}/`, { cookie: first.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Monshi</title>');

    // The code works once: another browser gets the sign-in page, in both languages.
    const again = await signIn(url);
    expect(again.reply.status).toBe(401);
    expect(again.reply.headers['set-cookie']).toBeUndefined();
    expect(again.reply.body).toContain('This sign-in address has already been used or has expired.');
    expect(again.reply.body).toContain('این نشانی ورود پیش‌تر به کار رفته یا منقضی شده است.');
    // The browser that used it (a reload of the sign-in address) just goes on to the app.
    expect((await get(url, { cookie: first.cookie })).status).toBe(303);
  });

  it('a code expires unused', async () => {
    const url = server.signInUrl(30);
    await new Promise((r) => setTimeout(r, 80));
    const late = await signIn(url);
    expect(late.reply.status).toBe(401);
    expect(late.cookie).toBe('');
    expect((await signIn(`http://127.0.0.1:${server.port}/?code=made-up`)).reply.status).toBe(401);
  });

  it('serves the app page only when signed in, with a strict Content-Security-Policy, and nothing outside its folder', async () => {
    const out = await get(`http://127.0.0.1:${server.port}/`);
    expect(out.status).toBe(401);
    expect(out.body).toContain('data-testid="start-screen"');
    expect(out.body).toContain('press Enter in the terminal');
    expect((await get(`http://127.0.0.1:${server.port}/index.html`)).status).toBe(401);
    const page = await get(`http://127.0.0.1:${server.port}/`, { cookie });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(out.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    expect((await get(`http://127.0.0.1:${server.port}/..%2f..%2fdata%2fmonshi.sqlite`, { cookie })).status).toBe(404);
    expect((await get(`http://127.0.0.1:${server.port}/`, { host: 'evil.example:80', cookie })).status).toBe(421);
  });

  it('refuses a WebSocket without the cookie, with the secret in the address, from another origin, or with a rebinding Host', async () => {
    const base = `ws://127.0.0.1:${server.port}/ws`;
    await expect(connect(base)).rejects.toThrow(/403/);
    await expect(connect(`${base}?token=${token}`)).rejects.toThrow(/403/);
    await expect(connect(base, { cookie: `monshi-${server.port}=wrong` })).rejects.toThrow(/403/);
    await expect(connect(base, { cookie, origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(connect(base, { cookie, origin: `http://localhost:${server.port}` })).rejects.toThrow(/403/);
    await expect(connect(base, { cookie, host: 'evil.example' })).rejects.toThrow(/403/);
    (await connect(base, { cookie, origin: `http://127.0.0.1:${server.port}` })).close();
  });

  it('answers requests and pushes events to every connected UI', async () => {
    const a = await connect(`ws://127.0.0.1:${server.port}/ws`, { cookie, origin: `http://127.0.0.1:${server.port}` });
    const b = await connect(`ws://127.0.0.1:${server.port}/ws`, { cookie });
    const event = new Promise<unknown>((resolve) =>
      b.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (m.t === 'evt') resolve(m);
      }),
    );
    const reply = new Promise<unknown>((resolve) =>
      a.on('message', (d) => {
        const m = JSON.parse(String(d));
        if (m.t === 'res') resolve(m);
      }),
    );
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

it('`monshi serve --open` gives the browser a one-time code on its command line, and Enter prints a new address', async () => {
  const dir = tempDir('monshi-open-');
  // A stand-in browser that writes down its command line, as `ps` would show it.
  const argsFile = path.join(dir, 'browser-args.txt');
  const browser = path.join(dir, 'browser.sh');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\n`);
  chmodSync(browser, 0o755);
  const srv = await startServeProcess(path.join(dir, 'data'), { args: ['--open'], env: { MONSHI_BROWSER: browser } });
  try {
    const readArgs = () => {
      try {
        return readFileSync(argsFile, 'utf8');
      } catch {
        return '';
      }
    };
    const args = await waitFor(() => readArgs().includes('--disable-background-networking') && readArgs(), {
      what: 'the browser started with the app address',
      timeoutMs: 5000,
    });
    const opened = /--app=(\S+)/.exec(args)?.[1] ?? '';
    expect(opened).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]{32}$/);
    expect(opened).not.toBe(srv.url);
    const first = await signIn(opened);
    expect(first.reply.status).toBe(303);
    const secret = first.cookie.split('=')[1]!;
    expect(args).not.toContain(secret);
    // Read from the command line later, the code is spent.
    expect((await signIn(opened)).reply.status).toBe(401);
    // The printed address is its own code and still works once.
    expect((await signIn(srv.url)).reply.status).toBe(303);
    // Enter in the terminal: a new address is printed, and it works.
    const before = srv.output().length;
    srv.proc.stdin!.write('\n');
    const fresh = await waitFor(() => /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+(?=\n)/.exec(srv.output().slice(before))?.[0], {
      what: 'a new sign-in address after Enter',
      timeoutMs: 5000,
    });
    expect((await signIn(fresh)).reply.status).toBe(303);
  } finally {
    await srv.stop();
    removeDir(dir);
  }
});
