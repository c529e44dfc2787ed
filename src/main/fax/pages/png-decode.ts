/**
 * A PNG decoder in TypeScript over Node's zlib: every colour type (grey, RGB, palette, with alpha), bit
 * depths 1–16, the five row filters and Adam7 interlacing, to RGBA. Why not the canvas's decoder: a
 * damaged PNG made @napi-rs/canvas 0.1.100 end the process (a segmentation fault in Skia's decoder) —
 * one bad file must never stop the engine, and a thrown error is what this gives instead.
 */
import { inflateSync } from 'node:zlib';

export type Rgba = { width: number; height: number; data: Uint8ClampedArray };

export class PngError extends Error {}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7: start x, start y, step x, step y of each pass.
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export function decodePng(bytes: Uint8Array, maxPixels: number): Rgba {
  if (!SIGNATURE.every((b, i) => bytes[i] === b)) throw new PngError('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let depth = 0;
  let type = -1;
  let interlace = 0;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const len = view.getUint32(at);
    const name = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (body.length !== len) throw new PngError(`chunk ${name} cut short`);
    if (name === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = bytes[at + 16]!;
      type = bytes[at + 17]!;
      interlace = bytes[at + 20]!;
    } else if (name === 'PLTE') palette = body;
    else if (name === 'tRNS') trns = body;
    else if (name === 'IDAT') idat.push(body);
    else if (name === 'IEND') break;
    at += 12 + len;
  }
  const channels = CHANNELS[type];
  if (!channels || width < 1 || height < 1 || ![1, 2, 4, 8, 16].includes(depth) || (type === 3 && !palette)) throw new PngError('bad header');
  if (width * height > maxPixels) throw new PngError('too large');
  const bpp = Math.max(1, (channels * depth) >> 3); // bytes per complete pixel, for the filters
  const passes = interlace ? ADAM7.map(([x0, y0, dx, dy]) => ({ x0, y0, dx, dy })) : [{ x0: 0, y0: 0, dx: 1, dy: 1 }];
  let expected = 0;
  for (const p of passes) {
    const pw = Math.ceil((width - p.x0) / p.dx);
    const ph = Math.ceil((height - p.y0) / p.dy);
    if (pw > 0 && ph > 0) expected += ph * (1 + Math.ceil((pw * channels * depth) / 8));
  }
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    throw new PngError('pixel data does not inflate');
  }
  if (raw.length < expected) throw new PngError('pixel data cut short');
  const out = new Uint8ClampedArray(width * height * 4);
  let offset = 0;
  for (const p of passes) {
    const pw = Math.ceil((width - p.x0) / p.dx);
    const ph = Math.ceil((height - p.y0) / p.dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * channels * depth) / 8);
    let prev = new Uint8Array(stride);
    for (let y = 0; y < ph; y++) {
      const filter = raw[offset]!;
      const line = Uint8Array.from(raw.subarray(offset + 1, offset + 1 + stride));
      offset += 1 + stride;
      unfilter(filter, line, prev, bpp);
      for (let x = 0; x < pw; x++) writePixel(out, (p.y0 + y * p.dy) * width + p.x0 + x * p.dx, line, x, channels, depth, type, palette, trns);
      prev = line;
    }
  }
  return { width, height, data: out };
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const a = i >= bpp ? line[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    let add: number;
    if (filter === 0) return;
    else if (filter === 1) add = a;
    else if (filter === 2) add = b;
    else if (filter === 3) add = (a + b) >> 1;
    else if (filter === 4) {
      const pa = Math.abs(b - c);
      const pb = Math.abs(a - c);
      const pc = Math.abs(a + b - 2 * c);
      add = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    } else throw new PngError(`unknown filter ${filter}`);
    line[i] = (line[i]! + add) & 0xff;
  }
}

/** Sample `k` (0-based, in samples) of a row, scaled to 0..255. */
function sample(line: Uint8Array, k: number, depth: number): number {
  if (depth === 8) return line[k]!;
  if (depth === 16) return line[k * 2]!;
  const bit = k * depth;
  const v = (line[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  return Math.round((v * 255) / ((1 << depth) - 1));
}

function writePixel(
  out: Uint8ClampedArray,
  index: number,
  line: Uint8Array,
  x: number,
  channels: number,
  depth: number,
  type: number,
  palette: Uint8Array | null,
  trns: Uint8Array | null,
): void {
  const o = index * 4;
  if (type === 3) {
    const bit = x * depth;
    const i = depth === 8 ? line[x]! : (line[bit >> 3]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    out[o] = palette![i * 3] ?? 0;
    out[o + 1] = palette![i * 3 + 1] ?? 0;
    out[o + 2] = palette![i * 3 + 2] ?? 0;
    out[o + 3] = trns && i < trns.length ? trns[i]! : 255;
    return;
  }
  const s = (c: number) => sample(line, x * channels + c, depth);
  if (type === 0 || type === 4) {
    const g = s(0);
    out[o] = out[o + 1] = out[o + 2] = g;
    out[o + 3] = type === 4 ? s(1) : 255;
  } else {
    out[o] = s(0);
    out[o + 1] = s(1);
    out[o + 2] = s(2);
    out[o + 3] = type === 6 ? s(3) : 255;
  }
}
