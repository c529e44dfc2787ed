/**
 * The RTP session on real loopback UDP sockets, its clock driven by the test: a scripted far end checks
 * the port range, the paced 20 ms stream, symmetric latching, an SSRC change, a timestamp jump, hold and
 * unhold on the same port, RFC 4733 digits in, and RTCP reports with loss and round trip.
 */
import dgram from 'node:dgram';
import { decodeRtp, encodeDtmf, encodeRtp } from '../../../../src/telephony/sip/media/rtp-packet';
import { openRtpSession, type RemoteMedia, type RtpSession } from '../../../../src/telephony/sip/media/rtp-session';
import { buildReport, ntpMiddle, parseRtcp } from '../../../../src/telephony/sip/media/rtcp';
import { ulawEncodeSample } from '../../../../src/telephony/audio/codecs';
import { freeUdpRange } from '../../../helpers/sip-media-rig';
import { manualTimers } from '../../../helpers/manual-timers';
import { waitFor } from '../../../helpers/wait';

type Far = { socket: dgram.Socket; port: number; got: Buffer[] };

async function farEnd(): Promise<Far> {
  const socket = dgram.createSocket('udp4');
  const got: Buffer[] = [];
  socket.on('message', (m) => got.push(m));
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  return { socket, port: socket.address().port, got };
}

const tick = () => new Promise((r) => setTimeout(r, 3));

