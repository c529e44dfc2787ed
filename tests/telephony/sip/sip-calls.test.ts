/**
 * Calls on a SIP channel with a real Kamailio (digest auth on) and baresip, a real independent SIP
 * phone: caller ID, rings, answer, hang-ups from either side, the caller giving up, 486 when every
 * channel is busy, dialling out (connected, busy, no answer) and blind transfer (REFER) as `flash`.
 */
import type { LineEvents } from '../../../src/telephony/line';
import { createSipAccount, type SipAccount } from '../../../src/telephony/sip/signalling/sip-account';
import type { SipChannel } from '../../../src/telephony/sip/signalling/sip-channel';
import { startBaresip, type Baresip } from '../../helpers/sip-baresip';
import { startKamailio, type Kamailio } from '../../helpers/sip-kamailio';
import { waitFor } from '../../helpers/wait';
import { plainMedia } from './plain-sdh';

jest.setTimeout(60_000);

let kam: Kamailio;
const accounts: SipAccount[] = [];
const phones: Baresip[] = [];

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
});

afterEach(async () => {
  await Promise.all(accounts.splice(0).map((a) => a.close()));
  await Promise.all(phones.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  await kam?.stop();
});

async function account(user: string, channels = 2, over: Partial<Parameters<typeof createSipAccount>[0]> = {}): Promise<SipAccount> {
  const a = createSipAccount({
    id: `sip-${user}`,
    server: `127.0.0.1:${kam.sipPort}`,
    user,
    password: `secret${user}`,
    transport: 'udp',
    channels,
    localAddress: '127.0.0.1',
    media: plainMedia(),
    ringIntervalMs: 300,
    ...over,
  });
  accounts.push(a);
  await a.start();
  expect(a.accountState().status).toBe('idle');
  return a;
}

async function phone(user: string, name: string, answer: 'auto' | 'manual' = 'auto'): Promise<Baresip> {
  const p = await startBaresip({ user, displayName: name, sipServerPort: kam.sipPort, auth: true, answer });
  phones.push(p);
  return p;
}

type Rec = { [E in keyof LineEvents]?: LineEvents[E][] };
function record(ch: SipChannel): Rec & { order: string[] } {
  const rec: Rec & { order: string[] } = { order: [] };
  const keep = <E extends keyof LineEvents>(e: E): void => {
    ch.on(e, (p) => {
      ((rec[e] ??= []) as unknown[]).push(p);
      if (e !== 'trace' && e !== 'status') rec.order.push(e);
    });
  };
  for (const e of ['ring', 'caller-id', 'answered', 'hangup', 'trace', 'status'] as const) keep(e);
  return rec;
}

const acked = (rec: Rec): boolean => (rec.trace ?? []).some((t) => t.text === 'ACK (call confirmed)');

test('an incoming call: caller ID, rings, answer (ACK reaches sip.js), the caller hangs up → remote', async () => {
  const a = await account('3001');
  const ch = a.channels[0]!;
  const rec = record(ch);
  const alice = await phone('1001', 'Alice Caller');
  await alice.command('dial', `sip:3001@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => (rec.ring?.length ?? 0) >= 2, { what: 'two rings' });
  expect(ch.info().status).toBe('ringing');
  expect(rec['caller-id']).toEqual([expect.objectContaining({ number: '1001', name: 'Alice Caller', absence: null })]);
  expect(rec['caller-id']![0]!.extras.source).toBe('P-Asserted-Identity');
  expect(rec.order.slice(0, 2)).toEqual(['ring', 'caller-id']);
  await ch.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  await waitFor(() => acked(rec), { what: 'the ACK reached sip.js' });
  expect(ch.info().status).toBe('in-call');
  // The second channel is still free for the next caller.
  expect(a.channels[1]!.info().status).toBe('idle');
  await alice.command('hangup');
  await waitFor(() => rec.hangup?.length, { what: 'hangup' });
  expect(rec.hangup).toEqual([{ reason: 'remote' }]);
  expect(rec.order.filter((e) => e !== 'ring')).toEqual(['caller-id', 'answered', 'hangup']);
  expect(ch.info().status).toBe('idle');
});

test('the caller gives up while it rings → ring-stopped; we hang up an answered call → local, and the phone hears it', async () => {
  const a = await account('3002', 1);
  const ch = a.channels[0]!;
  const rec = record(ch);
  const bob = await phone('1002', 'Bob');
  await bob.command('dial', `sip:3002@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => rec.ring?.length, { what: 'ring' });
  await bob.command('hangup');
  await waitFor(() => rec.hangup?.length, { what: 'hangup' });
  expect(rec.hangup).toEqual([{ reason: 'ring-stopped' }]);
  expect(rec.answered).toBeUndefined();

  bob.events.length = 0;
  await bob.command('dial', `sip:3002@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => ch.info().status === 'ringing', { what: 'ringing again' });
  await ch.answer();
  await bob.waitEvent('CALL_ESTABLISHED');
  await ch.hangUp();
  await bob.waitEvent('CALL_CLOSED');
  expect(rec.hangup).toEqual([{ reason: 'ring-stopped' }, { reason: 'local' }]);
});

test('every channel busy: the next caller gets 486 Busy Here', async () => {
  const a = await account('3003', 1);
  const ch = a.channels[0]!;
  const alice = await phone('1003', 'Alice');
  const bob = await phone('1004', 'Bob');
  await alice.command('dial', `sip:3003@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => ch.info().status === 'ringing', { what: 'ringing' });
  await ch.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  await bob.command('dial', `sip:3003@127.0.0.1:${kam.sipPort}`);
  const closed = await bob.waitEvent('CALL_CLOSED');
  expect(String(closed.param)).toMatch(/486/);
  expect(ch.info().status).toBe('in-call');
});

test('dialling out: connected (the phone answers), busy (486), no answer (our timeout), failed (no such user)', async () => {
  const a = await account('3004', 2, { noAnswerMs: 1500 });
  const busyLine = await account('3005', 1);
  const carol = await phone('1005', 'Carol');
  const ch = a.channels[0]!;
  const rec = record(ch);
  expect(await ch.dial('1005')).toBe('connected');
  await carol.waitEvent('CALL_ESTABLISHED');
  await waitFor(() => acked(rec) || (rec.trace ?? []).some((t) => t.dir === 'tx' && t.text.startsWith('ACK ')), { what: 'ACK sent' });
  expect(ch.info().status).toBe('in-call');
  expect(rec.answered).toHaveLength(1);
  await carol.command('hangup');
  await waitFor(() => rec.hangup?.length, { what: 'hangup' });
  expect(rec.hangup).toEqual([{ reason: 'remote' }]);

  // 3005's only channel is ringing with another call: our call to it is refused as busy.
  const dave = await phone('1006', 'Dave');
  await dave.command('dial', `sip:3005@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => busyLine.channels[0]!.info().status === 'ringing', { what: '3005 ringing' });
  expect(await a.channels[1]!.dial('3005')).toBe('busy');

  const erin = await phone('1007', 'Erin', 'manual');
  expect(await ch.dial('1007')).toBe('no-answer');
  await erin.waitEvent('CALL_CLOSED');
  expect(await ch.dial('9999')).toBe('failed');
  expect(ch.info().status).toBe('idle');
});

test('flash(digits) is a blind transfer: the caller is sent on to the number (REFER)', async () => {
  const a = await account('3006', 1);
  const target = await account('3007', 1);
  const tRec = record(target.channels[0]!);
  const alice = await phone('1008', 'Alice Transfer');
  await alice.command('dial', `sip:3006@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => a.channels[0]!.info().status === 'ringing', { what: 'ringing' });
  await a.channels[0]!.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  await a.channels[0]!.flash('3007');
  await waitFor(() => tRec['caller-id']?.length, { what: 'the transferred caller rings 3007' });
  expect(tRec['caller-id']![0]).toMatchObject({ number: '1008' });
});

test.each(['ws', 'tcp'] as const)('over %s too: a call comes in with caller ID, is answered (ACK reaches sip.js), the caller hangs up', async (transport) => {
  const user = transport === 'ws' ? '3008' : '3009';
  const a = await account(user, 1, { transport, ...(transport === 'ws' ? { outboundProxy: `127.0.0.1:${kam.wsPort}` } : {}) });
  const ch = a.channels[0]!;
  const rec = record(ch);
  const alice = await phone(transport === 'ws' ? '1009' : '1010', 'Alice Web');
  await alice.command('dial', `sip:${user}@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => ch.info().status === 'ringing', { what: 'ringing' });
  expect(rec['caller-id']).toEqual([expect.objectContaining({ name: 'Alice Web', absence: null })]);
  await ch.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  await waitFor(() => acked(rec), { what: 'the ACK reached sip.js' });
  await alice.command('hangup');
  await waitFor(() => rec.hangup?.length, { what: 'hangup' });
  expect(rec.hangup).toEqual([{ reason: 'remote' }]);
});
