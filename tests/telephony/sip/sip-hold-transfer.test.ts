/**
 * Hold and transfer on a SIP channel with a real Kamailio and baresip: the far end hears nothing of what
 * we play while we hold it (re-INVITE sendonly) and hears again after the unhold; baresip holding us
 * stops what we send until it resumes; a blind transfer rings a second baresip; an attended transfer (a second call on
 * another channel, then REFER with Replaces) puts the caller through to that second baresip.
 */
import { createSipAccount, type SipAccount } from '../../../src/telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../../src/telephony/sip/signalling/sip-rtp-media';
import { framesWithTone, sine } from '../../helpers/sip-audio';
import { startBaresip, type Baresip } from '../../helpers/sip-baresip';
import { startKamailio, type Kamailio } from '../../helpers/sip-kamailio';
import { freeUdpRange } from '../../helpers/sip-media-rig';
import { waitFor } from '../../helpers/wait';

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

async function account(user: string, channels = 1): Promise<SipAccount> {
  const portRange = await freeUdpRange(8);
  const a = createSipAccount({
    id: `sip-${user}`,
    server: `127.0.0.1:${kam.sipPort}`,
    user,
    password: `secret${user}`,
    transport: 'udp',
    channels,
    localAddress: '127.0.0.1',
    media: rtpMedia({ localAddress: '127.0.0.1', portRange, codecs: ['PCMU', 'PCMA'] }),
    ringIntervalMs: 300,
  });
  accounts.push(a);
  await a.start();
  expect(a.accountState().status).toBe('idle');
  return a;
}

async function phone(user: string, answer: 'auto' | 'manual' = 'auto'): Promise<Baresip> {
  const p = await startBaresip({ user, displayName: `Phone ${user}`, sipServerPort: kam.sipPort, auth: true, answer });
  phones.push(p);
  return p;
}

type MediaView = { direction: string; stats(): { packetsSent: number } };
/** The call's media as the channel holds it (its sip.js session's description handler). */
const mediaOf = (ch: unknown): MediaView =>
  (ch as { call: { session: { sessionDescriptionHandler: { callMedia: MediaView } } } }).call.session.sessionDescriptionHandler.callMedia;

test('held, the far end hears nothing we play; after the unhold it hears again', async () => {
  // baresip 1.0 rebuilds its receive pipeline on a re-INVITE and its sndfile dump stops there, so the far
  // end that listens is a second account of ours (sip.js over our UDP transport) recording the call.
  const a = await account('3050');
  const far = await account('3056');
  const ch = a.channels[0]!;
  const farCh = far.channels[0]!;
  const dialled = ch.dial('3056');
  await waitFor(() => farCh.info().status === 'ringing', { what: 'the far end rings' });
  await farCh.answer();
  expect(await dialled).toBe('connected');
  const frames: Int16Array[] = [];
  farCh.on('audio', ({ pcm }) => frames.push(pcm));
  const recording = farCh.recordCall({ maxMs: 30_000 });
  expect(await ch.play(sine(500, 1000))).toEqual({ stoppedBy: 'end' });
  await ch.hold(true);
  expect(ch.info().detail).toBe('on hold');
  expect(await ch.play(sine(1000, 1000))).toEqual({ stoppedBy: 'end' });
  await ch.hold(false);
  expect(ch.info().detail).toBeNull();
  expect(await ch.play(sine(1500, 1000))).toEqual({ stoppedBy: 'end' });
  await new Promise((r) => setTimeout(r, 300));
  await ch.hangUp();
  await recording;
  const pcm = Int16Array.from(frames.flatMap((f) => [...f]));
  expect(framesWithTone(pcm, 500)).toBeGreaterThan(30);
  expect(framesWithTone(pcm, 1000)).toBeLessThan(3);
  expect(framesWithTone(pcm, 1500)).toBeGreaterThan(30);
});

test('baresip holds us (its re-INVITE sendonly is honoured): we send nothing until it resumes', async () => {
  const a = await account('3051');
  const ch = a.channels[0]!;
  const bob = await phone('1051');
  expect(await ch.dial('1051')).toBe('connected');
  await bob.waitEvent('CALL_ESTABLISHED');
  expect(mediaOf(ch).direction).toBe('sendrecv');
  await bob.command('hold');
  await waitFor(() => mediaOf(ch).direction === 'recvonly', { what: 'our media recvonly' });
  const sent = mediaOf(ch).stats().packetsSent;
  await ch.play(sine(1000, 500));
  expect(mediaOf(ch).stats().packetsSent).toBe(sent);
  await bob.command('resume');
  await waitFor(() => mediaOf(ch).direction === 'sendrecv', { what: 'our media sendrecv again' });
  await ch.play(sine(1000, 500));
  expect(mediaOf(ch).stats().packetsSent).toBeGreaterThan(sent + 15);
  await ch.hangUp();
});

test('a blind transfer: the caller is sent to a second baresip, which rings; our call ends', async () => {
  const a = await account('3052');
  const ch = a.channels[0]!;
  const hangups: string[] = [];
  ch.on('hangup', (h) => hangups.push(h.reason));
  const alice = await phone('1052');
  const carol = await phone('1053', 'manual');
  await alice.command('dial', `sip:3052@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => ch.info().status === 'ringing', { what: 'ringing' });
  await ch.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  await ch.transfer({ number: '1053' });
  expect(hangups).toEqual(['local']);
  const ringing = await carol.waitEvent('CALL_INCOMING');
  expect(String(ringing.peeruri)).toContain('1052');
});

test('an attended transfer: a second call on another channel, then REFER with Replaces puts the caller through to it', async () => {
  const a = await account('3054', 2);
  const [first, second] = [a.channels[0]!, a.channels[1]!];
  const alice = await phone('1054');
  const dave = await phone('1055');
  await alice.command('dial', `sip:3054@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => first.info().status === 'ringing', { what: 'ringing' });
  await first.answer();
  await alice.waitEvent('CALL_ESTABLISHED');
  expect(await second.dial('1055')).toBe('connected');
  await first.transfer({ line: second });
  expect(first.info().status).toBe('idle');
  expect(second.info().status).toBe('idle');
  // Alice now talks with Dave: Dave has a call established with her.
  await waitFor(() => dave.events.some((e) => e.type === 'CALL_ESTABLISHED' && String(e.peeruri).includes('1054')), { what: 'Dave in a call with Alice' });
});
