/**
 * The sample formats voice modems speak (+VSM), to and from the 16-bit PCM used above the line.
 * G.711 µ-law and A-law follow the standard segment tables; 8-bit linear is unsigned (silence 0x80)
 * on the Conexant "UNSIGNED PCM" and USR "8-BIT LINEAR" methods, signed on "SIGNED PCM".
 */
export type CodecName = 'u8' | 's8' | 's16le' | 'ulaw' | 'alaw';

export type Codec = {
  name: CodecName;
  bitsPerSample: number;
  encode(pcm: Int16Array): Uint8Array;
  decode(bytes: Uint8Array): Int16Array;
  /** The byte that means silence, for padding. */
  silenceByte: number;
};

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

const map = (pcm: Int16Array, f: (s: number) => number) => Uint8Array.from(pcm, f);

export function getCodec(name: CodecName): Codec {
  switch (name) {
    case 'u8':
      return { name, bitsPerSample: 8, silenceByte: 0x80, encode: (p) => map(p, (s) => (s >> 8) + 128), decode: (b) => Int16Array.from(b, (x) => (x - 128) << 8) };
    case 's8':
      return { name, bitsPerSample: 8, silenceByte: 0, encode: (p) => map(p, (s) => (s >> 8) & 0xff), decode: (b) => Int16Array.from(b, (x) => ((x << 24) >> 24) << 8) };
    case 'ulaw':
      return { name, bitsPerSample: 8, silenceByte: 0xff, encode: (p) => map(p, ulawEncodeSample), decode: (b) => Int16Array.from(b, ulawDecodeSample) };
    case 'alaw':
      return { name, bitsPerSample: 8, silenceByte: 0xd5, encode: (p) => map(p, alawEncodeSample), decode: (b) => Int16Array.from(b, alawDecodeSample) };
    case 's16le':
      return {
        name,
        bitsPerSample: 16,
        silenceByte: 0,
        encode: (p) => new Uint8Array(Int16Array.from(p).buffer),
        decode: (b) => {
          const out = new Int16Array(b.length >> 1);
          for (let i = 0; i < out.length; i++) out[i] = (b[2 * i]! | (b[2 * i + 1]! << 8)) << 16 >> 16;
          return out;
        },
      };
  }
}
