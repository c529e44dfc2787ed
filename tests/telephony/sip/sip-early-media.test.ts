/**
 * Early media with a real Kamailio: on a call we place, the far end answering 183 with SDP plays an
 * announcement, which the channel records before the answer, and the same recording goes on after it
 * (the far end is a second account of ours: baresip 1.0 sends no early audio); on a baresip call that comes in with the account's `earlyMedia` on, the channel
 * answers 183 with SDP and a prompt it plays while the call still rings reaches baresip.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LineEvents } from '../../../src/telephony/line';
import { createSipAccount, type SipAccount, type SipAccountOptions } from '../../../src/telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../../src/telephony/sip/signalling/sip-rtp-media';
import { bestCorrelation, chirp, framesWithTone, readWav, sine } from '../../helpers/sip-audio';
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

async function account(user: string, over: Partial<SipAccountOptions> = {}): Promise<SipAccount> {
  const portRange = await freeUdpRange(8);
  const a = createSipAccount({
    id: `sip-${user}`,
    server: `127.0.0.1:${kam.sipPort}`,
    user,
    password: `secret${user}`,
    transport: 'udp',
    channels: 1,
    localAddress: '127.0.0.1',
    media: rtpMedia({ localAddress: '127.0.0.1', portRange, codecs: ['PCMU', 'PCMA'] }),
    ringIntervalMs: 300,
    ...over,
  });
  accounts.push(a);
  await a.start();
  expect(a.accountState().status).toBe('idle');
  return a;
}

async function phone(user: string, answer: 'auto' | 'manual'): Promise<Baresip> {
  const p = await startBaresip({ user, displayName: `Phone ${user}`, sipServerPort: kam.sipPort, auth: true, answer });
  phones.push(p);
  return p;
}

test('dialling out: the far end’s early media (183 with SDP) is recorded before the answer, and the recording goes on after it', async () => {
  // baresip 1.0 answers 183 with SDP (answermode=early) but sends no audio until it answers ("stream start
  // (active=0)" in its log), and Kamailio has no media: the far end playing an announcement before it
  // answers is a second account of ours over UDP (sip.js over our transport) with earlyMedia on.
  const a = await account('3030');
  const far = await account('3032', { earlyMedia: true });
  const ch = a.channels[0]!;
  const farCh = far.channels[0]!;
  const traces: LineEvents['trace'][] = [];
  ch.on('trace', (t) => traces.push(t));
  const dialled = ch.dial('3032');
  await waitFor(() => farCh.info().status === 'ringing', { what: 'the far end rings' });
  await waitFor(() => traces.some((t) => t.text === '183 with SDP (early media)'), { what: 'the 183 with SDP' });
  const announcement = farCh.play(sine(440, 3000));
  expect(ch.info().status).toBe('dialing');

  const before: Int16Array[] = [];
  const after: Int16Array[] = [];
  let answered = false;
  ch.on('audio', ({ pcm }) => (answered ? after : before).push(pcm));
  const recording = ch.recordCall({ maxMs: 20_000 });
  await waitFor(() => before.length >= 50, { what: 'a second of early media' });
  // Still not answered: the dial has not resolved, the far end still rings.
  expect(ch.info().status).toBe('dialing');
  expect(farCh.info().status).toBe('ringing');
  const early = Int16Array.from(before.slice(10).flatMap((f) => [...f]));
  expect(framesWithTone(early, 440)).toBeGreaterThan(30);
  await announcement;

  answered = true;
  await farCh.answer();
  expect(await dialled).toBe('connected');
  const spoken = farCh.play(sine(1000, 1000));
  await waitFor(() => framesWithTone(Int16Array.from(after.flatMap((f) => [...f])), 1000) >= 20, { what: 'the answered call’s audio, on the same recording' });
  await spoken;
  await ch.hangUp();
  expect((await recording).stoppedBy).toBe('hangup');
});

test('a call coming in with earlyMedia on: 183 with SDP, and a prompt played while it rings reaches the caller before the answer', async () => {
  const a = await account('3031', { earlyMedia: true });
  const ch = a.channels[0]!;
  const traces: LineEvents['trace'][] = [];
  ch.on('trace', (t) => traces.push(t));
  const caller = await phone('1031', 'auto');
  await caller.command('dial', `sip:3031@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => traces.some((t) => t.text === '183 with SDP (early media)'), { what: 'our 183 with SDP' });
  expect(ch.info().status).toBe('ringing');
  const prompt = chirp();
  expect(await ch.play(prompt)).toEqual({ stoppedBy: 'end' });
  // Played while ringing: the caller's phone has not been answered.
  expect(ch.info().status).toBe('ringing');
  expect(caller.events.some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);

  await ch.answer();
  await caller.waitEvent('CALL_ESTABLISHED');
  expect(ch.info().status).toBe('in-call');
  await caller.command('hangup');
  await caller.waitEvent('CALL_CLOSED');
  const dump = await waitFor(() => fs.readdirSync(caller.dir).find((n) => /^dump-.*-dec\.wav$/.test(n)), { what: 'baresip dump' });
  // The dump lacks the first moment (baresip's jitter buffer filling): the middle of the prompt is looked for.
  expect(bestCorrelation(readWav(path.join(caller.dir, dump)), prompt.subarray(2000, 10000))).toBeGreaterThan(0.9);
});
