/**
 * The RTP session of one call: a UDP socket pair from the line's port range (even RTP, the next odd one
 * for RTCP), 20 ms frames sent on a paced clock (the injected timers, corrected for drift so a slow turn
 * does not slow the stream), G.711 both ways, RFC 4733 digits both ways, the jitter buffer on receive,
 * symmetric RTP (we send to where the far end's packets actually come from once they arrive, which is
 * what gets audio through a NAT the SDP address does not know about) and hold: a direction without
 * 'send' stops our packets, the socket and port stay for the unhold.
 */
import dgram from 'node:dgram';
import os from 'node:os';
import { getCodec, type Codec } from '../../audio/codecs';
import type { Pcm } from '../../line';
import type { CallMedia, MediaDirection, MediaOptions, MediaStats, RtpCodecName } from '../sip-media';
import { realTimers, type Timers } from '../../transport';
import { JitterBuffer } from './jitter-buffer';
import { ReceiveStats } from './receive-stats';
import { decodeDtmf, decodeRtp, encodeDtmf, encodeRtp, isDtmfKey } from './rtp-packet';
import { RtcpReporter } from './rtcp';

const FRAME = 160;
const TICK_MS = 20;
/** A digit is sent as 100 ms of tone, 3 end packets, then 60 ms of pause (the ITU minimums with margin). */
const DTMF_TONE_TICKS = 5;
const DTMF_PAUSE_TICKS = 3;

/** What signalling agreed about the far end, from the SDP offer/answer. */
export type RemoteMedia = {
  address: string;
  port: number;
  rtcpPort: number;
  codec: RtpCodecName;
  pt: number;
  eventPt: number | null;
  direction: MediaDirection;
};

type Endpoint = { address: string; port: number };
type Play = { pcm: Pcm; offset: number; done: (r: 'end' | 'stop') => void };
type Digit = { digit: string; tick: number; timestamp: number; done?: () => void };

const codecName = (c: RtpCodecName) => (c === 'PCMU' ? 'ulaw' : 'alaw');
const sends = (d: MediaDirection) => d === 'sendrecv' || d === 'sendonly';
const receives = (d: MediaDirection) => d === 'sendrecv' || d === 'recvonly';

function concat(parts: Pcm[], length: number): Pcm {
  const out = new Int16Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The address we announce in SDP: the bound one, or for 0.0.0.0 the first external IPv4 of this machine. */
export function announcedAddress(local: string): string {
  if (local !== '0.0.0.0') return local;
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/** The port range setting cannot give this call its ports; `code` lets the line say so in the user's language. */
export class RtpPortError extends Error {
  constructor(
    readonly code: 'range-full' | 'range-empty',
    message: string,
  ) {
    super(message);
    this.name = 'RtpPortError';
  }
}

function bind(socket: dgram.Socket, port: number, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const onError = () => resolve(false);
    socket.once('error', onError);
    socket.bind(port, address, () => {
      socket.off('error', onError);
      resolve(true);
    });
  });
}

/** Binds an even RTP port and the odd one after it from the range, starting at a random place so calls spread out. */
async function bindPair(o: MediaOptions): Promise<{ rtp: dgram.Socket; rtcp: dgram.Socket; port: number }> {
  const first = o.portRange.min + (o.portRange.min % 2);
  // Pairs (first, first+1), (first+2, first+3)… whose odd port is still inside the range.
  const count = Math.floor((o.portRange.max - first + 1) / 2);
  if (count <= 0) throw new RtpPortError('range-empty', `the RTP port range ${o.portRange.min}–${o.portRange.max} holds no even/odd port pair`);
  const start = Math.floor(Math.random() * count);
  for (let i = 0; i < count; i++) {
    const port = first + 2 * ((start + i) % count);
    const rtp = dgram.createSocket('udp4');
    if (await bind(rtp, port, o.localAddress)) {
      const rtcp = dgram.createSocket('udp4');
      if (await bind(rtcp, port + 1, o.localAddress)) return { rtp, rtcp, port };
      rtcp.close();
    }
    rtp.close();
  }
  throw new RtpPortError('range-full', `no free RTP port pair in the range ${o.portRange.min}–${o.portRange.max}`);
}

export async function openRtpSession(o: MediaOptions): Promise<RtpSession> {
  const { rtp, rtcp, port } = await bindPair(o);
  return new RtpSession(o, rtp, rtcp, port);
}

