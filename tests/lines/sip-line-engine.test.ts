/**
 * A SIP line configured through the API, against a real Kamailio (digest auth on, free ports): it is
 * stored (the password sealed: the SQLite file's bytes never hold it, the view never returns it), it
 * registers and shows 'idle'; a wrong password shows 'down' with the reason; a server that is not
 * there says so; a bad field gets an error naming it in Persian and English; a password the key can
 * no longer open leaves the line down with that reason and the engine running.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LineView } from '../../src/shared/contract/calls';
import { KEY_FILE } from '../../src/main/kernel/secret-box';
import { freePort, startKamailio, type Kamailio } from '../helpers/sip-kamailio';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { waitFor } from '../helpers/wait';

let kam: Kamailio;
let dir = '';
let engine: TestEngine | null = null;

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
});
afterAll(async () => {
  await kam.stop();
});
beforeEach(() => {
  dir = tempDir();
  engine = testEngine(dir);
});
afterEach(async () => {
  await engine?.close();
  engine = null;
  removeDir(dir);
});

const sipLine = (over: Record<string, unknown> = {}) => ({
  name: 'PBX',
  kind: 'sip',
  sipServer: `127.0.0.1:${kam.sipPort}`,
  sipUser: '3001',
  sipPassword: 'secret3001',
  sipChannels: 2,
  ...over,
});

const lineNow = async (e: TestEngine, id: number): Promise<LineView> => (await e.ok('lines/list', {})).find((l) => l.id === id)!;

/** Every byte of the data folder's SQLite files (the database, its WAL). */
const databaseBytes = (): Buffer =>
  Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.includes('.sqlite') || f.endsWith('.db') || f.includes('-wal'))
      .map((f) => readFileSync(path.join(dir, f))),
  );

test('a SIP line created through the API registers; its password is sealed in the file and never returned', async () => {
  const e = engine!;
  const created = await e.ok('lines/create', sipLine({ sipDisplayName: 'دفتر', sipCodecs: ['PCMA', 'PCMU'] }));
  expect(created).toMatchObject({ kind: 'sip', sipServer: `127.0.0.1:${kam.sipPort}`, sipUser: '3001', sipPasswordSet: true, sipCodecs: ['PCMA', 'PCMU'] });
  expect(JSON.stringify(created)).not.toContain('secret3001');
  await waitFor(async () => (await lineNow(e, created.id)).status === 'idle', { timeoutMs: 10_000 });
  const view = await lineNow(e, created.id);
  expect(view).toMatchObject({ status: 'idle', sipProblem: null, detail: null });
  expect(JSON.stringify(await e.ok('lines/list', {}))).not.toContain('secret3001');
  expect(new RegExp(`REQ REGISTER .* fU=3001`).test(kam.log())).toBe(true);
  // The password is nowhere in the database's bytes (file and WAL), in UTF-8 or UTF-16.
  const bytes = databaseBytes();
  expect(bytes.length).toBeGreaterThan(0);
  expect(bytes.includes(Buffer.from('secret3001'))).toBe(false);
  expect(bytes.includes(Buffer.from('secret3001', 'utf16le'))).toBe(false);
  const sealed = e.db.prepare('SELECT sip_password_sealed FROM lines WHERE id = ?').pluck().get(created.id) as string;
  expect(sealed).toMatch(/^v1:/);

  // Saving the name alone keeps the password (the form leaves it out unless typed); Answering saving the
  // line's rings and recording keeps every SIP setting.
  await e.ok('lines/update', { id: created.id, data: { name: 'PBX 2' } });
  expect(e.db.prepare('SELECT sip_password_sealed FROM lines WHERE id = ?').pluck().get(created.id)).toBe(sealed);
  await e.ok('lines/update', { id: created.id, data: { ringsBeforeAnswer: 3, recordCalls: true } });
  expect(await lineNow(e, created.id)).toMatchObject({
    ringsBeforeAnswer: 3,
    recordCalls: true,
    sipServer: `127.0.0.1:${kam.sipPort}`,
    sipUser: '3001',
    sipDisplayName: 'دفتر',
    sipCodecs: ['PCMA', 'PCMU'],
    sipChannels: 2,
    sipPasswordSet: true,
  });
  expect(e.db.prepare('SELECT sip_password_sealed FROM lines WHERE id = ?').pluck().get(created.id)).toBe(sealed);
  expect((await lineNow(e, created.id)).status).toBe('idle');
});

