/**
 * Deterministic fax pages for the codec's tests and benchmark (a seeded generator, so a failure can be
 * reproduced): text-like, a dithered photo, blank, the worst case of alternating single pixels.
 */
import type { FaxBitmap } from '../../src/fax/t4/bitmap';
import { createBitmap, fillBlack, setPixel } from '../../src/fax/t4/bitmap';

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A page of text: lines of "glyphs" (a 5×7 random pattern per glyph, scaled to the line's size, with
 * word spaces), a ruled box and a heavy heading — the runs and 2-D structure of real typed pages.
 */
export function textPage(width: number, height: number, seed = 1, fine = true): FaxBitmap {
  const b = createBitmap(width, height);
  const rnd = seeded(seed);
  const sy = fine ? 2 : 1;
  const margin = Math.round(width * 0.06);
  let y = Math.round(60 * sy);
  // Heading: large glyphs.
  y = textLine(b, rnd, margin, y, 6, 6 * sy, width - margin) + 20 * sy;
  while (y + 16 * sy < height - 60 * sy) {
    const scale = rnd() < 0.1 ? 3 : 2;
    y = textLine(b, rnd, margin, y, scale, scale * sy, width - margin - Math.floor(rnd() * width * 0.3)) + Math.round(5 * sy);
  }
  // A box around the text area and a rule under the heading.
  const top = Math.round(40 * sy);
  for (let x = margin - 20; x < width - margin + 20; x++) {
    setPixel(b, x, top, true);
    setPixel(b, x, height - 40 * sy, true);
  }
  for (let yy = top; yy <= height - 40 * sy; yy++) {
    setPixel(b, margin - 20, yy, true);
    setPixel(b, width - margin + 19, yy, true);
  }
  return b;
}

function textLine(b: FaxBitmap, rnd: () => number, x0: number, y0: number, sx: number, sy: number, right: number): number {
  let x = x0;
  while (x + 6 * sx < right) {
    if (rnd() < 0.17) {
      x += 4 * sx; // a word space
      continue;
    }
    for (let gy = 0; gy < 7; gy++) {
      for (let gx = 0; gx < 5; gx++) {
        if (rnd() < 0.45) for (let yy = 0; yy < sy; yy++) fillBlack(b.data, (y0 + gy * sy + yy) * b.rowBytes, x + gx * sx, x + (gx + 1) * sx);
      }
    }
    x += 6 * sx;
  }
  return y0 + 9 * sy;
}

/** A photo-like page: smooth shades (gradients and waves) dithered by error diffusion (Floyd–Steinberg). */
export function photoPage(width: number, height: number, seed = 2): FaxBitmap {
  const b = createBitmap(width, height);
  const rnd = seeded(seed);
  const fx = 5 + rnd() * 10;
  const fy = 3 + rnd() * 10;
  let err = new Float32Array(width + 2);
  let next = new Float32Array(width + 2);
  for (let y = 0; y < height; y++) {
    next.fill(0);
    for (let x = 0; x < width; x++) {
      const shade = 0.5 + 0.3 * Math.sin((x / width) * fx) * Math.cos((y / height) * fy) + 0.2 * (x / width - 0.5);
      const v = shade + err[x + 1]!;
      const black = v < 0.5;
      if (black) setPixel(b, x, y, true);
      const e = v - (black ? 0 : 1);
      err[x + 2] = err[x + 2]! + (e * 7) / 16;
      next[x] = next[x]! + (e * 3) / 16;
      next[x + 1] = next[x + 1]! + (e * 5) / 16;
      next[x + 2] = next[x + 2]! + e / 16;
    }
    const t = err;
    err = next;
    next = t;
  }
  return b;
}

export const blankPage = (width: number, height: number): FaxBitmap => createBitmap(width, height);

/** Alternating single pixels, shifted by one on each row: the longest codes for every line (the worst case). */
export function checkerPage(width: number, height: number): FaxBitmap {
  const b = createBitmap(width, height);
  for (let y = 0; y < height; y++) for (let x = y & 1; x < width; x += 2) setPixel(b, x, y, true);
  return b;
}
