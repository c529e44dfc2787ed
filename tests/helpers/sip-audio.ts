/**
 * Audio checks for the SIP line tests: what baresip heard (its sndfile dump) compared with what the
 * channel played, by correlation (a prompt) or by the level of a frequency (a tone).
 */
import fs from 'node:fs';

/** A prompt no tone generator makes by accident: a rising chirp with a pulse pattern. */
export function chirp(samples = 12000): Int16Array {
  const pcm = new Int16Array(samples);
  let phase = 0;
  for (let i = 0; i < pcm.length; i++) {
    const f = 300 + (i / pcm.length) * 1500;
    phase += (2 * Math.PI * f) / 8000;
    const gate = Math.floor(i / 800) % 3 === 2 ? 0.2 : 1;
    pcm[i] = Math.round(Math.sin(phase) * 9000 * gate);
  }
  return pcm;
}

export function sine(hz: number, ms: number, amplitude = 8000): Int16Array {
  const pcm = new Int16Array((ms / 1000) * 8000);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(Math.sin((2 * Math.PI * hz * i) / 8000) * amplitude);
  return pcm;
}

/** The samples of a WAV's data chunk (baresip's dump header is complete only after CALL_CLOSED; the data is read as far as it goes). */
export function readWav(file: string): Int16Array {
  const b = fs.readFileSync(file);
  let at = 12;
  while (at + 8 <= b.length) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, b.length - at - 8) / 2) * 2;
      return new Int16Array(b.buffer.slice(b.byteOffset + at + 8, b.byteOffset + at + 8 + n));
    }
    at += 8 + size + (size % 2);
  }
  throw new Error(`no data chunk in ${file}`);
}

/** The best normalised correlation of `needle` anywhere in `hay`. */
export function bestCorrelation(hay: Int16Array, needle: Int16Array): number {
  const n = needle.length;
  let nn = 0;
  for (const v of needle) nn += v * v;
  const at = (lag: number): number => {
    let dot = 0;
    let hh = 0;
    for (let i = 0; i < n; i++) {
      const h = hay[lag + i] ?? 0;
      dot += h * needle[i]!;
      hh += h * h;
    }
    return hh === 0 || nn === 0 ? 0 : dot / Math.sqrt(nn * hh);
  };
  let best = 0;
  let bestLag = 0;
  for (let lag = 0; lag + n <= hay.length; lag += 4) {
    const c = at(lag);
    if (c > best) [best, bestLag] = [c, lag];
  }
  for (let lag = Math.max(0, bestLag - 4); lag <= bestLag + 4 && lag + n <= hay.length; lag++) best = Math.max(best, at(lag));
  return best;
}

/** How many 20 ms frames of `pcm` carry `hz` clearly (Goertzel power at hz well above the frame's other content). */
export function framesWithTone(pcm: Int16Array, hz: number): number {
  const N = 160;
  let count = 0;
  const k = (2 * Math.PI * hz) / 8000;
  const coeff = 2 * Math.cos(k);
  for (let at = 0; at + N <= pcm.length; at += N) {
    let s1 = 0;
    let s2 = 0;
    let energy = 0;
    for (let i = 0; i < N; i++) {
      const x = pcm[at + i]!;
      energy += x * x;
      const s0 = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    // A pure tone of amplitude A gives power ≈ (A·N/2)² and energy ≈ A²·N/2: the ratio is N/2.
    if (energy > N * 1000 * 1000 && power / energy > N / 4) count++;
  }
  return count;
}

/** Zero crossings a second: about twice the frequency of a clean tone. */
export function crossingsPerSecond(pcm: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) crossings++;
  return crossings / (pcm.length / 8000);
}
