/**
 * End to end with the real media (src/telephony/sip/media): baresip calls a SIP channel through
 * Kamailio, the channel answers and plays a prompt — baresip's sndfile dump of what it heard holds it
 * (correlation of the samples) — records what baresip plays (its 440 Hz tone), and baresip's key 5
 * arrives as the line's `dtmf` event (RFC 4733).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createSipAccount, type SipAccount } from '../../../src/telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../../src/telephony/sip/signalling/sip-rtp-media';
import { startBaresip, type Baresip } from '../../helpers/sip-baresip';
import { startKamailio, type Kamailio } from '../../helpers/sip-kamailio';
import { freeUdpRange } from '../../helpers/sip-media-rig';
import { waitFor } from '../../helpers/wait';

jest.setTimeout(60_000);

let kam: Kamailio;
let account: SipAccount | null = null;
let bob: Baresip | null = null;

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
});

afterAll(async () => {
  await account?.close();
  await bob?.stop();
  await kam?.stop();
});

/** A prompt no tone generator makes by accident: a rising chirp with a pulse pattern, 1.5 s. */
function prompt(): Int16Array {
  const pcm = new Int16Array(12000);
  let phase = 0;
  for (let i = 0; i < pcm.length; i++) {
    const f = 300 + (i / pcm.length) * 1500;
    phase += (2 * Math.PI * f) / 8000;
    const gate = Math.floor(i / 800) % 3 === 2 ? 0.2 : 1;
    pcm[i] = Math.round(Math.sin(phase) * 9000 * gate);
  }
  return pcm;
}

function readWav(file: string): Int16Array {
  const b = fs.readFileSync(file);
  let at = 12;
  while (at + 8 <= b.length) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'data') return new Int16Array(b.buffer.slice(b.byteOffset + at + 8, b.byteOffset + at + 8 + Math.min(size, b.length - at - 8)));
    at += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${file}`);
}

/** The best normalised correlation of `needle` anywhere in `hay` (lag step 1 around the coarse best). */
function bestCorrelation(hay: Int16Array, needle: Int16Array): number {
  const n = needle.length;
  let nn = 0;
  for (const v of needle) nn += v * v;
  const at = (lag: number): number => {
    let dot = 0;
    let hh = 0;
    for (let i = 0; i < n; i++) {
      const h = hay[lag + i] ?? 0;
      dot += h * needle[i]!;
      hh += h * h;
    }
    return hh === 0 ? 0 : dot / Math.sqrt(nn * hh);
  };
  let best = 0;
  let bestLag = 0;
  for (let lag = 0; lag + n <= hay.length; lag += 4) {
    const c = at(lag);
    if (c > best) [best, bestLag] = [c, lag];
  }
  for (let lag = Math.max(0, bestLag - 4); lag <= bestLag + 4 && lag + n <= hay.length; lag++) best = Math.max(best, at(lag));
  return best;
}

test('baresip calls: the channel answers, plays a prompt baresip hears, records baresip, and key 5 is a dtmf event', async () => {
  const portRange = await freeUdpRange(8);
  account = createSipAccount({
    id: 'sip-media',
    server: `127.0.0.1:${kam.sipPort}`,
    user: '3020',
    password: 'secret3020',
    transport: 'udp',
    channels: 1,
    localAddress: '127.0.0.1',
    media: rtpMedia({ localAddress: '127.0.0.1', portRange, codecs: ['PCMU', 'PCMA'] }),
  });
  await account.start();
  const ch = account.channels[0]!;
  const digits: string[] = [];
  ch.on('dtmf', (d) => digits.push(d.digit));
  const hangups: string[] = [];
  ch.on('hangup', (h) => hangups.push(h.reason));

  bob = await startBaresip({ user: '1020', displayName: 'Bob Media', sipServerPort: kam.sipPort, auth: true });
  await bob.command('dial', `sip:3020@127.0.0.1:${kam.sipPort}`);
  await waitFor(() => ch.info().status === 'ringing', { what: 'ringing' });
  await ch.answer();
  await bob.waitEvent('CALL_ESTABLISHED');

  const sent = prompt();
  expect(await ch.play(sent)).toEqual({ stoppedBy: 'end' });

  const rec = await ch.record({ maxMs: 1000 });
  expect(rec.stoppedBy).toBe('max-length');
  expect(rec.pcm.length).toBeGreaterThanOrEqual(7000);
  // baresip plays a 440 Hz sine: about 880 zero crossings a second.
  let crossings = 0;
  for (let i = 1; i < rec.pcm.length; i++) if (rec.pcm[i - 1]! < 0 !== rec.pcm[i]! < 0) crossings++;
  expect(crossings / (rec.pcm.length / 8000)).toBeGreaterThan(800);
  expect(crossings / (rec.pcm.length / 8000)).toBeLessThan(960);

  await bob.command('sndcode', '5');
  await waitFor(() => digits.length > 0, { what: 'the dtmf event for baresip key 5' });
  expect(digits).toEqual(['5']);

  await bob.command('hangup');
  await bob.waitEvent('CALL_CLOSED');
  await waitFor(() => hangups.length > 0, { what: 'hangup' });
  expect(hangups).toEqual(['remote']);
  const dump = await waitFor(() => fs.readdirSync(bob!.dir).find((n) => /^dump-.*-dec\.wav$/.test(n)), { what: 'baresip dump' });
  const heard = readWav(path.join(bob.dir, dump));
  expect(bestCorrelation(heard, sent)).toBeGreaterThan(0.9);
});
