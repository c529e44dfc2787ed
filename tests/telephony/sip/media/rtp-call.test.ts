/**
 * A real call: baresip (an independent SIP phone) calls a sip.js user agent through Kamailio, and our
 * RTP description handler answers it. Audio must arrive both ways (correlated with what was sent, not
 * just "some packets"), and RFC 4733 digits both ways. Everything on free ports, configs written here.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Invitation, UserAgent } from 'sip.js';
import { writeWav, readPcm16 } from '../../../../src/main/ivr/audio/wav';
import { callMediaOf, rtpDescriptionHandlerFactory } from '../../../../src/telephony/sip/media/rtp-description-handler';
import { RtpSession } from '../../../../src/telephony/sip/media/rtp-session';
import { refuseOffer } from '../../../../src/telephony/sip/media/sdp';
import type { CallMedia, RtpCodecName } from '../../../../src/telephony/sip/sip-media';
import { WebSocket } from 'ws';
import { loadSipJs, provideWebSocket } from '../../../../src/telephony/sip/signalling/sipjs-loader';
import { SIP_TOOLS, freeUdpRange, startBaresip, startKamailio, tempDir, type Baresip, type Kamailio } from '../../../helpers/sip-media-rig';
import { testWithTools } from '../../../helpers/reference-tools';
import { waitFor } from '../../../helpers/wait';

const sipTest = testWithTools(...SIP_TOOLS);

/** Band-limited noise from a seeded generator: no two stretches alike, so a match pins the offset. */
function noise(samples: number, seed: number, amp = 9000): Int16Array {
  let s = seed >>> 0;
  let y = 0;
  const out = new Int16Array(samples);
  for (let i = 0; i < samples; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    y = 0.6 * y + 0.4 * ((s / 0x100000000) * 2 - 1);
    out[i] = Math.round(y * amp * 2);
  }
  return out;
}

/** The best normalised correlation of `probe` against any stretch of `source` (it may start anywhere in it). */
function bestMatch(source: Int16Array, probe: Int16Array): number {
  let best = -1;
  let pp = 0;
  for (const v of probe) pp += v * v;
  for (let lag = 0; lag + probe.length <= source.length; lag++) {
    let ab = 0;
    let aa = 0;
    for (let i = 0; i < probe.length; i++) {
      const x = source[lag + i]!;
      ab += x * probe[i]!;
      aa += x * x;
    }
    if (aa > 0 && pp > 0) best = Math.max(best, ab / Math.sqrt(aa * pp));
  }
  return best;
}

const concat = (frames: Int16Array[]) => {
  const out = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f, at);
    at += f.length;
  }
  return out;
};

const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((s, v) => s + v * v, 0) / Math.max(1, pcm.length));

