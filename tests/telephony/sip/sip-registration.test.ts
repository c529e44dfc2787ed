/**
 * A SIP account registers with a real Kamailio (digest auth on) over our UDP and TCP transports and
 * sip.js's WebSocket one; a wrong password and a server that is gone show on the line in words; a
 * server that restarts (its registrations lost) gets the line registered again by itself.
 */
import { createSipAccount, type SipAccount } from '../../../src/telephony/sip/signalling/sip-account';
import { startKamailio, type Kamailio } from '../../helpers/sip-kamailio';
import { waitFor } from '../../helpers/wait';
import { plainMedia } from './plain-sdh';

let kam: Kamailio;
const accounts: SipAccount[] = [];

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
});

afterEach(async () => {
  await Promise.all(accounts.splice(0).map((a) => a.close()));
});

afterAll(async () => {
  await kam.stop();
});

function account(over: Partial<Parameters<typeof createSipAccount>[0]> = {}): SipAccount {
  const a = createSipAccount({
    id: 'sip1',
    server: `127.0.0.1:${kam.sipPort}`,
    user: '3001',
    password: 'secret3001',
    transport: 'udp',
    channels: 2,
    localAddress: '127.0.0.1',
    media: plainMedia(),
    requestTimeoutMs: 2000,
    maxBackoffMs: 500,
    ...over,
  });
  accounts.push(a);
  return a;
}

/** Whether Kamailio was asked to register the user (its log of REGISTER requests). */
const registeredIn = (user: string): boolean => new RegExp(`REQ REGISTER sip:127\\.0\\.0\\.1:${kam.sipPort} from .* fU=${user}`).test(kam.log());

test.each(['udp', 'tcp', 'ws'] as const)('registers over %s with digest auth; every channel is idle', async (transport) => {
  const a = account({ transport, server: `127.0.0.1:${kam.sipPort}`, ...(transport === 'ws' ? { outboundProxy: `127.0.0.1:${kam.wsPort}` } : {}) });
  const seen: string[] = [];
  a.channels[0]!.on('status', (s) => seen.push(s.status));
  await a.channels[0]!.start();
  expect(a.accountState()).toEqual({ status: 'idle', detail: null });
  expect(a.channels.map((c) => c.info().status)).toEqual(['idle', 'idle']);
  expect(seen).toContain('idle');
  expect(registeredIn('3001')).toBe(true);
});

test('a wrong password: the line is disconnected and says so, and keeps trying', async () => {
  const a = account({ password: 'wrong' });
  await a.start();
  const info = a.channels[0]!.info();
  expect(info.status).toBe('disconnected');
  expect(info.detail).toMatch(/Wrong user name or password \(the server answered 401/);
});

test('no server at the address: disconnected, "not answering" or "connection refused" in words', async () => {
  const { freePort } = await import('../../helpers/sip-kamailio');
  const port = await freePort();
  const a = account({ server: `127.0.0.1:${port}` });
  await a.start();
  expect(a.channels[1]!.info().status).toBe('disconnected');
  const where = `127\\.0\\.0\\.1:${port}`;
  expect(a.channels[1]!.info().detail).toMatch(new RegExp(`not answering \\(${where}\\)|${where} \\(connection refused\\)`));
});

test('the server restarts: the line goes down with the reason, then registers again by itself', async () => {
  const a = account({ keepaliveMs: 700 });
  await a.start();
  expect(a.accountState().status).toBe('idle');
  const statuses: string[] = [];
  a.channels[0]!.on('status', (s) => statuses.push(`${s.status}: ${s.detail ?? ''}`));
  await kam.stop();
  await waitFor(() => a.accountState().status === 'disconnected', { what: 'the line noticed the server is gone', timeoutMs: 10_000 });
  expect(a.accountState().detail).toMatch(/not answering|connection refused/);
  const before = kam.log().length;
  await kam.start();
  await waitFor(() => a.accountState().status === 'idle', { what: 'registered again after the restart', timeoutMs: 15_000 });
  // The new Kamailio saw a REGISTER from the line: its location table has the user again.
  expect(kam.log().slice(before)).toMatch(/REQ REGISTER .* fU=3001/);
  expect(statuses.some((s) => s.startsWith('disconnected: '))).toBe(true);
  expect(statuses.at(-1)).toBe('idle: ');
});
