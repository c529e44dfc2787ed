/**
 * RTP packets (RFC 3550 §5.1) and RFC 4733 telephone-event payloads, as bytes. Only what a G.711 line
 * sends is written (no CSRC, no extension); what arrives may carry CSRCs, an extension or padding,
 * which are skipped. A datagram that is not RTP version 2 is refused (null), never thrown on.
 */

export type RtpPacket = {
  marker: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  payload: Uint8Array;
};

export function encodeRtp(p: RtpPacket): Buffer {
  const b = Buffer.alloc(12 + p.payload.length);
  b[0] = 0x80;
  b[1] = (p.marker ? 0x80 : 0) | (p.payloadType & 0x7f);
  b.writeUInt16BE(p.sequence & 0xffff, 2);
  b.writeUInt32BE(p.timestamp >>> 0, 4);
  b.writeUInt32BE(p.ssrc >>> 0, 8);
  b.set(p.payload, 12);
  return b;
}

export function decodeRtp(b: Uint8Array): RtpPacket | null {
  if (b.length < 12 || b[0]! >> 6 !== 2) return null;
  const pt = b[1]! & 0x7f;
  // 72–76 are RTCP packet types arriving on the RTP port (RFC 5761 mux): not RTP.
  if (pt >= 72 && pt <= 76) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let offset = 12 + (b[0]! & 0x0f) * 4;
  if (b[0]! & 0x10) {
    if (b.length < offset + 4) return null;
    offset += 4 + view.getUint16(offset + 2) * 4;
  }
  let end = b.length;
  if (b[0]! & 0x20) end -= b[b.length - 1]!;
  if (offset > end) return null;
  return {
    marker: (b[1]! & 0x80) !== 0,
    payloadType: pt,
    sequence: view.getUint16(2),
    timestamp: view.getUint32(4),
    ssrc: view.getUint32(8),
    payload: b.subarray(offset, end),
  };
}

/** An RFC 4733 event: the key (0–9, *, #, A–D), whether this packet ends it, its volume and duration so far in samples. */
export type DtmfEvent = { digit: string; end: boolean; volume: number; duration: number };

const EVENT_DIGITS = '0123456789*#ABCD';

export function encodeDtmf(e: DtmfEvent): Uint8Array {
  const code = EVENT_DIGITS.indexOf(e.digit.toUpperCase());
  if (code < 0) throw new Error(`'${e.digit}' is not a DTMF key`);
  const b = new Uint8Array(4);
  b[0] = code;
  b[1] = (e.end ? 0x80 : 0) | (e.volume & 0x3f);
  b[2] = (e.duration >> 8) & 0xff;
  b[3] = e.duration & 0xff;
  return b;
}

/** Null for an event that is not a key (flash, tones 16+) or a payload too short. */
export function decodeDtmf(b: Uint8Array): DtmfEvent | null {
  if (b.length < 4) return null;
  const digit = EVENT_DIGITS[b[0]!];
  if (digit === undefined) return null;
  return { digit, end: (b[1]! & 0x80) !== 0, volume: b[1]! & 0x3f, duration: (b[2]! << 8) | b[3]! };
}

export const isDtmfKey = (d: string) => d.length === 1 && EVENT_DIGITS.includes(d.toUpperCase());