export class RtpSession implements CallMedia {
  readonly address: string;
  private readonly timers: Timers;
  private remote: RemoteMedia | null = null;
  private target: Endpoint | null = null;
  private latchedSsrc: number | null = null;
  private readonly ssrc = (Math.random() * 0x100000000) >>> 0;
  private seq = Math.floor(Math.random() * 0x10000);
  private timestamp = (Math.random() * 0x100000000) >>> 0;
  private marker = true;
  private encoder: Codec;
  private decoders = new Map<number, Codec>();
  private play_: Play | null = null;
  private digits: Digit[] = [];
  private lastDigitTs: number | null = null;
  private readonly jitter = new JitterBuffer();
  private carry: Pcm = new Int16Array(0);
  private readonly recv = new ReceiveStats();
  private readonly audioListeners = new Set<(pcm: Pcm) => void>();
  private readonly digitListeners = new Set<(d: string) => void>();
  private tickHandle: unknown = null;
  private tickStart = 0;
  private tickCount = 0;
  private closed = false;
  readonly rtcp: RtcpReporter;
  sent = { packets: 0, octets: 0 };

  constructor(
    private readonly options: MediaOptions,
    private readonly socket: dgram.Socket,
    rtcpSocket: dgram.Socket,
    readonly port: number,
  ) {
    this.timers = options.timers ?? realTimers;
    this.address = announcedAddress(options.localAddress);
    this.encoder = getCodec(codecName(options.codecs[0] ?? 'PCMU'));
    socket.on('message', (msg, rinfo) => this.onPacket(msg, rinfo));
    // A stray ICMP "port unreachable" surfaces as an error on the socket; it must not end the call.
    socket.on('error', () => undefined);
    this.rtcp = new RtcpReporter(
      rtcpSocket,
      this.timers,
      this.ssrc,
      this.recv,
      () => this.sent,
      () => this.rtpTimestampNow(),
    );
  }

  get codec(): RtpCodecName {
    return this.remote?.codec ?? this.options.codecs[0] ?? 'PCMU';
  }

  get direction(): MediaDirection {
    return this.remote?.direction ?? 'sendrecv';
  }

  get telephoneEvents(): boolean {
    return (this.remote?.eventPt ?? null) !== null;
  }

  /** Applies a negotiated description: the first starts the stream, a later one (re-INVITE, hold) changes it in place. */
  configure(r: RemoteMedia): void {
    const moved = !this.remote || this.remote.address !== r.address || this.remote.port !== r.port;
    if (!this.remote || this.remote.codec !== r.codec) this.encoder = getCodec(codecName(r.codec));
    this.remote = r;
    if (moved) {
      this.target = { address: r.address, port: r.port };
      this.latchedSsrc = null;
    }
    this.rtcp.setRemote({ address: r.address, port: r.rtcpPort });
    if (this.tickHandle === null && !this.closed) {
      this.tickStart = this.timers.now();
      this.tickCount = 0;
      this.schedule();
    }
  }

  private schedule(): void {
    const due = this.tickStart + (this.tickCount + 1) * TICK_MS;
    this.tickHandle = this.timers.setTimeout(() => this.tick(), Math.max(0, due - this.timers.now()));
  }

  private tick(): void {
    this.tickHandle = null;
    if (this.closed) return;
    this.tickCount++;
    // After a long stall (a suspended machine), skip the missed frames rather than burst them out.
    const behind = this.timers.now() - (this.tickStart + this.tickCount * TICK_MS);
    if (behind > 200) {
      const skip = Math.floor(behind / TICK_MS);
      this.tickCount += skip;
      this.timestamp = (this.timestamp + skip * FRAME) >>> 0;
    }
    this.receiveTurn();
    this.sendTurn();
    this.timestamp = (this.timestamp + FRAME) >>> 0;
    this.schedule();
  }

  /** Cuts what the jitter buffer gives into 160-sample frames: a far end may send 10 or 30 ms packets (its own ptime). */
  private receiveTurn(): void {
    const parts: Pcm[] = this.carry.length > 0 ? [this.carry] : [];
    let have = this.carry.length;
    while (have < FRAME) {
      const f = this.jitter.pop();
      if (!f) break;
      parts.push(f.pcm);
      have += f.pcm.length;
    }
    if (have < FRAME) {
      this.carry = parts.length === 1 ? parts[0]! : concat(parts, have);
      return;
    }
    const all = parts.length === 1 ? parts[0]! : concat(parts, have);
    this.carry = all.subarray(FRAME);
    const frame = all.subarray(0, FRAME);
    if (receives(this.direction)) for (const l of this.audioListeners) l(frame);
  }

  private sendTurn(): void {
    const digit = this.digits[0];
    if (digit) {
      this.sendDigitTurn(digit);
      return;
    }
    let pcm: Pcm;
    const p = this.play_;
    if (p) {
      pcm = new Int16Array(FRAME);
      pcm.set(p.pcm.subarray(p.offset, p.offset + FRAME));
      p.offset += FRAME;
      if (p.offset >= p.pcm.length) {
        this.play_ = null;
        p.done('end');
      }
    } else {
      pcm = new Int16Array(FRAME);
    }
    if (!this.remote || !sends(this.direction)) {
      // Held: nothing goes out, and the next packet after unhold starts a new talkspurt.
      this.marker = true;
      return;
    }
    this.sendRtp(this.remote.pt, this.timestamp, this.encoder.encode(pcm));
  }

