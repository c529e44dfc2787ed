/**
 * No request can stop `monshi serve`: the real CLI as a child process, a bad request sent over a raw
 * socket, then a good request that must still be answered (and the process must not have exited).
 */
import net from 'node:net';
import WebSocket from 'ws';
import { removeDir } from '../helpers/engine';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

let srv: ServeProcess;
/** The session cookie, got by opening the printed one-time address. */
let cookie = '';
beforeAll(async () => {
  srv = await startServeProcess();
  const r = await raw(`GET ${new URL(srv.url).pathname}${new URL(srv.url).search} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`);
  cookie = /set-cookie: ([^;]+);/i.exec(r)?.[1] ?? '';
  expect(cookie).toMatch(/^monshi-\d+=/);
});
afterAll(async () => {
  await srv?.stop();
  if (srv) removeDir(srv.dataDir);
});

/** Sends raw bytes and resolves with everything the server wrote until it closed or went quiet. */
function raw(text: string | Buffer, quietMs = 400): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(srv.port, '127.0.0.1');
    let got = '';
    let timer = setTimeout(() => socket.destroy(), 5000);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), quietMs);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.on('error', reject);
    socket.write(text);
  });
}

const get = (target: string, extra = '') => raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n${extra}\r\n`);
const status = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

/** The process is alive and answers: a plain GET gets an HTTP status. */
async function stillServing(): Promise<void> {
  const r = await get('/');
  if (status(r) === 0) throw new Error(`the server did not answer after the bad request; it said:\n${srv.output()}`);
  const code = await Promise.race([srv.exited, new Promise((r) => setTimeout(() => r('running'), 50))]);
  expect(code).toBe('running');
}

/** A signed-in WebSocket (same origin) to the engine. */
function signedInSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/ws`, { origin: `http://127.0.0.1:${srv.port}`, headers: { cookie } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    ws.once('message', (d) => resolve(JSON.parse(String(d)) as Record<string, unknown>));
    ws.once('close', (code) => reject(new Error(`socket closed (${code}) without a reply`)));
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('a bad address never ends the process and gets a 400 with the security headers', () => {
  it.each(['/%', '//[', '/%c0%ae', '/%E0%A4%A', '/ws%'])('GET %s', async (target) => {
    const r = await get(target);
    expect(status(r)).toBe(400);
    expect(r).toMatch(/content-security-policy: default-src 'none'/i);
    expect(r).toMatch(/x-content-type-options: nosniff/i);
    await stillServing();
  });

  it.each(['/%', '//[', '/ws?%'])('WebSocket upgrade to %s', async (target) => {
    const r = await raw(
      `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ` +
        `dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(status(r)).toBeGreaterThanOrEqual(400);
    await stillServing();
  });

  it('a refused method and a missing file carry the same headers as a page', async () => {
    const post = await raw(`DELETE / HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`);
    expect(status(post)).toBe(405);
    expect(post).toMatch(/content-security-policy: default-src 'none'/i);
    const missing = await get('/no-such-file.js');
    expect(status(missing)).toBe(404);
    expect(missing).toMatch(/x-content-type-options: nosniff/i);
    const rebound = await raw(`GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`);
    expect(status(rebound)).toBe(421);
    expect(rebound).toMatch(/referrer-policy: no-referrer/i);
  });
});

describe('a bad WebSocket message closes that socket only', () => {
  it('a text frame with invalid UTF-8', async () => {
    const ws = await signedInSocket();
    const done = closed(ws);
    ws.on('error', () => undefined);
    ws.send(Buffer.from([0x7b, 0xc0, 0xae, 0x7d]), { binary: false });
    expect(await done).toBe(1007);
    await stillServing();
  });

  it('a frame that announces 400 MB', async () => {
    const ws = await signedInSocket();
    const done = closed(ws);
    ws.on('error', () => undefined);
    // The header alone: the server must refuse from the announced length, before any of the data.
    const header = Buffer.alloc(14);
    header[0] = 0x81; // FIN, text
    header[1] = 0x80 | 127; // masked, 64-bit length
    header.writeBigUInt64BE(400n * 1024n * 1024n, 2);
    (ws as unknown as { _socket: net.Socket })._socket.write(header);
    expect(await done).toBe(1009);
    await stillServing();
  });

  it('a message over the socket limit (2 MB) is refused with 1009 and the process stays small', async () => {
    const ws = await signedInSocket();
    const done = closed(ws);
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ t: 'req', id: 1, method: 'contacts/search', input: { text: 'x'.repeat(2 * 1024 * 1024) }, lang: 'en' }));
    expect(await done).toBe(1009);
    await stillServing();
  });

  it('more connections than a desk needs are refused, and the first ones keep working', async () => {
    const sockets: WebSocket[] = [];
    let refused = 0;
    for (let i = 0; i < 40; i++) {
      try {
        sockets.push(await signedInSocket());
      } catch {
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(sockets.length).toBeGreaterThanOrEqual(16);
    const first = sockets[0]!;
    const reply = nextMessage(first);
    first.send(JSON.stringify({ t: 'req', id: 5, method: 'settings/get', input: {}, lang: 'en' }));
    expect(await reply).toMatchObject({ t: 'res', id: 5, result: { ok: true } });
    for (const s of sockets) s.close();
    await Promise.all(sockets.map((s) => (s.readyState === WebSocket.CLOSED ? null : closed(s))));
    await stillServing();
  });
});

describe('a malformed request gets a clear error in the user language', () => {
  it('not JSON: Persian first, then the language the page last used', async () => {
    const ws = await signedInSocket();
    let reply = nextMessage(ws);
    ws.send('{"t":"req","id":3,');
    expect(await reply).toMatchObject({ t: 'error', id: null, error: { code: 'validation', message: expect.stringMatching(/درخواست/) } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 4, method: 'settings/get', input: {}, lang: 'en' }));
    expect(await reply).toMatchObject({ t: 'res', id: 4, result: { ok: true } });
    reply = nextMessage(ws);
    ws.send('[1,2');
    expect(await reply).toMatchObject({ t: 'error', id: null, error: { code: 'validation', message: expect.stringMatching(/request/i) } });
    ws.close();
  });

  it('JSON that is not a request: the reply names its id when it has one', async () => {
    const ws = await signedInSocket();
    let reply = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 9, lang: 'en' }));
    expect(await reply).toMatchObject({ t: 'error', id: 9, error: { code: 'validation' } });
    reply = nextMessage(ws);
    ws.send('null');
    expect(await reply).toMatchObject({ t: 'error', id: null });
    ws.close();
    await stillServing();
  });
});

describe('a request with a file goes as one POST /api body, within limits', () => {
  const vcard = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nTEL:+98912${String(i).padStart(7, '0')}\r\nNOTE:${'x'.repeat(60)}\r\nEND:VCARD\r\n`,
    ).join('');
  const importBody = (text: string) =>
    JSON.stringify({ t: 'req', id: 1, method: 'io/import-preview', input: { fileName: 'a.vcf', base64: Buffer.from(text).toString('base64') }, lang: 'en' });

  /** Starts a POST and gives the socket, to write the body in parts; resolves the reply when it comes. */
  function post(headers: Record<string, string | number>) {
    const socket = net.connect(srv.port, '127.0.0.1');
    let got = '';
    const reply = new Promise<{ status: number; body: string }>((resolve) => {
      socket.on('data', (d) => (got += d.toString('utf8')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve({ status: status(got), body: got.slice(got.indexOf('\r\n\r\n') + 4) }));
    });
    const head = Object.entries({
      host: `127.0.0.1:${srv.port}`,
      origin: `http://127.0.0.1:${srv.port}`,
      cookie,
      'content-type': 'application/json',
      connection: 'close',
      ...headers,
    })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST /api?lang=en HTTP/1.1\r\n${head}\r\n`);
    return { socket, reply };
  }

  it('a 2 MB import is previewed', async () => {
    const body = importBody(vcard(14_000));
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const { socket, reply } = post({ 'content-length': Buffer.byteLength(body) });
    socket.end(body);
    const r = await reply;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { total: 14_000 } });
  });

  it('a body announced over the limit is refused before it is read, in the language asked', async () => {
    const { socket, reply } = post({ 'content-length': 300 * 1024 * 1024 });
    socket.write('{"t":"req"');
    const r = await reply;
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/larger than 201 MB/) } });
    await stillServing();
  });

  it('one body at a time: a second upload meanwhile is told to wait, the first completes', async () => {
    const body = importBody(vcard(3));
    const first = post({ 'content-length': Buffer.byteLength(body) });
    first.socket.write(body.slice(0, 20));
    await new Promise((r) => setTimeout(r, 200));
    const second = post({ 'content-length': Buffer.byteLength(body) });
    second.socket.write(body);
    const r2 = await second.reply;
    expect(r2.status).toBe(503);
    expect(JSON.parse(r2.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Another file/) } });
    first.socket.end(body.slice(20));
    expect(JSON.parse((await first.reply).body)).toMatchObject({ ok: true, value: { total: 3 } });
  });

  it('bad JSON, a cut-off body, another origin, or no sign-in: a clear refusal, and the server goes on', async () => {
    let p = post({ 'content-length': 5 });
    p.socket.end('{"t":');
    let r = await p.reply;
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/could not be read/) } });
    // Without a length the body is not read at all (the server sizes its one buffer from it).
    p = post({ 'transfer-encoding': 'chunked' });
    p.socket.end('5\r\n{"t":\r\n0\r\n\r\n');
    expect((await p.reply).status).toBe(411);
    p = post({ 'content-length': 1000 });
    p.socket.end('{"t":');
    await p.reply;
    // The cut-off body released its place: the next upload is read.
    const body = importBody(vcard(1));
    p = post({ 'content-length': Buffer.byteLength(body) });
    p.socket.end(body);
    expect(JSON.parse((await p.reply).body)).toMatchObject({ ok: true });
    p = post({ 'content-length': 2, origin: 'http://evil.example' });
    p.socket.end('{}');
    r = await p.reply;
    expect(r.status).toBe(403);
    p = post({ 'content-length': 2, cookie: `${cookie.split('=')[0]}=wrong` });
    p.socket.end('{}');
    r = await p.reply;
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'auth' } });
    await stillServing();
  });
});