describe('RtpSession', () => {
  const clock = manualTimers(1_000_000);
  const open: (RtpSession | dgram.Socket)[] = [];
  let session: RtpSession;
  let far: Far;
  let farRtcp: Far;
  let ports: { min: number; max: number };

  /** Moves the session's clock `n` turns of 20 ms, letting UDP packets land between turns. */
  async function turns(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      clock.advance(20);
      await tick();
    }
  }

  const remote = (over: Partial<RemoteMedia> = {}): RemoteMedia => ({
    address: '127.0.0.1',
    port: far.port,
    rtcpPort: farRtcp.port,
    codec: 'PCMU',
    pt: 0,
    eventPt: 101,
    direction: 'sendrecv',
    ...over,
  });

  const send = (from: dgram.Socket, seq: number, ts: number, ssrc = 0x1234, payload?: Uint8Array, pt = 0) =>
    from.send(
      encodeRtp({
        marker: false,
        payloadType: pt,
        sequence: seq & 0xffff,
        timestamp: ts >>> 0,
        ssrc,
        payload: payload ?? new Uint8Array(160).fill(ulawEncodeSample(seq % 2 ? 3000 : -3000)),
      }),
      session.port,
      '127.0.0.1',
    );

  beforeAll(async () => {
    ports = await freeUdpRange(8);
  });

  beforeEach(async () => {
    far = await farEnd();
    farRtcp = await farEnd();
    session = await openRtpSession({ localAddress: '127.0.0.1', portRange: ports, codecs: ['PCMU', 'PCMA'], timers: clock.timers });
    open.push(session, far.socket, farRtcp.socket);
  });

  afterEach(() => {
    for (const o of open.splice(0)) o.close();
  });

  test('takes an even RTP port and the odd one after it from the range, and says so when the range is full', async () => {
    expect(session.port % 2).toBe(0);
    expect(session.port).toBeGreaterThanOrEqual(ports.min);
    const others = [await openRtpSession({ localAddress: '127.0.0.1', portRange: ports, codecs: ['PCMU'], timers: clock.timers })];
    others.push(await openRtpSession({ localAddress: '127.0.0.1', portRange: ports, codecs: ['PCMU'], timers: clock.timers }));
    others.push(await openRtpSession({ localAddress: '127.0.0.1', portRange: ports, codecs: ['PCMU'], timers: clock.timers }));
    open.push(...others);
    // Eight ports hold four pairs, the last one ending on the range's last port.
    expect(new Set([session.port, ...others.map((o) => o.port)]).size).toBe(4);
    expect(Math.max(session.port, ...others.map((o) => o.port))).toBe(ports.max - 1);
    const full = openRtpSession({ localAddress: '127.0.0.1', portRange: ports, codecs: ['PCMU'], timers: clock.timers });
    await expect(full).rejects.toThrow(`no free RTP port pair in the range ${ports.min}–${ports.max}`);
    await expect(full).rejects.toMatchObject({ code: 'range-full' });
  });

  test('sends one 20 ms packet a turn: consecutive sequence, timestamp +160, marker on the first only', async () => {
    session.configure(remote());
    const played = session.play(Int16Array.from({ length: 800 }, (_, i) => (i % 50) * 100));
    await turns(10);
    expect(await played).toBe('end');
    await waitFor(() => far.got.length >= 10);
    const pk = far.got.map((b) => decodeRtp(b)!);
    expect(pk.map((p) => p.payload.length)).toEqual(Array(pk.length).fill(160));
    pk.forEach((p, i) => {
      expect(p.payloadType).toBe(0);
      expect(p.marker).toBe(i === 0);
      if (i > 0) {
        expect(p.sequence).toBe((pk[i - 1]!.sequence + 1) & 0xffff);
        expect(p.timestamp).toBe((pk[i - 1]!.timestamp + 160) >>> 0);
      }
    });
    expect(pk[0]!.payload[1]).toBe(ulawEncodeSample(100));
  });

  test('latches: once packets come from another address than the SDP said, ours go there', async () => {
    const realSource = await farEnd();
    open.push(realSource.socket);
    session.configure(remote());
    await turns(2);
    expect(far.got.length).toBeGreaterThan(0);
    send(realSource.socket, 1, 0);
    await tick();
    const before = realSource.got.length;
    await turns(3);
    expect(realSource.got.length - before).toBe(3);
    expect(session.sendTarget).toEqual({ address: '127.0.0.1', port: realSource.port });
  });

  test('plays through a timestamp jump, restarts cleanly on a new SSRC, and latches to the new source', async () => {
    const heard: number[] = [];
    session.onAudio((pcm) => heard.push(pcm[0]!));
    session.configure(remote());
    // Ten packets, a one-second timestamp jump after the fifth (a talkspurt after silence suppression).
    for (let i = 0; i < 10; i++) send(far.socket, 100 + i, i * 160 + (i >= 5 ? 8000 : 0));
    await waitFor(() => session.stats().packetsReceived === 10);
    await turns(10);
    expect(heard.length).toBe(10);
    expect(session.jitterStats()).toMatchObject({ concealed: 0, late: 0, resets: 0 });
    const second = await farEnd();
    open.push(second.socket);
    for (let i = 0; i < 5; i++) send(second.socket, 40000 + i, 999 + i * 160, 0x9999);
    await waitFor(() => session.stats().packetsReceived === 5);
    await turns(5);
    expect(heard.length).toBe(15);
    expect(session.jitterStats()).toMatchObject({ resets: 1, late: 0, concealed: 0 });
    expect(session.sendTarget?.port).toBe(second.port);
    expect(session.stats().packetsLost).toBe(0);
  });

  test("cuts a far end's 30 ms and 10 ms packets into 20 ms frames, nothing lost or concealed", async () => {
    const heard: Int16Array[] = [];
    session.onAudio((pcm) => heard.push(pcm));
    session.configure(remote());
    const ramp = (n: number, from: number) => Uint8Array.from({ length: n }, (_, i) => ulawEncodeSample(((from + i) % 400) * 50));
    for (let i = 0; i < 8; i++) send(far.socket, 10 + i, i * 240, 0x1234, ramp(240, i * 240));
    for (let i = 0; i < 4; i++) send(far.socket, 18 + i, 1920 + i * 80, 0x1234, ramp(80, 1920 + i * 80));
    await waitFor(() => session.stats().packetsReceived === 12);
    await turns(14);
    expect(heard.map((f) => f.length)).toEqual(Array(14).fill(160));
    expect(session.jitterStats().concealed).toBe(0);
    const expected = Int16Array.from({ length: 2240 }, (_, i) => (i % 400) * 50);
    const got = Int16Array.from(heard.flatMap((f) => [...f]));
    // µ-law is lossy: each sample within its segment's step of what was sent.
    got.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(expected[i]! / 16 + 20));
  });

  test('hold: a direction without send stops our packets on the same port; unhold resumes them with a marker', async () => {
    session.configure(remote());
    await turns(3);
    await waitFor(() => far.got.length >= 3);
    const port = session.port;
    session.configure(remote({ direction: 'recvonly' }));
    far.got.length = 0;
    await turns(10);
    expect(far.got.length).toBe(0);
    session.configure(remote({ direction: 'inactive' }));
    await turns(5);
    expect(far.got.length).toBe(0);
    session.configure(remote());
    await turns(3);
    await waitFor(() => far.got.length >= 3);
    expect(decodeRtp(far.got[0]!)!.marker).toBe(true);
    expect(session.port).toBe(port);
  });

  test('sends digits as RFC 4733 events: one timestamp, marker first, end packet three times', async () => {
    session.configure(remote());
    const sent = session.sendDigits('5');
    await turns(9);
    await sent;
    const events = far.got.map((b) => decodeRtp(b)!).filter((p) => p.payloadType === 101);
    expect(events.length).toBe(7);
    expect(new Set(events.map((e) => e.timestamp)).size).toBe(1);
    expect(events.map((e) => e.marker)).toEqual([true, false, false, false, false, false, false]);
    expect(events.map((e) => e.payload[1]! >> 7)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(events.map((e) => (e.payload[2]! << 8) | e.payload[3]!)).toEqual([160, 320, 480, 640, 800, 800, 800]);
  });

  test('reports a received digit once, on its first end packet', async () => {
    const digits: string[] = [];
    session.onDigit((d) => digits.push(d));
    session.configure(remote());
    const ev = (seq: number, end: boolean, duration: number, ts = 5000) =>
      send(far.socket, seq, ts, 0x1234, encodeDtmf({ digit: '#', end, volume: 10, duration }), 101);
    ev(1, false, 160);
    ev(2, false, 320);
    ev(3, true, 480);
    ev(4, true, 480);
    ev(5, true, 480);
    ev(6, true, 480, 9000);
    await waitFor(() => digits.length >= 2);
    expect(digits).toEqual(['#', '#']);
  });

  test('RTCP: reports the loss it saw of the far end, and takes the round trip from LSR/DLSR', async () => {
    session.configure(remote());
    // 20 packets with 2 missing.
    for (let i = 0; i < 22; i++) {
      if (i !== 7 && i !== 15) send(far.socket, 300 + i, i * 160);
      await turns(1);
    }
    await waitFor(() => session.stats().packetsReceived === 20);
    expect(session.stats()).toMatchObject({ packetsReceived: 20, packetsLost: 2, roundTripMs: null });
    farRtcp.got.length = 0;
    session.rtcp.send();
    await waitFor(() => farRtcp.got.length > 0);
    const [sr] = parseRtcp(farRtcp.got[0]!);
    expect(sr).toMatchObject({ type: 'SR' });
    expect(sr!.blocks[0]).toMatchObject({ ssrc: 0x1234, cumulativeLost: 2, extendedMax: 321 });
    expect(sr!.blocks[0]!.fractionLost).toBe(Math.floor((2 * 256) / 22));
    // The far end answers 100 ms later, having held our report 30 ms: the round trip is 70 ms.
    const lsr = sr!.ntpMiddle!;
    clock.advance(100);
    const rr = buildReport({
      ssrc: 0x1234,
      nowMs: clock.now(),
      rtpTimestamp: 0,
      sent: null,
      block: { ssrc: parseRtcp(farRtcp.got[0]!)[0]!.ssrc, fractionLost: 0, cumulativeLost: 0, extendedMax: 0, jitter: 0, lsr, dlsr: Math.round(0.03 * 65536) },
      cname: 'far',
    });
    farRtcp.socket.send(rr, session.port + 1, '127.0.0.1');
    await waitFor(() => session.stats().roundTripMs !== null);
    expect(session.stats().roundTripMs).toBeCloseTo(70, 0);
    expect(ntpMiddle(clock.now()) - lsr).toBeGreaterThan(0);
  });

  test('RTCP while held is a receiver report; interarrival jitter follows RFC 3550 on a scripted arrival pattern', async () => {
    session.configure(remote({ direction: 'recvonly' }));
    // Packets 20 ms apart in timestamp, arriving alternately on time and 10 ms late: |D| = 80 samples each.
    for (let i = 0; i < 30; i++) {
      clock.advance(i % 2 ? 30 : 10);
      send(far.socket, 500 + i, i * 160);
      await waitFor(() => session.stats().packetsReceived === i + 1);
    }
    const expected = 80 * (1 - (15 / 16) ** 29);
    expect(session.stats().jitterMs).toBeCloseTo(expected / 8, 1);
    farRtcp.got.length = 0;
    session.rtcp.send();
    await waitFor(() => farRtcp.got.length > 0);
    const [rr] = parseRtcp(farRtcp.got[0]!);
    expect(rr).toMatchObject({ type: 'RR' });
    expect(rr!.blocks[0]).toMatchObject({ ssrc: 0x1234, cumulativeLost: 0, extendedMax: 529, jitter: Math.round(expected) });
  });
});
