/**
 * The sample formats voice modems speak (+VSM), to and from the 16-bit PCM used above the line.
 * G.711 µ-law and A-law follow the standard segment tables; 8-bit linear is unsigned (silence 0x80)
 * on the Conexant "UNSIGNED PCM" and USR "8-BIT LINEAR" methods, signed on "SIGNED PCM"; 16-bit
 * linear is little-endian; IMA ADPCM (4 bits, two samples a byte) is in ima-adpcm.ts.
 */
import type { Codec, CodecName } from './codec';
import { createImaCodec } from './ima-adpcm';

export type { Codec, CodecName } from './codec';

export function ulawEncodeSample(sample: number): number {
  const BIAS = 0x84;
  let s = Math.max(-32635, Math.min(32635, sample));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  s += BIAS;
  let exp = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exp > 0; mask >>= 1) exp--;
  return ~(sign | (exp << 4) | ((s >> (exp + 3)) & 0x0f)) & 0xff;
}

export function ulawDecodeSample(b: number): number {
  const u = ~b & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

const ALAW_SEG_END = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

export function alawEncodeSample(sample: number): number {
  let v = Math.max(-32768, Math.min(32767, sample)) >> 3;
  let mask = 0xd5;
  if (v < 0) {
    mask = 0x55;
    v = -v - 1;
  }
  let seg = 0;
  while (seg < 8 && v > ALAW_SEG_END[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  const aval = (seg << 4) | ((seg < 2 ? v >> 1 : v >> seg) & 0x0f);
  return aval ^ mask;
}

export function alawDecodeSample(b: number): number {
  const a = b ^ 0x55;
  let t = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  if (seg === 0) t += 8;
  else t = (t + 0x108) << (seg - 1);
  return a & 0x80 ? t : -t;
}

/** A byte-per-sample codec: no state, nothing held. */
function perByte(name: CodecName, silenceByte: number, enc: (s: number) => number, dec: (b: number) => number): Codec {
  return {
    name,
    bitsPerSample: 8,
    silenceByte,
    encode: (p) => Uint8Array.from(p, enc),
    flush: () => new Uint8Array(0),
    decode: (b) => Int16Array.from(b, dec),
  };
}

function s16leCodec(): Codec {
  let odd: number | null = null; // the low byte of a sample whose high byte is in the next run
  return {
    name: 's16le',
    bitsPerSample: 16,
    silenceByte: 0,
    encode: (p) => new Uint8Array(Int16Array.from(p).buffer),
    flush: () => new Uint8Array(0),
    decode: (run) => {
      let b = run;
      if (odd !== null) {
        b = new Uint8Array(run.length + 1);
        b[0] = odd;
        b.set(run, 1);
      }
      const out = new Int16Array(b.length >> 1);
      for (let i = 0; i < out.length; i++) out[i] = ((b[2 * i]! | (b[2 * i + 1]! << 8)) << 16) >> 16;
      odd = b.length & 1 ? b[b.length - 1]! : null;
      return out;
    },
  };
}

/** A fresh codec for one stream (see `Codec`). */
export function getCodec(name: CodecName): Codec {
  switch (name) {
    case 'u8':
      return perByte(
        name,
        0x80,
        (s) => (s >> 8) + 128,
        (x) => (x - 128) << 8,
      );
    case 's8':
      return perByte(
        name,
        0,
        (s) => (s >> 8) & 0xff,
        (x) => ((x << 24) >> 24) << 8,
      );
    case 'ulaw':
      return perByte(name, 0xff, ulawEncodeSample, ulawDecodeSample);
    case 'alaw':
      return perByte(name, 0xd5, alawEncodeSample, alawDecodeSample);
    case 's16le':
      return s16leCodec();
    case 'ima':
      return createImaCodec();
  }
}