  private sendDigitTurn(d: Digit): void {
    const r = this.remote;
    d.tick++;
    if (d.tick === 1) d.timestamp = this.timestamp;
    if (r && r.eventPt !== null && sends(this.direction) && d.tick <= DTMF_TONE_TICKS + 2) {
      const end = d.tick >= DTMF_TONE_TICKS;
      const duration = Math.min(d.tick, DTMF_TONE_TICKS) * FRAME;
      if (d.tick === 1) this.marker = true;
      // The end packet goes three times (RFC 4733 §2.5.1.4) in case one is lost.
      const copies = d.tick === DTMF_TONE_TICKS ? 3 : end ? 0 : 1;
      for (let i = 0; i < copies; i++) this.sendRtp(r.eventPt, d.timestamp, encodeDtmf({ digit: d.digit, end, volume: 10, duration }));
    }
    if (d.tick >= DTMF_TONE_TICKS + DTMF_PAUSE_TICKS) {
      this.digits.shift();
      this.marker = true;
      d.done?.();
    }
  }

  private sendRtp(pt: number, timestamp: number, payload: Uint8Array): void {
    if (!this.target) return;
    const packet = encodeRtp({ marker: this.marker, payloadType: pt, sequence: this.seq, timestamp, ssrc: this.ssrc, payload });
    this.marker = false;
    this.seq = (this.seq + 1) & 0xffff;
    this.sent.packets++;
    this.sent.octets += payload.length;
    this.socket.send(packet, this.target.port, this.target.address);
  }

  private onPacket(msg: Buffer, from: dgram.RemoteInfo): void {
    const r = this.remote;
    const p = decodeRtp(msg);
    if (!r || !p) return;
    const isEvent = r.eventPt !== null && p.payloadType === r.eventPt;
    const isAudio = p.payloadType === 0 || p.payloadType === 8;
    if (!isEvent && !isAudio) return;
    if (this.latchedSsrc !== p.ssrc) {
      // A new source (the first packet, or the far end restarted its stream): latch onto where it comes from.
      if (this.latchedSsrc !== null) {
        this.jitter.reset();
        this.carry = new Int16Array(0);
        this.recv.restart();
        this.lastDigitTs = null;
      }
      this.latchedSsrc = p.ssrc;
      this.target = { address: from.address, port: from.port };
      this.rtcp.setRemoteSsrc(p.ssrc);
    }
    this.recv.update(p.sequence, p.timestamp, Math.round(this.timers.now() * 8));
    if (isEvent) {
      const e = decodeDtmf(p.payload);
      // Reported once, on its first end packet: the repeats carry the same timestamp.
      if (e?.end && this.lastDigitTs !== p.timestamp) {
        this.lastDigitTs = p.timestamp;
        for (const l of this.digitListeners) l(e.digit);
      }
      return;
    }
    let dec = this.decoders.get(p.payloadType);
    if (!dec) this.decoders.set(p.payloadType, (dec = getCodec(p.payloadType === 0 ? 'ulaw' : 'alaw')));
    this.jitter.push(p.sequence, dec.decode(p.payload));
  }

  private rtpTimestampNow(): number {
    return this.timestamp;
  }

  play(pcm: Pcm): Promise<'end' | 'stop'> {
    this.stop();
    if (pcm.length === 0 || this.closed) return Promise.resolve('end');
    return new Promise((done) => {
      this.play_ = { pcm, offset: 0, done };
    });
  }

  stop(): void {
    const p = this.play_;
    this.play_ = null;
    p?.done('stop');
  }

  sendDigits(digits: string): Promise<void> {
    const keys = [...digits].filter(isDtmfKey);
    if (keys.length === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      keys.forEach((digit, i) => this.digits.push({ digit, tick: 0, timestamp: 0, ...(i === keys.length - 1 ? { done: resolve } : {}) }));
    });
  }

  onAudio(listener: (pcm: Pcm) => void): () => void {
    this.audioListeners.add(listener);
    return () => this.audioListeners.delete(listener);
  }

  onDigit(listener: (digit: string) => void): () => void {
    this.digitListeners.add(listener);
    return () => this.digitListeners.delete(listener);
  }

  stats(): MediaStats {
    return {
      packetsSent: this.sent.packets,
      packetsReceived: this.recv.received,
      packetsLost: this.recv.lost,
      jitterMs: this.recv.jitter / 8,
      roundTripMs: this.rtcp.roundTripMs,
    };
  }

  /** The jitter buffer's counts (late, duplicate, concealed), for diagnostics and tests. */
  jitterStats() {
    return { ...this.jitter.stats };
  }

  /** Where our packets go now (after latching, the far end's real source address). */
  get sendTarget(): Endpoint | null {
    return this.target;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.tickHandle !== null) this.timers.clearTimeout(this.tickHandle);
    this.tickHandle = null;
    this.stop();
    for (const d of this.digits) d.done?.();
    this.digits = [];
    this.rtcp.close();
    this.socket.close();
  }
}
