/**
 * Grey pixels → a 1-bit fax page, choosing per region between a threshold and error diffusion.
 *
 * The rule (per 32 × 32 tile of the rendered page): text and line art render as white and black with
 * grey only along the edges of strokes (anti-aliasing), so few pixels of a tile are mid-grey — even
 * small text stays under ~15 %. A photo or a tint is mid-grey over most of its area. A tile with at
 * least 35 % mid-grey pixels (between 40 and 215 of 255) is a photo tile; the photo then spreads to
 * neighbouring tiles with at least 10 % (its border, so its edge is not cut by a hard line) or whose ink
 * is one flat shade (its shadows and edges, which a threshold would turn into solid black bands).
 * Photo tiles are dithered with Floyd–Steinberg error diffusion, which keeps their mean grey level; the
 * others are thresholded, which keeps text crisp: diffusion would scatter dots along every letter.
 * The decision is per region rather than per page so a letter with a photo in it gets both.
 *
 * The threshold is 160 rather than the middle (128): a stroke thinner than a pixel (the hairlines of a
 * font at 98 lines per inch) renders as light grey, and counting 37 % ink as black keeps it; thicker
 * strokes gain at most a fraction of a pixel.
 */
import { createBitmap, type FaxBitmap } from '../../../fax';

export const TILE = 32;
export const THRESHOLD = 160;
const MID_LOW = 40;
const MID_HIGH = 215;
const PHOTO_SHARE = 0.35;
const PHOTO_EDGE_SHARE = 0.1;
const PAPER = 235;

/** Which tiles are photo (1) — by the rule above. Row-major, ceil(width / TILE) per row. */
export function photoTiles(grey: Uint8Array, width: number, height: number): { cols: number; rows: number; photo: Uint8Array } {
  const cols = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const n = cols * rows;
  const share = new Float32Array(n);
  // Tiles with no stroke: what is not paper (under 235) spans at most 64 levels, and there is some.
  const flat = new Uint8Array(n);
  for (let ty = 0; ty < rows; ty++) {
    const y1 = Math.min(height, (ty + 1) * TILE);
    for (let tx = 0; tx < cols; tx++) {
      const x0 = tx * TILE;
      const x1 = Math.min(width, x0 + TILE);
      let mid = 0;
      let lo = 255;
      let hi = 0;
      let inked = 0;
      for (let y = ty * TILE; y < y1; y++) {
        const row = y * width;
        for (let x = x0; x < x1; x++) {
          const v = grey[row + x]!;
          if (v > MID_LOW && v < MID_HIGH) mid++;
          if (v >= PAPER) continue;
          inked++;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      const count = (x1 - x0) * (y1 - ty * TILE);
      share[ty * cols + tx] = mid / count;
      flat[ty * cols + tx] = inked > 0 && hi - lo <= 64 ? 1 : 0;
    }
  }
  // Photo tiles, then grown through their neighbours that are part of the same picture: some mid-grey
  // (its border), or flat and dark (its shadows: thresholding them would cut a solid black band out of the
  // shading). Dithering a pure black or white tile gives the same pixels as the threshold, so growing is safe.
  const photo = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    if (share[i]! < PHOTO_SHARE) continue;
    photo[i] = 1;
    queue.push(i);
  }
  while (queue.length > 0) {
    const i = queue.pop()!;
    const tx = i % cols;
    for (const j of [tx > 0 ? i - 1 : -1, tx < cols - 1 ? i + 1 : -1, i - cols, i + cols]) {
      if (j < 0 || j >= n || photo[j] || !(share[j]! >= PHOTO_EDGE_SHARE || flat[j])) continue;
      photo[j] = 1;
      queue.push(j);
    }
  }
  return { cols, rows, photo };
}

/**
 * The 1-bit page of `grey` (one byte per pixel, 0 black … 255 white, `width` per row). `mode` forces one
 * method for the whole page ('auto' decides per tile, as above). Also says how many tiles were dithered.
 */
export function toBilevel(
  grey: Uint8Array,
  width: number,
  height: number,
  mode: 'auto' | 'threshold' | 'dither' = 'auto',
): { bitmap: FaxBitmap; photoTiles: number } {
  const tiles = photoTiles(grey, width, height);
  if (mode !== 'auto') tiles.photo.fill(mode === 'dither' ? 1 : 0);
  const b = createBitmap(width, height);
  // Floyd–Steinberg in serpentine order (left to right, then right to left) so the error does not drift one way;
  // errors are kept for the current and the next row only.
  let cur = new Float32Array(width + 2);
  let next = new Float32Array(width + 2);
  for (let y = 0; y < height; y++) {
    next.fill(0);
    const ltr = (y & 1) === 0;
    const trow = Math.floor(y / TILE) * tiles.cols;
    const row = y * width;
    const out = y * b.rowBytes;
    for (let n = 0; n < width; n++) {
      const x = ltr ? n : width - 1 - n;
      const v = grey[row + x]!;
      let black: boolean;
      if (tiles.photo[trow + ((x / TILE) | 0)]) {
        const want = v + cur[x + 1]!;
        black = want < 128;
        const e = want - (black ? 0 : 255);
        const ahead = ltr ? x + 2 : x;
        const behind = ltr ? x : x + 2;
        cur[ahead] = cur[ahead]! + e * (7 / 16);
        next[behind] = next[behind]! + e * (3 / 16);
        next[x + 1] = next[x + 1]! + e * (5 / 16);
        next[ahead] = next[ahead]! + e * (1 / 16);
      } else {
        black = v < THRESHOLD;
      }
      if (black) b.data[out + (x >> 3)] = b.data[out + (x >> 3)]! | (0x80 >> (x & 7));
    }
    const t = cur;
    cur = next;
    next = t;
  }
  let count = 0;
  for (const p of tiles.photo) count += p;
  return { bitmap: b, photoTiles: count };
}

/** RGBA (as a canvas gives it) → grey, one byte per pixel: ITU-R BT.601 luma (in 1/256ths), composited over white. */
export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, pixels: number): Uint8Array {
  const grey = new Uint8Array(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 4) {
    const a = rgba[j + 3]!;
    const luma = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29 + 128) >> 8;
    grey[i] = a === 255 ? luma : (luma * a + 255 * (255 - a) + 127) / 255;
  }
  return grey;
}
