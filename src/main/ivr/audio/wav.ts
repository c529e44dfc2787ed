/**
 * WAV files in and out. Reading accepts what people actually have: PCM 8/16/24/32-bit, IEEE float
 * 32/64-bit, G.711 µ-law and A-law, WAVE_FORMAT_EXTENSIBLE, odd chunk padding, a data chunk whose
 * size field is 0 or too large (streamed recorders). Writing is always 16-bit PCM.
 */
import { alawDecodeSample, ulawDecodeSample } from '../../../telephony/audio/codecs';

export type DecodedAudio = { rate: number; channels: Float32Array[] };

export class WavError extends Error {
  constructor(
    readonly reason: 'not-wav' | 'format' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

const FMT_PCM = 1;
const FMT_FLOAT = 3;
const FMT_ALAW = 6;
const FMT_ULAW = 7;
const FMT_EXTENSIBLE = 0xfffe;

export function isWav(buf: Uint8Array): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WAVE';
}

/** Decodes a WAV file to one float array (-1…1) per channel. */
export function parseWav(buf: Uint8Array): DecodedAudio {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (!isWav(b)) throw new WavError('not-wav', 'not a RIFF/WAVE file');
  let off = 12;
  let fmt: { format: number; channels: number; rate: number; bits: number; align: number } | null = null;
  let data: Buffer | null = null;
  while (off + 8 <= b.length) {
    const id = b.toString('latin1', off, off + 4);
    let size = b.readUInt32LE(off + 4);
    const start = off + 8;
    if (id === 'data' && (size === 0 || start + size > b.length)) size = b.length - start;
    if (id === 'fmt ') {
      if (size < 16) throw new WavError('format', 'fmt chunk too short');
      let format = b.readUInt16LE(start);
      const channels = b.readUInt16LE(start + 2);
      const rate = b.readUInt32LE(start + 4);
      const align = b.readUInt16LE(start + 12);
      const bits = b.readUInt16LE(start + 14);
      // The sub-format GUID begins with the real format tag.
      if (format === FMT_EXTENSIBLE && size >= 26) format = b.readUInt16LE(start + 24);
      fmt = { format, channels, rate, bits, align };
    } else if (id === 'data') data = b.subarray(start, start + size);
    off = start + size + (size & 1);
  }
  if (!fmt) throw new WavError('format', 'no fmt chunk');
  if (!data) throw new WavError('empty', 'no data chunk');
  const { format, channels, rate, bits } = fmt;
  if (channels < 1 || channels > 16 || rate < 1000 || rate > 384_000) throw new WavError('format', `${channels} channels at ${rate} Hz`);
  const bytes = Math.ceil(bits / 8);
  const align = fmt.align || bytes * channels;
  const read = sampleReader(format, bits);
  if (!read) throw new WavError('format', `unsupported sample format ${format}/${bits}-bit`);
  const frames = Math.floor(data.length / align);
  if (frames === 0) throw new WavError('empty', 'no samples');
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) out[c]![i] = read(data, i * align + c * bytes);
  return { rate, channels: out };
}

function sampleReader(format: number, bits: number): ((d: Buffer, o: number) => number) | null {
  if (format === FMT_PCM) {
    if (bits === 8) return (d, o) => (d[o]! - 128) / 128;
    if (bits === 16) return (d, o) => d.readInt16LE(o) / 32768;
    if (bits === 24) return (d, o) => d.readIntLE(o, 3) / 8388608;
    if (bits === 32) return (d, o) => d.readInt32LE(o) / 2147483648;
  }
  if (format === FMT_FLOAT) {
    if (bits === 32) return (d, o) => d.readFloatLE(o);
    if (bits === 64) return (d, o) => d.readDoubleLE(o);
  }
  if (format === FMT_ULAW && bits === 8) return (d, o) => ulawDecodeSample(d[o]!) / 32768;
  if (format === FMT_ALAW && bits === 8) return (d, o) => alawDecodeSample(d[o]!) / 32768;
  return null;
}

/** The 44-byte header of a mono 16-bit PCM WAV whose audio is `dataBytes` long. */
export function wavHeader(dataBytes: number, rate = 8000): Buffer {
  const b = Buffer.alloc(44);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + dataBytes, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(FMT_PCM, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(dataBytes, 40);
  return b;
}

/** A mono 16-bit PCM WAV file. */
export function writeWav(pcm: Int16Array, rate = 8000): Buffer {
  const data = pcm.length * 2;
  const b = Buffer.alloc(44 + data);
  wavHeader(data, rate).copy(b, 0);
  for (let i = 0; i < pcm.length; i++) b.writeInt16LE(pcm[i]!, 44 + 2 * i);
  return b;
}

/** The samples of a WAV file this module wrote (16-bit mono); other files go through parseWav. */
export function readPcm16(buf: Uint8Array): { rate: number; pcm: Int16Array } {
  const a = parseWav(buf);
  const ch = a.channels[0]!;
  return { rate: a.rate, pcm: Int16Array.from(ch, (v) => Math.max(-32768, Math.min(32767, Math.round(v * 32768)))) };
}
