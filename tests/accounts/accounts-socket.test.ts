/**
 * Accounts over browser mode's WebSocket (issue 18): each browser is its own session (a cookie of its
 * own, given with the app page), and the engine refuses a front-desk browser's cheques/create with a
 * message naming what is missing, while a clerk's browser may. Pushed events are filtered the same
 * way: a front-desk browser does not hear of cheques a clerk's browser hears of.
 */
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { startServer } from '../../src/main/server/http-server';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { waitFor } from '../helpers/wait';

function get(url: string, headers: Record<string, string> = {}): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      })
      .on('error', reject);
  });
}

const firstCookie = (res: http.IncomingMessage) => (res.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';

/** A browser: signs in with a one-time code, opens the app page (its own id) and the socket. */
async function browser(server: Awaited<ReturnType<typeof startServer>>) {
  const secret = firstCookie(await get(server.signInUrl(60_000)));
  const page = await get(`http://127.0.0.1:${server.port}/`, { cookie: secret });
  expect(page.statusCode).toBe(200);
  const own = firstCookie(page);
  // Named after the data folder, not the port: the same after a restart on another port (the session is kept).
  expect(own).toMatch(/^monshi-f[0-9a-f]{12}-browser=[\w-]{32}$/);
  const cookie = `${secret}; ${own}`;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { origin: `http://127.0.0.1:${server.port}`, headers: { cookie } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // The page again with its id: no new id is given.
  expect((await get(`http://127.0.0.1:${server.port}/`, { cookie })).headers['set-cookie']).toBeUndefined();
  let next = 1;
  const call = (method: string, input: unknown, lang: 'fa' | 'en' = 'en') =>
    new Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>((resolve) => {
      const id = next++;
      const onMessage = (d: WebSocket.RawData) => {
        const msg = JSON.parse(String(d)) as { t: string; id: number; result: never };
        if (msg.t !== 'res' || msg.id !== id) return;
        ws.off('message', onMessage);
        resolve(msg.result);
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ t: 'req', id, method, input, lang }));
    });
  // Every event this socket was sent, in order.
  const events: { name: string; payload: unknown }[] = [];
  ws.on('message', (d) => {
    const msg = JSON.parse(String(d)) as { t: string; name: string; payload: unknown };
    if (msg.t === 'evt') events.push({ name: msg.name, payload: msg.payload });
  });
  const names = () => events.map((e) => e.name);
  return { ws, call, events, names };
}

describe('accounts over the WebSocket', () => {
  let dir: string;
  let engine: TestEngine;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    dir = tempDir();
    const ui = path.join(dir, 'ui');
    mkdirSync(ui);
    writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Monshi</title>');
    engine = testEngine(path.join(dir, 'data'), undefined, { noAlarms: true, noLines: true });
    server = await startServer({ engine, rendererDir: ui, token: 'test-token-0123456789' });
  });
  afterAll(async () => {
    await server.close();
    await engine.close();
    removeDir(dir);
  });

  it('a front-desk browser is refused cheques/create with a clear message; a clerk in another browser may', async () => {
    const office = await browser(server);
    expect(await office.call('accounts/enable', { name: 'Mina', password: 'manager-pass-1', pin: null })).toMatchObject({ ok: true });
    expect(await office.call('users/create', { name: 'Sara', password: 'sara-pass-1', role: 'front-desk' })).toMatchObject({ ok: true });
    expect(await office.call('users/create', { name: 'Omid', password: 'omid-pass-1', role: 'clerk' })).toMatchObject({ ok: true });

    const desk = await browser(server);
    // Another browser is another session: nobody is signed in there yet.
    expect((await desk.call('contacts/search', {})).error?.code).toBe('auth');
    expect(await desk.call('accounts/sign-in', { name: 'Sara', password: 'sara-pass-1' })).toMatchObject({ ok: true, value: { user: { name: 'Sara' } } });
    const cheque = { direction: 'received', bankCode: 'mellat', amount: 1_000_000, partyName: 'Maryam', dueDate: '2025-04-10' };
    expect(await desk.call('cheques/create', cheque)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Sara (front desk) may not do this: it needs the clerk role (cheques.write).' },
    });
    expect(await desk.call('cheques/create', cheque, 'fa')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: '«Sara» با نقش «پذیرش» اجازهٔ این کار را ندارد؛ این کار نقش «کارمند دفتر» می‌خواهد (cheques.write).' },
    });
    expect(engine.db.prepare('SELECT count(*) FROM cheques').pluck().get()).toBe(0);

    const clerk = await browser(server);
    await clerk.call('accounts/sign-in', { name: 'Omid', password: 'omid-pass-1' });
    expect(await clerk.call('cheques/create', cheque)).toMatchObject({ ok: true });
    // The manager's browser is still the manager's.
    expect(await office.call('accounts/state', {})).toMatchObject({ ok: true, value: { user: { name: 'Mina', role: 'manager' } } });
    for (const b of [office, desk, clerk]) b.ws.close();
  });

  it('a front-desk browser does not receive the cheque events a clerk receives; a locked one receives nothing', async () => {
    const office = await browser(server);
    expect(await office.call('accounts/sign-in', { name: 'Mina', password: 'manager-pass-1' })).toMatchObject({ ok: true });
    const desk = await browser(server);
    expect(await desk.call('accounts/sign-in', { name: 'Sara', password: 'sara-pass-1' })).toMatchObject({ ok: true });
    const clerk = await browser(server);
    expect(await clerk.call('accounts/sign-in', { name: 'Omid', password: 'omid-pass-1' })).toMatchObject({ ok: true });

    const cheque = { direction: 'received', bankCode: 'mellat', amount: 2_000_000, partyName: 'Reza', dueDate: '2025-05-10' };
    const made = await clerk.call('cheques/create', cheque);
    expect(made).toMatchObject({ ok: true });
    // Then an event all three may hear: once it has come, whatever came before it has too (one socket, in order).
    expect(await clerk.call('contacts/create', { firstName: 'Reza', phones: [] })).toMatchObject({ ok: true });
    for (const b of [office, desk, clerk]) await waitFor(() => b.names().includes('contacts/changed'), { what: 'contacts/changed' });
    expect(clerk.names()).toContain('cheques/changed');
    expect(office.names()).toContain('cheques/changed');
    expect(desk.names()).not.toContain('cheques/changed');
    expect(desk.names().filter((n) => n.startsWith('cheque'))).toEqual([]);

    // Locked, the desk hears nothing, not even of contacts, until it signs in again.
    expect(await desk.call('accounts/lock', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await clerk.call('contacts/create', { firstName: 'Nima', phones: [] })).toMatchObject({ ok: true });
    await waitFor(() => office.names().filter((n) => n === 'contacts/changed').length === 2, { what: 'the second contacts/changed' });
    expect(await desk.call('accounts/sign-in', { name: 'Sara', password: 'sara-pass-1' })).toMatchObject({ ok: true });
    expect(await office.call('contacts/create', { firstName: 'Taha', phones: [] })).toMatchObject({ ok: true });
    const contactEvents = () => desk.names().filter((n) => n === 'contacts/changed').length;
    await waitFor(() => contactEvents() === 2, { what: 'the desk hearing of the third contact' });
    // The second contact (while locked) never came: two, not three.
    expect(contactEvents()).toBe(2);
    for (const b of [office, desk, clerk]) b.ws.close();
  });
});