describe('a real call through Kamailio answered by the RTP description handler', () => {
  let dir: string;
  let kamailio: Kamailio | null = null;
  let baresip: Baresip | null = null;
  let ua: UserAgent | null = null;

  beforeEach(() => {
    dir = tempDir('monshi-siprtp-');
  });

  afterEach(async () => {
    // The UA first (with a time limit), or its timers keep Jest alive after Kamailio is gone.
    if (ua) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ua.stop(), new Promise((r) => (timer = setTimeout(r, 2000)))]);
      clearTimeout(timer);
    }
    await baresip?.stop();
    await kamailio?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Kamailio, a sip.js UA registered as 2001 that answers with our handler, and baresip registered as 1001 playing noise. */
  async function setUp(
    opts: { line?: RtpCodecName[]; caller?: string } = {},
  ): Promise<{ callerSource: Int16Array; invitation: () => Invitation | null; acked: () => boolean }> {
    const lineCodecs = opts.line ?? ['PCMA', 'PCMU'];
    // The engine's own loader (one real import() per process, shared with every SIP account), and ws as the WebSocket.
    const { UserAgent, Registerer } = await loadSipJs();
    provideWebSocket(WebSocket);
    kamailio = await startKamailio(dir);
    const callerSource = noise(8000 * 30, 17);
    const callerWav = path.join(dir, 'caller.wav');
    fs.writeFileSync(callerWav, writeWav(callerSource));
    const ports = await freeUdpRange(40);
    let invitation: Invitation | null = null;
    let acked = false;
    ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:2001@127.0.0.1:${kamailio.sipPort}`)!,
      transportOptions: { server: `ws://127.0.0.1:${kamailio.wsPort}` },
      sessionDescriptionHandlerFactory: rtpDescriptionHandlerFactory({ localAddress: '127.0.0.1', portRange: ports, codecs: lineCodecs }),
      logLevel: 'error',
      delegate: {
        onInvite: (inv) => {
          invitation = inv;
          inv.delegate = { onAck: () => (acked = true) };
          // What the signalling half does: refuse an offer we cannot take with 488 (sip.js alone would say 480).
          const refusal = refuseOffer(inv.request.body, lineCodecs);
          if (refusal) void inv.reject({ statusCode: 488 });
          else void inv.accept();
        },
      },
    });
    await ua.start();
    await new Registerer(ua).register();
    baresip = await startBaresip(dir, kamailio, '1001', callerWav, opts.caller);
    return { callerSource, invitation: () => invitation, acked: () => acked };
  }

  /** baresip dials 2001; resolves with the answered call's media once sip.js has the ACK. */
  async function callIn(rig: Awaited<ReturnType<typeof setUp>>): Promise<CallMedia> {
    await baresip!.command('dial', `sip:2001@127.0.0.1:${kamailio!.sipPort}`);
    await baresip!.waitEvent('CALL_ESTABLISHED');
    // Without the ACK reaching sip.js (Kamailio's alias handling), everything else could still look fine.
    await waitFor(() => rig.acked(), { what: 'the ACK reached sip.js' });
    const inv = rig.invitation();
    return waitFor(() => inv && callMediaOf(inv), { what: 'the call media of the answered invitation' });
  }

  sipTest(
    'baresip calls in: its audio reaches onAudio, ours reaches its recording, digits go both ways',
    async () => {
      const rig = await setUp();
      const { callerSource } = rig;
      const media = await callIn(rig);
      if (!baresip) throw new Error('no baresip');
      expect(media.codec).toBe('PCMU'); // baresip offers PCMU first; the answer takes the offer's order
      expect(media.direction).toBe('sendrecv');

      const heard: Int16Array[] = [];
      const digits: string[] = [];
      media.onAudio((pcm) => heard.push(pcm));
      media.onDigit((d) => digits.push(d));

      const ours = noise(8000 * 2, 99);
      expect(await media.play(ours)).toBe('end');
      await media.sendDigits('47');
      for (const d of ['1', '5', '#']) {
        await baresip.command('sndcode', d);
        await new Promise((r) => setTimeout(r, 300));
      }
      await waitFor(() => digits.length >= 3, { what: `three digits from baresip (got ${digits.join('')})` });
      expect(digits).toEqual(['1', '5', '#']);
      await waitFor(() => baresip!.events.filter((e) => e.type === 'CALL_DTMF_START').length >= 2, { what: 'baresip heard our two digits' });
      const theirDigits = baresip.events.filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
      expect(theirDigits).toEqual(['4', '7']);

      await baresip.command('hangup');
      await baresip.waitEvent('CALL_CLOSED');

      // What we heard: a second from its middle must be a stretch of baresip's source.
      const got = concat(heard);
      expect(got.length).toBeGreaterThan(8000 * 2);
      const probe = got.subarray(8000, 8000 + 2000);
      expect(rms(probe)).toBeGreaterThan(1000);
      expect(bestMatch(callerSource, probe)).toBeGreaterThan(0.95);

      // What baresip heard: our noise, somewhere in its recording.
      const dump = await waitFor(() => baresip!.decodedDump(), { what: "baresip's recording" });
      const recorded = readPcm16(fs.readFileSync(dump)).pcm;
      const ourProbe = ours.subarray(4000, 6000);
      expect(bestMatch(recorded, ourProbe)).toBeGreaterThan(0.95);

      const stats = media.stats();
      expect(stats.packetsReceived).toBeGreaterThan(100);
      expect(stats.packetsSent).toBeGreaterThan(100);
      expect(stats.packetsLost).toBe(0);
    },
    60_000,
  );

  sipTest(
    'baresip holds and resumes: we stop sending while held (recvonly), on the same port, and send again after; RTCP gives a round trip',
    async () => {
      const rig = await setUp();
      const media = await callIn(rig);
      await waitFor(() => media.stats().packetsSent > 20);
      if (!(media instanceof RtpSession)) throw new Error('the call media is not our RTP session');
      const port = media.port;
      await baresip!.command('hold');
      await waitFor(() => media.direction === 'recvonly', { what: 'the hold re-INVITE answered recvonly' });
      const heldAt = media.stats().packetsSent;
      await new Promise((r) => setTimeout(r, 400));
      expect(media.stats().packetsSent).toBe(heldAt);
      await baresip!.command('resume');
      await waitFor(() => media.direction === 'sendrecv', { what: 'the resume re-INVITE answered sendrecv' });
      await waitFor(() => media.stats().packetsSent > heldAt + 10, { what: 'our packets flowing again after resume' });
      expect(media.port).toBe(port);
      expect(callMediaOf(rig.invitation()!)).toBe(media);
      // baresip's receiver reports echo our sender report's LSR: it read our RTCP, and we read its.
      await waitFor(() => media.stats().roundTripMs !== null, { what: "a round trip from baresip's RTCP reports", timeoutMs: 20_000 });
      const rtt = media.stats().roundTripMs!;
      expect(rtt).toBeGreaterThanOrEqual(0);
      expect(rtt).toBeLessThan(100);
      await baresip!.command('hangup');
      await baresip!.waitEvent('CALL_CLOSED');
    },
    60_000,
  );

  sipTest(
    'we call baresip: our offer is answered, and audio flows both ways',
    async () => {
      const rig = await setUp();
      const { Inviter, UserAgent, SessionState } = await loadSipJs();
      const inviter = new Inviter(ua!, UserAgent.makeURI(`sip:1001@127.0.0.1:${kamailio!.sipPort}`)!);
      const established = new Promise<void>((resolve) =>
        inviter.stateChange.addListener((st) => {
          if (st === SessionState.Established) resolve();
        }),
      );
      await inviter.invite();
      await established;
      const media = await waitFor(() => callMediaOf(inviter), { what: "the outgoing call's media" });
      expect(['PCMU', 'PCMA']).toContain(media.codec);
      const heard: Int16Array[] = [];
      media.onAudio((pcm) => heard.push(pcm));
      const ours = noise(8000 * 2, 5);
      expect(await media.play(ours)).toBe('end');
      await baresip!.command('hangup');
      await baresip!.waitEvent('CALL_CLOSED');
      const got = concat(heard);
      expect(bestMatch(rig.callerSource, got.subarray(4000, 6000))).toBeGreaterThan(0.95);
      const dump = await waitFor(() => baresip!.decodedDump(), { what: "baresip's recording" });
      expect(bestMatch(readPcm16(fs.readFileSync(dump)).pcm, ours.subarray(4000, 6000))).toBeGreaterThan(0.95);
    },
    60_000,
  );

  sipTest(
    'a caller with no codec in common is refused with 488, and no media is opened',
    async () => {
      const rig = await setUp({ line: ['PCMA'], caller: 'PCMU' });
      await baresip!.command('dial', `sip:2001@127.0.0.1:${kamailio!.sipPort}`);
      const closed = await baresip!.waitEvent('CALL_CLOSED');
      expect(JSON.stringify(closed)).toContain('488 Not Acceptable Here');
      expect(baresip!.events.some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
      expect(callMediaOf(rig.invitation()!)).toBeNull();
    },
    60_000,
  );
});