test('a wrong password: the line is down and says the password is wrong; typing the right one registers it', async () => {
  const e = engine!;
  const { id } = await e.ok('lines/create', sipLine({ sipPassword: 'wrong' }));
  await waitFor(async () => (await lineNow(e, id)).status === 'disconnected', { timeoutMs: 10_000 });
  const down = await lineNow(e, id);
  expect(down.sipProblem).toBe('password');
  expect(down.detail).toMatch(/Wrong user name or password/);
  await e.ok('lines/update', { id, data: { sipPassword: 'secret3001' } });
  await waitFor(async () => (await lineNow(e, id)).status === 'idle', { timeoutMs: 10_000 });
});

test('a server that is not there: down, and the reason is the server', async () => {
  const e = engine!;
  const { id } = await e.ok('lines/create', sipLine({ sipServer: `127.0.0.1:${await freePort()}`, sipTransport: 'tcp' }));
  await waitFor(async () => (await lineNow(e, id)).status === 'disconnected', { timeoutMs: 15_000 });
  expect((await lineNow(e, id)).sipProblem).toBe('server');
});

test('a missing field or a bad value is refused naming the field, in Persian and English; nothing is saved', async () => {
  const e = engine!;
  expect(await e.fail('lines/create', sipLine({ sipServer: '' }), 'fa')).toMatchObject({ field: 'sipServer', message: expect.stringContaining('سرور SIP') });
  expect(await e.fail('lines/create', sipLine({ sipServer: '' }), 'en')).toMatchObject({ field: 'sipServer', message: expect.stringContaining('SIP server') });
  expect(await e.fail('lines/create', sipLine({ sipServer: 'http://pbx' }), 'en')).toMatchObject({
    field: 'sipServer',
    message: expect.stringContaining('SIP server'),
  });
  expect(await e.fail('lines/create', sipLine({ sipUser: '' }), 'fa')).toMatchObject({ field: 'sipUser', message: expect.stringContaining('نام کاربری') });
  expect(await e.fail('lines/create', sipLine({ sipChannels: 0 }), 'en')).toMatchObject({
    field: 'sipChannels',
    message: expect.stringContaining('simultaneous calls'),
  });
  expect(await e.fail('lines/create', sipLine({ rtpPortMin: 20000, rtpPortMax: 20004 }), 'en')).toMatchObject({ field: 'rtpPortMax' });
  expect(await e.fail('lines/create', sipLine({ sipTransport: 'sctp' }), 'fa')).toMatchObject({
    field: 'sipTransport',
    message: expect.stringContaining('پروتکل'),
  });
  expect(await e.ok('lines/list', {})).toEqual([]);
});

test('a password the key no longer opens: the line is down saying so, the engine runs on, a new password fixes it', async () => {
  let e = engine!;
  const { id } = await e.ok('lines/create', sipLine());
  await waitFor(async () => (await lineNow(e, id)).status === 'idle', { timeoutMs: 10_000 });
  await e.close();
  rmSync(path.join(dir, KEY_FILE));
  engine = e = testEngine(dir);
  const down = await lineNow(e, id);
  expect(down.status).toBe('disconnected');
  expect(down.sipProblem).toBe('key');
  expect(down.detail).toMatch(/key file .* is missing/);
  expect((await e.ok('lines/list', {})).length).toBe(1);
  await e.ok('lines/update', { id, data: { sipPassword: 'secret3001' } });
  await waitFor(async () => (await lineNow(e, id)).status === 'idle', { timeoutMs: 10_000 });
});
