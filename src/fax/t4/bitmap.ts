/**
 * A fax page as a bitmap: 1 bit per pixel, rows packed most-significant bit first, 1 = black — the
 * layout of a TIFF with PhotometricInterpretation 0 (WhiteIsZero) and FillOrder 1, which is what fax
 * software stores. 1728 pixels is the standard width (A4 at 204 dpi); any width is allowed.
 */
export type FaxBitmap = {
  width: number;
  height: number;
  /** Bytes per row: ceil(width / 8). The pad bits at the end of a row are always 0. */
  rowBytes: number;
  data: Uint8Array;
};

/** The standard page width in pixels (T.4 §2.2: 1728 pixels on 215 mm). */
export const STANDARD_WIDTH = 1728;

export function createBitmap(width: number, height: number): FaxBitmap {
  if (!Number.isInteger(width) || width < 1 || !Number.isInteger(height) || height < 0) throw new RangeError(`bad bitmap size ${width}×${height}`);
  const rowBytes = (width + 7) >> 3;
  return { width, height, rowBytes, data: new Uint8Array(rowBytes * height) };
}

export const getPixel = (b: FaxBitmap, x: number, y: number): 0 | 1 => ((b.data[y * b.rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) as 0 | 1;

export function setPixel(b: FaxBitmap, x: number, y: number, black: boolean): void {
  const i = y * b.rowBytes + (x >> 3);
  const m = 0x80 >> (x & 7);
  b.data[i] = black ? b.data[i]! | m : b.data[i]! & ~m;
}

/** Sets pixels [from, to) of the row starting at byte `off` to black. */
export function fillBlack(data: Uint8Array, off: number, from: number, to: number): void {
  if (to <= from) return;
  let i = off + (from >> 3);
  const last = off + ((to - 1) >> 3);
  const head = 0xff >> (from & 7);
  const tail = (0xff00 >> (((to - 1) & 7) + 1)) & 0xff;
  if (i === last) {
    data[i] = data[i]! | (head & tail);
    return;
  }
  data[i] = data[i]! | head;
  for (i++; i < last; i++) data[i] = 0xff;
  data[last] = data[last]! | tail;
}

/**
 * The changing elements of row y (T.4 §4.2.1.3.1): the positions where the colour differs from the pixel
 * before it (the pixel before the row is imaginary white). Written into `out`, followed by
 * three entries equal to width (so b1/b2 lookups never run off the end; `out` needs width + 4 entries);
 * returns how many changes there are.
 */
export function rowChanges(b: FaxBitmap, y: number, out: Int32Array): number {
  const { data, width, rowBytes } = b;
  const off = y * rowBytes;
  let n = 0;
  let colour = 0; // 0 white, 1 black: the colour of the pixel just before x
  for (let byte = 0; byte < rowBytes; byte++) {
    const v = data[off + byte]!;
    // Whole bytes of the current colour have no change: skip them (most of a page).
    if (v === (colour ? 0xff : 0)) continue;
    const base = byte << 3;
    // The changes in this byte: the first bit that differs from the current colour, then from the other.
    let rest = 0xff;
    for (;;) {
      const diff = (colour ? ~v : v) & rest;
      if (diff === 0) break;
      const bit = Math.clz32(diff) - 24;
      const x = base + bit;
      if (x >= width) break;
      out[n++] = x;
      colour ^= 1;
      rest = 0xff >> (bit + 1);
    }
  }
  out[n] = width;
  out[n + 1] = width;
  out[n + 2] = width;
  return n;
}

/** True when both bitmaps have the same size and pixels. */
export function sameBitmap(a: FaxBitmap, b: FaxBitmap): boolean {
  if (a.width !== b.width || a.height !== b.height || a.data.length !== b.data.length) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}
