/** Test audio: tones, WAV files of any layout, and comparing what a line played with a prompt. */

export function tone(hz: number, ms: number, rate = 8000, amp = 0.5): Float32Array {
  const n = Math.round((rate * ms) / 1000);
  return Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** A WAV with any sample format: 'pcm' 8/16/24/32 bit or 'float' 32 bit, interleaving the channels. */
export function makeWav(channels: Float32Array[], rate: number, bits: 8 | 16 | 24 | 32, format: 'pcm' | 'float' = 'pcm'): Buffer {
  const frames = channels[0]!.length;
  const bytes = bits / 8;
  const data = Buffer.alloc(frames * channels.length * bytes);
  let o = 0;
  for (let i = 0; i < frames; i++)
    for (const ch of channels) {
      const v = Math.max(-1, Math.min(1, ch[i]!));
      if (format === 'float') data.writeFloatLE(v, o);
      else if (bits === 8) data[o] = Math.round(v * 127) + 128;
      else if (bits === 16) data.writeInt16LE(Math.round(v * 32767), o);
      else if (bits === 24) data.writeIntLE(Math.round(v * 8388607), o, 3);
      else data.writeInt32LE(Math.round(v * 2147483647), o);
      o += bytes;
    }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(format === 'float' ? 3 : 1, 20);
  h.writeUInt16LE(channels.length, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * channels.length * bytes, 28);
  h.writeUInt16LE(channels.length * bytes, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

/** Normalised cross-correlation of a and b at the best lag within ±maxLag samples, over their overlap. */
export function similarity(a: Int16Array, b: Int16Array, maxLag = 200): number {
  let best = -1;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = Math.max(0, lag); i < a.length && i - lag < b.length; i++) {
      const x = a[i]!;
      const y = b[i - lag]!;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    if (aa > 0 && bb > 0) best = Math.max(best, ab / Math.sqrt(aa * bb));
  }
  return best;
}

export function rmsDb(pcm: Int16Array): number {
  let s = 0;
  for (const v of pcm) s += (v / 32768) ** 2;
  return 10 * Math.log10(s / pcm.length);
}
