/**
 * SIP media costs, on real loopback UDP (`BENCH=siprtp`):
 * - sip_rtp_frame_cpu_us: process CPU (user + system, so the kernel's UDP work counts) per 20 ms frame
 *   sent AND received: two RTP sessions call each other, both playing, on a clock the bench drives as
 *   fast as the machine goes, so the figure is the work per frame, not the 20 ms wait.
 * - sip_rtp_jitter_buffer_ns: one packet through the jitter buffer (push + pop), with 5% reordered and
 *   1% lost, the receive path's own share of the figure above.
 * - sip_rtp_jitter_p95_ms: send-time jitter of real-timer pacing with two calls playing at once: the
 *   95th percentile of |interval − 20 ms| between a call's packets as its far end receives them
 *   (issue 17's goal is ≤ 5 ms; the IVR engine is not in this loop, only the media it plays through).
 */
import dgram from 'node:dgram';
import { performance } from 'node:perf_hooks';
import { JitterBuffer } from '../src/telephony/sip/media/jitter-buffer';
import { openRtpSession, type RemoteMedia, type RtpSession } from '../src/telephony/sip/media/rtp-session';
import type { Timers } from '../src/telephony/transport';
import { p, round } from './bench-util';

const FRAMES = 3000;

/** A clock that moves only when told: the sessions' 20 ms turns run back to back. */
function driveClock() {
  let now = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let seq = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      queue.push({ at: now + ms, fn, id: ++seq });
      return seq;
    },
    clearTimeout: (id) => {
      const i = queue.findIndex((e) => e.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      now = next.at;
      next.fn();
    }
    now = end;
  };
  return { timers, advance };
}

const noise = (n: number) => Int16Array.from({ length: n }, () => Math.round((Math.random() - 0.5) * 16000));
const immediate = () => new Promise((r) => setImmediate(r));
const range = { min: 46000, max: 46999 };

async function pair(timers?: Timers): Promise<[RtpSession, RtpSession]> {
  const a = await openRtpSession({ localAddress: '127.0.0.1', portRange: range, codecs: ['PCMU'], ...(timers ? { timers } : {}) });
  const b = await openRtpSession({ localAddress: '127.0.0.1', portRange: range, codecs: ['PCMU'], ...(timers ? { timers } : {}) });
  const to = (s: RtpSession): RemoteMedia => {
    return { address: '127.0.0.1', port: s.port, rtcpPort: s.port + 1, codec: 'PCMU', pt: 0, eventPt: 101, direction: 'sendrecv' };
  };
  a.configure(to(b));
  b.configure(to(a));
  return [a, b];
}

async function frameCpu(): Promise<number> {
  const clock = driveClock();
  const [a, b] = await pair(clock.timers);
  let heard = 0;
  a.onAudio(() => heard++);
  b.onAudio(() => heard++);
  void a.play(noise(160 * (FRAMES + 50)));
  void b.play(noise(160 * (FRAMES + 50)));
  for (let i = 0; i < 50; i++) {
    clock.advance(20);
    await immediate();
  }
  const cpu = process.cpuUsage();
  const sentBefore = a.stats().packetsSent + b.stats().packetsSent;
  const heardBefore = heard;
  for (let i = 0; i < FRAMES; i++) {
    clock.advance(20);
    await immediate();
  }
  const used = process.cpuUsage(cpu);
  const frames = (a.stats().packetsSent + b.stats().packetsSent - sentBefore + (heard - heardBefore)) / 2;
  a.close();
  b.close();
  // One "frame" = one packet sent and one frame received.
  return (used.user + used.system) / frames;
}

function jitterBufferNs(): number {
  const jb = new JitterBuffer();
  const pcm = new Int16Array(160);
  const n = 200_000;
  const start = performance.now();
  let seq = 0;
  for (let i = 0; i < n; i++) {
    const r = (i * 2654435761) % 100;
    if (r === 0) {
      seq++; // lost
    } else if (r < 6) {
      jb.push((seq + 1) & 0xffff, pcm); // the next one first, then this one
      jb.push(seq & 0xffff, pcm);
      seq += 2;
    } else {
      jb.push(seq++ & 0xffff, pcm);
    }
    jb.pop();
  }
  return ((performance.now() - start) * 1e6) / n;
}

async function sendJitter(seconds: number): Promise<number> {
  // Nothing sends to these sessions, so they do not latch away from the far socket.
  const calls = [await openRtpSession({ localAddress: '127.0.0.1', portRange: range, codecs: ['PCMU'] })];
  calls.push(await openRtpSession({ localAddress: '127.0.0.1', portRange: range, codecs: ['PCMU'] }));
  const deviations: number[] = [];
  const far = dgram.createSocket('udp4');
  await new Promise<void>((r) => far.bind(0, '127.0.0.1', () => r()));
  // Both calls send to one far socket; their packets are told apart by SSRC.
  const last = new Map<number, number>();
  far.on('message', (m) => {
    const now = performance.now();
    const ssrc = m.readUInt32BE(8);
    const prev = last.get(ssrc);
    if (prev !== undefined) deviations.push(Math.abs(now - prev - 20));
    last.set(ssrc, now);
  });
  const port = far.address().port;
  for (const a of calls) {
    a.configure({ address: '127.0.0.1', port, rtcpPort: port, codec: 'PCMU', pt: 0, eventPt: 101, direction: 'sendrecv' });
    void a.play(noise(8000 * (seconds + 1)));
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  for (const s of calls) s.close();
  far.close();
  if (deviations.length < 200) throw new Error(`sip-rtp bench: only ${deviations.length} packets reached the far end`);
  // The first second is start-up (JIT, socket buffers): left out.
  return p(deviations.slice(100), 0.95);
}

export async function sipRtpBench(): Promise<Record<string, number>> {
  const cpu = await frameCpu();
  const jb = jitterBufferNs();
  const jitter = await sendJitter(6);
  return { sip_rtp_frame_cpu_us: round(cpu, 1), sip_rtp_jitter_buffer_ns: round(jb, 0), sip_rtp_jitter_p95_ms: round(jitter, 2) };
}
