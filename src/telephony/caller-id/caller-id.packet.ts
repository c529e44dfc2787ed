/**
 * Unformatted caller ID (+VCID=2 / #CID=2): the whole Bellcore GR-30 or ETSI EN 300 659 message as
 * one line of hex — type, length, body, checksum. SDMF (0x04) carries 'MMDDHHMM' and the number;
 * MDMF / ETSI call set-up (0x80) carries type-length-value parameters in any order.
 * The checksum is the two's complement of the byte sum, so all bytes including it sum to 0 mod 256.
 */
import type { CallerId } from '../line';

/**
 * Why a packet was not read: 'hex' not a hex string, 'truncated' fewer bytes than its length byte
 * announces (the modem lost the end of the burst), 'length' more bytes than announced or a parameter
 * running past the body, 'checksum' the bytes are complete but damaged, 'type' a valid message that
 * is no caller ID (message waiting, test, advice of charge, SMS).
 */
export type PacketFailure = 'hex' | 'truncated' | 'length' | 'checksum' | 'type';
export type PacketResult = { ok: true; cid: CallerId } | { ok: false; reason: PacketFailure };

/** MDMF / ETSI parameter types (reference §3.4, §3.5). */
const PARAM_NAMES: Record<number, string> = {
  0x01: 'datetime',
  0x02: 'number',
  0x03: 'dialable-number',
  0x04: 'number-absence',
  0x05: 'redirection',
  0x06: 'qualifier',
  0x07: 'name',
  0x08: 'name-absence',
  0x09: 'alternate-route',
  0x0b: 'message-waiting',
  0x0d: 'message-id',
  0x10: 'complementary-cli',
  0x11: 'call-type',
  0x13: 'messages',
  0x15: 'forwarded-call-type',
  0x16: 'calling-user-type',
  0x1a: 'redirecting-number',
  0x20: 'charge',
  0x21: 'additional-charge',
  0x23: 'duration',
  0x50: 'display',
  0x55: 'service-info',
  0xe0: 'operator-info',
};

export function hexToBytes(hex: string): Uint8Array | null {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

function empty(format: CallerId['format'], raw: string): CallerId {
  return { number: null, name: null, absence: null, date: null, time: null, format, extras: {}, raw: [raw] };
}

function absenceOf(code: string): CallerId['absence'] {
  return code === 'P' ? 'private' : code === 'O' ? 'unavailable' : null;
}

/** Decodes one packet; `raw` is kept in the result for the log. */
export function decodeCallerIdPacket(hex: string): PacketResult {
  const bytes = hexToBytes(hex);
  if (!bytes || bytes.length < 2) return { ok: false, reason: 'hex' };
  const type = bytes[0]!;
  const len = bytes[1]!;
  if (bytes.length < len + 3) return { ok: false, reason: 'truncated' };
  if (bytes.length > len + 3) return { ok: false, reason: 'length' };
  let sum = 0;
  for (const b of bytes) sum = (sum + b) & 0xff;
  if (sum !== 0) return { ok: false, reason: 'checksum' };
  const body = bytes.subarray(2, 2 + len);
  if (type === 0x04) return { ok: true, cid: sdmf(body, hex) };
  if (type === 0x80) return mdmf(body, hex);
  // 0x06/0x82 message waiting, 0x81 test, 0x86 advice of charge, 0x89 SMS: valid, but not a caller ID.
  return { ok: false, reason: 'type' };
}

function sdmf(body: Uint8Array, raw: string): CallerId {
  const cid = empty('sdmf', raw);
  const text = latin1(body);
  cid.date = text.slice(0, 4) || null;
  cid.time = text.slice(4, 8) || null;
  const rest = text.slice(8);
  const absence = rest.length === 1 ? absenceOf(rest) : null;
  if (absence) cid.absence = absence;
  else cid.number = rest || null;
  return cid;
}

function mdmf(body: Uint8Array, raw: string): PacketResult {
  const cid = empty('mdmf', raw);
  for (let i = 0; i < body.length;) {
    const p = body[i]!;
    const l = body[i + 1];
    if (l === undefined || i + 2 + l > body.length) return { ok: false, reason: 'length' };
    const value = body.subarray(i + 2, i + 2 + l);
    const text = latin1(value);
    switch (p) {
      case 0x01:
        cid.date = text.slice(0, 4);
        cid.time = text.slice(4, 8);
        break;
      case 0x02:
        cid.number = text;
        break;
      case 0x03:
        cid.extras['dialable-number'] = text;
        break;
      case 0x04:
        cid.absence = absenceOf(text) ?? cid.absence;
        break;
      case 0x07:
        cid.name = decodeName(value);
        break;
      case 0x08:
        if (!cid.name) cid.extras['name-absence'] = text === 'P' ? 'private' : 'unavailable';
        break;
      default:
        cid.extras[PARAM_NAMES[p] ?? `param-${p.toString(16).padStart(2, '0')}`] =
          /^[\x20-\x7e]*$/.test(text) && l > 1 ? text : Buffer.from(value).toString('hex');
    }
    i += 2 + l;
  }
  // The text form reads DDN_NMBR (the dialable number) as the number; a packet carrying only that
  // parameter says the same. An empty or missing number with no reason given is 'unavailable', so
  // the front desk sees why there is no number instead of a blank.
  if (!cid.number) cid.number = cid.extras['dialable-number'] || null;
  if (cid.number === null && cid.absence === null) cid.absence = 'unavailable';
  return { ok: true, cid };
}

/** Names are ASCII on most networks; some send UTF-8 or Latin-1 ('Vähälä'). */
export function decodeName(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return (utf8.includes('\uFFFD') ? latin1(bytes) : utf8).trim();
}
