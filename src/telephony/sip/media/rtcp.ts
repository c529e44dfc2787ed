/**
 * RTCP for one call (RFC 3550 §6): every ~5 s a compound packet — a sender report while we send, else a
 * receiver report, with one report block about the far end's stream (fraction and cumulative loss,
 * extended highest sequence, jitter, LSR/DLSR) and an SDES CNAME — to the far end's RTCP port, latched
 * like RTP to where its RTCP actually comes from. From its reports we take the round trip
 * (arrival − LSR − DLSR, §6.4.1) and what it says it lost of ours. A malformed packet is ignored.
 */
import type dgram from 'node:dgram';
import type { Timers } from '../../transport';
import type { ReceiveStats } from './receive-stats';

const NTP_EPOCH_OFFSET = 2208988800;
export const RTCP_INTERVAL_MS = 5000;

/** The middle 32 bits of the NTP time of `ms` (Unix milliseconds), in 1/65536 s: the unit of LSR and DLSR. */
export const ntpMiddle = (ms: number) => Math.floor(((ms / 1000 + NTP_EPOCH_OFFSET) * 65536) % 0x100000000) >>> 0;

export type FarReport = { fractionLost: number; cumulativeLost: number; jitter: number };

export type ReportBlock = { ssrc: number; fractionLost: number; cumulativeLost: number; extendedMax: number; jitter: number; lsr: number; dlsr: number };

export type ParsedRtcp = { type: 'SR' | 'RR'; ssrc: number; ntpMiddle: number | null; blocks: ReportBlock[] };

export function buildReport(o: {
  ssrc: number;
  nowMs: number;
  rtpTimestamp: number;
  sent: { packets: number; octets: number } | null;
  block: ReportBlock | null;
  cname: string;
}): Buffer {
  const blocks = o.block ? 1 : 0;
  const head = o.sent ? 28 : 8;
  const report = Buffer.alloc(head + 24 * blocks);
  report[0] = 0x80 | blocks;
  report[1] = o.sent ? 200 : 201;
  report.writeUInt16BE(report.length / 4 - 1, 2);
  report.writeUInt32BE(o.ssrc >>> 0, 4);
  let at = 8;
  if (o.sent) {
    const secs = o.nowMs / 1000 + NTP_EPOCH_OFFSET;
    report.writeUInt32BE(Math.floor(secs) >>> 0, 8);
    report.writeUInt32BE(Math.floor((secs % 1) * 0x100000000) >>> 0, 12);
    report.writeUInt32BE(o.rtpTimestamp >>> 0, 16);
    report.writeUInt32BE(o.sent.packets >>> 0, 20);
    report.writeUInt32BE(o.sent.octets >>> 0, 24);
    at = 28;
  }
  if (o.block) {
    const b = o.block;
    report.writeUInt32BE(b.ssrc >>> 0, at);
    report.writeUInt32BE(((b.fractionLost & 0xff) << 24) | (Math.min(b.cumulativeLost, 0x7fffff) & 0xffffff), at + 4);
    report.writeUInt32BE(b.extendedMax >>> 0, at + 8);
    report.writeUInt32BE(Math.round(b.jitter) >>> 0, at + 12);
    report.writeUInt32BE(b.lsr >>> 0, at + 16);
    report.writeUInt32BE(b.dlsr >>> 0, at + 20);
  }
  const name = Buffer.from(o.cname, 'utf8').subarray(0, 255);
  const sdesLen = Math.ceil((4 + 2 + name.length + 1) / 4) * 4;
  const sdes = Buffer.alloc(4 + sdesLen);
  sdes[0] = 0x81;
  sdes[1] = 202;
  sdes.writeUInt16BE(sdes.length / 4 - 1, 2);
  sdes.writeUInt32BE(o.ssrc >>> 0, 4);
  sdes[8] = 1;
  sdes[9] = name.length;
  name.copy(sdes, 10);
  return Buffer.concat([report, sdes]);
}

