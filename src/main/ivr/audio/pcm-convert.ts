/**
 * From any decoded audio to what a telephone line carries: mono, 8000 samples/s, 16-bit, at one
 * loudness. Mixing down averages the channels. Resampling low-passes first (a windowed-sinc FIR below
 * the target's Nyquist, so a 44.1 kHz file does not alias into the telephone band) and then
 * interpolates linearly. Loudness: the RMS of the 50 ms blocks that carry speech (blocks more than
 * 30 dB under the loudest are ignored, like the gating of EBU R128) is brought to -20 dBFS, with the
 * peak kept under -1 dBFS. Not K-weighted LUFS, but the same idea at the scale a phone prompt needs.
 */
import type { DecodedAudio } from './wav';

export const LINE_RATE = 8000;
const TARGET_DBFS = -20;
const PEAK_LIMIT = 10 ** (-1 / 20);

export function mixDown(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const n = channels[0]!.length;
  const out = new Float32Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) out[i]! += ch[i]! / channels.length;
  return out;
}

/** A windowed-sinc (Blackman) low-pass, cutoff as a fraction of the source rate (0…0.5). */
function lowPassKernel(cutoff: number): Float32Array {
  const taps = 63;
  const half = (taps - 1) / 2;
  const h = new Float32Array(taps);
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const k = i - half;
    const sinc = k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
    const w = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    h[i] = sinc * w;
    sum += h[i]!;
  }
  for (let i = 0; i < taps; i++) h[i]! /= sum;
  return h;
}

export function resample(x: Float32Array, from: number, to = LINE_RATE): Float32Array {
  if (from === to) return x;
  const h = to < from ? lowPassKernel((0.45 * to) / from) : null;
  const half = h ? (h.length - 1) / 2 : 0;
  // The filter runs only at the source samples the interpolation reads (about two per output sample).
  const at = (j: number): number => {
    if (j >= x.length) j = x.length - 1;
    if (!h) return x[j]!;
    let acc = 0;
    const lo = Math.max(0, j - half);
    const hi = Math.min(x.length - 1, j + half);
    for (let m = lo; m <= hi; m++) acc += x[m]! * h[m - j + half]!;
    return acc;
  };
  const n = Math.max(1, Math.floor((x.length * to) / from));
  const out = new Float32Array(n);
  const step = from / to;
  for (let i = 0; i < n; i++) {
    const p = i * step;
    const j = Math.floor(p);
    const f = p - j;
    const a = at(j);
    out[i] = f === 0 ? a : a + (at(j + 1) - a) * f;
  }
  return out;
}

/** Speech-gated RMS of float audio, in dBFS (-Infinity for silence). */
export function gatedLevelDb(x: Float32Array, rate = LINE_RATE): number {
  const block = Math.max(1, Math.round(rate * 0.05));
  const levels: number[] = [];
  for (let o = 0; o < x.length; o += block) {
    let s = 0;
    const end = Math.min(x.length, o + block);
    for (let i = o; i < end; i++) s += x[i]! * x[i]!;
    levels.push(s / (end - o));
  }
  const loudest = Math.max(0, ...levels);
  if (loudest <= 1e-10) return Number.NEGATIVE_INFINITY;
  const gate = loudest / 1000; // 30 dB
  const speech = levels.filter((l) => l >= gate);
  const mean = speech.reduce((a, b) => a + b, 0) / speech.length;
  return 10 * Math.log10(mean);
}

export function normalise(x: Float32Array): Float32Array {
  const level = gatedLevelDb(x);
  if (!Number.isFinite(level)) return x;
  let gain = 10 ** ((TARGET_DBFS - level) / 20);
  let peak = 0;
  for (const v of x) peak = Math.max(peak, Math.abs(v));
  if (peak * gain > PEAK_LIMIT) gain = PEAK_LIMIT / peak;
  return Float32Array.from(x, (v) => v * gain);
}

export function toPcm16(x: Float32Array): Int16Array {
  return Int16Array.from(x, (v) => Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
}

/** Any decoded audio → the line's format, loudness-normalised. */
export function toLineAudio(a: DecodedAudio): Int16Array {
  return toPcm16(normalise(resample(mixDown(a.channels), a.rate)));
}

/** Peak per bucket (0…1), for a waveform drawing. */
export function peaks(pcm: Int16Array, buckets: number): number[] {
  const out: number[] = [];
  const per = Math.max(1, Math.ceil(pcm.length / buckets));
  for (let o = 0; o < pcm.length; o += per) {
    let p = 0;
    for (let i = o; i < Math.min(pcm.length, o + per); i++) p = Math.max(p, Math.abs(pcm[i]!));
    out.push(p / 32768);
  }
  return out;
}

export const durationMs = (pcm: Int16Array, rate = LINE_RATE) => Math.round((pcm.length * 1000) / rate);
