/**
 * Callers' "voices" for the SIP line tests: band-limited noise from a seed, so no two callers' voices look
 * alike anywhere and a piece of a recording is found in its caller's voice (and only there) by correlation.
 */
import { bestCorrelation } from '../helpers/sip-audio';

/** `seconds` of low-passed noise at 8 kHz from `seed` (a small LCG: the same seed, the same voice). */
export function voiceOf(seed: number, seconds: number): Int16Array {
  let s = seed * 2654435761;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000) * 2 - 1;
  const out = new Int16Array(Math.round(seconds * 8000));
  let y = 0;
  for (let i = 0; i < out.length; i++) {
    // One pole at ~1 kHz: speech-like bandwidth that G.711 and the jitter buffer carry as they would a voice.
    y += 0.55 * (rnd() - y);
    out[i] = Math.round(y * 14000);
  }
  return out;
}

/** An 8 kHz mono 16-bit WAV of `pcm` (what baresip's aufile plays). */
export function wav16(pcm: Int16Array): Buffer {
  const b = Buffer.alloc(44 + pcm.length * 2);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + pcm.length * 2, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(pcm.length * 2, 40);
  for (let i = 0; i < pcm.length; i++) b.writeInt16LE(pcm[i]!, 44 + i * 2);
  return b;
}

/** How well 0.2 s from the middle of a recording `heard` is found in the voice a caller sent. */
export function caller(heard: Int16Array, voice: Int16Array): number {
  const mid = Math.floor(heard.length / 2);
  return bestCorrelation(voice, heard.subarray(mid - 800, mid + 800));
}