/** The SR and RR packets of a compound RTCP packet (SDES, BYE and others are skipped). */
export function parseRtcp(b: Buffer): ParsedRtcp[] {
  const out: ParsedRtcp[] = [];
  let at = 0;
  while (at + 8 <= b.length) {
    if (b[at]! >> 6 !== 2) break;
    const count = b[at]! & 0x1f;
    const pt = b[at + 1]!;
    const len = (b.readUInt16BE(at + 2) + 1) * 4;
    if (at + len > b.length) break;
    if (pt === 200 || pt === 201) {
      const ssrc = b.readUInt32BE(at + 4);
      let off = at + 8;
      let middle: number | null = null;
      if (pt === 200) {
        if (len < 28) break;
        middle = (((b.readUInt32BE(at + 8) & 0xffff) << 16) | (b.readUInt32BE(at + 12) >>> 16)) >>> 0;
        off = at + 28;
      }
      const blocks: ReportBlock[] = [];
      for (let i = 0; i < count && off + 24 <= at + len; i++, off += 24) {
        const lostWord = b.readUInt32BE(off + 4);
        let cumulative = lostWord & 0xffffff;
        if (cumulative & 0x800000) cumulative -= 0x1000000;
        blocks.push({
          ssrc: b.readUInt32BE(off),
          fractionLost: lostWord >>> 24,
          cumulativeLost: cumulative,
          extendedMax: b.readUInt32BE(off + 8),
          jitter: b.readUInt32BE(off + 12),
          lsr: b.readUInt32BE(off + 16),
          dlsr: b.readUInt32BE(off + 20),
        });
      }
      out.push({ type: pt === 200 ? 'SR' : 'RR', ssrc, ntpMiddle: middle, blocks });
    }
    at += len;
  }
  return out;
}

export class RtcpReporter {
  private remote: { address: string; port: number } | null = null;
  private latched = false;
  private remoteSsrc: number | null = null;
  private lastSr: { middle: number; arrivedMs: number } | null = null;
  private handle: unknown = null;
  private closed = false;
  private lastSentPackets = 0;
  roundTripMs: number | null = null;
  /** What the far end last reported about our stream. */
  farReport: FarReport | null = null;
  reportsSent = 0;

  constructor(
    private readonly socket: dgram.Socket,
    private readonly timers: Timers,
    private readonly ssrc: number,
    private readonly recv: ReceiveStats,
    private readonly sent: () => { packets: number; octets: number },
    private readonly rtpTimestamp: () => number,
    private readonly intervalMs = RTCP_INTERVAL_MS,
  ) {
    socket.on('message', (msg, rinfo) => this.onPacket(msg, rinfo));
    socket.on('error', () => undefined);
  }

  setRemote(r: { address: string; port: number }): void {
    if (!this.latched) this.remote = r;
    if (this.handle === null && !this.closed) this.schedule();
  }

  setRemoteSsrc(ssrc: number): void {
    if (this.remoteSsrc !== ssrc) this.lastSr = null;
    this.remoteSsrc = ssrc;
  }

  private schedule(): void {
    // RFC 3550 §6.3.5: randomise each interval in [0.5, 1.5] so reports from many calls do not bunch up.
    this.handle = this.timers.setTimeout(() => this.send(), this.intervalMs * (0.5 + Math.random()));
  }

  /** Sends one compound report now (the timer calls this; tests may too). */
  send(): void {
    this.handle = null;
    if (this.closed) return;
    const now = this.timers.now();
    const sent = this.sent();
    const sending = sent.packets > this.lastSentPackets;
    this.lastSentPackets = sent.packets;
    const block =
      this.remoteSsrc !== null && this.recv.active
        ? {
            ssrc: this.remoteSsrc,
            fractionLost: this.recv.takeFractionLost(),
            cumulativeLost: this.recv.lost,
            extendedMax: this.recv.extendedMax,
            jitter: this.recv.jitter,
            lsr: this.lastSr?.middle ?? 0,
            dlsr: this.lastSr ? Math.round(((now - this.lastSr.arrivedMs) / 1000) * 65536) : 0,
          }
        : null;
    const cname = `monshi@${this.ssrc}`;
    const packet = buildReport({ ssrc: this.ssrc, nowMs: now, rtpTimestamp: this.rtpTimestamp(), sent: sending ? sent : null, block, cname });
    if (this.remote) {
      this.socket.send(packet, this.remote.port, this.remote.address);
      this.reportsSent++;
    }
    this.schedule();
  }

  private onPacket(msg: Buffer, from: dgram.RemoteInfo): void {
    const now = this.timers.now();
    const reports = parseRtcp(msg);
    if (reports.length === 0) return;
    if (!this.latched) {
      this.latched = true;
      this.remote = { address: from.address, port: from.port };
    }
    for (const r of reports) {
      if (r.type === 'SR' && r.ntpMiddle !== null) this.lastSr = { middle: r.ntpMiddle, arrivedMs: now };
      for (const b of r.blocks) {
        if (b.ssrc !== this.ssrc) continue;
        this.farReport = { fractionLost: b.fractionLost / 256, cumulativeLost: b.cumulativeLost, jitter: b.jitter };
        if (b.lsr !== 0) {
          const rtt = (ntpMiddle(now) - b.lsr - b.dlsr) >>> 0;
          // A far end with a wrong DLSR gives a wrapped, absurd value: keep the last good one then.
          if (rtt < 65536 * 10) this.roundTripMs = (rtt / 65536) * 1000;
        }
      }
    }
  }

  close(): void {
    this.closed = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.socket.close();
  }
}
