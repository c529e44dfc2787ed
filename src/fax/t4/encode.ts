/**
 * T.4/T.6 encoders: MH (1-D Modified Huffman), MR (2-D Modified READ, K lines per 1-D line) and MMR
 * (T.6, every line 2-D against the line above, no EOLs, EOFB at the end).
 */
import type { FaxBitmap } from './bitmap';
import { rowChanges } from './bitmap';
import { BitWriter, putRun } from './bit-io';

export type FaxCoding = 'mh' | 'mr' | 'mmr';

export type EncodeOptions = {
  coding: FaxCoding;
  /** MR only: one 1-D line, then K−1 2-D lines (T.4 §4.2: K=2 at standard resolution, K=4 at fine). Default 2. */
  k?: number;
  /** MH/MR: zero fill before each EOL so the EOL ends on a byte boundary (TIFF Group3Options bit 2). */
  byteAlignEol?: boolean;
  /**
   * MH/MR: the minimum bits of a coded line (EOL + data + fill), from the negotiated minimum scan-line
   * time: e.g. 20 ms at 9600 bit/s = 192 bits. Short lines are padded with fill before the next EOL.
   */
  minLineBits?: number;
  /** MH/MR: end the page with RTC (six EOLs), as sent on the line. TIFF files leave it out. Default true. */
  rtc?: boolean;
  /** MMR: end with EOFB (two EOLs). Default true. */
  eofb?: boolean;
};

/**
 * The minimum bits of a coded line for a negotiated minimum scan-line time (T.30 DIS/DCS: 0, 5, 10, 20 or
 * 40 ms) at a bit rate: e.g. 20 ms at 9600 bit/s is 192 bits.
 */
export const minLineBitsFor = (ms: number, bitsPerSecond: number): number => Math.ceil((ms * bitsPerSecond) / 1000);

/** Mode codes (T.4 Table 4) by vertical offset −3…3, then pass and horizontal. */
const VERTICAL: readonly { code: number; len: number }[] = [
  { code: 0b0000010, len: 7 },
  { code: 0b000010, len: 6 },
  { code: 0b010, len: 3 },
  { code: 0b1, len: 1 },
  { code: 0b011, len: 3 },
  { code: 0b000011, len: 6 },
  { code: 0b0000011, len: 7 },
];
const EOL = 1; // 000000000001, 12 bits

export function encodeT4(bitmap: FaxBitmap, opts: EncodeOptions): Uint8Array {
  const { width, height } = bitmap;
  const k = opts.coding === 'mr' ? (opts.k ?? 2) : 1;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`K must be a positive integer, got ${opts.k}`);
  // A dense MH page codes to about a quarter of its raw size; a sparse one to much less.
  const w = new BitWriter((bitmap.rowBytes * height) / 4 + 1024);
  let ref = new Int32Array(width + 4);
  let cur = new Int32Array(width + 4);
  ref.fill(width); // the imaginary all-white line above the page (T.6 §2.2.1)
  let lineStart = 0;
  const eol = (tag: number) => {
    // Fill first: the previous line (EOL included) must last minLineBits, then the EOL may be aligned.
    if (opts.minLineBits && w.bits > 0) {
      const short = lineStart + opts.minLineBits - w.bits;
      if (short > 0) w.zeros(short);
    }
    if (opts.byteAlignEol) w.zeros((8 - ((w.bits + 12) & 7)) & 7);
    lineStart = w.bits;
    if (tag < 0) w.put(EOL, 12);
    else w.put((EOL << 1) | tag, 13);
  };
  for (let y = 0; y < height; y++) {
    const n = rowChanges(bitmap, y, cur);
    if (opts.coding === 'mmr') {
      encode2D(w, cur, ref, width);
    } else if (opts.coding === 'mh') {
      eol(-1);
      encode1D(w, cur, n, width);
    } else {
      const oneD = y % k === 0;
      eol(oneD ? 1 : 0);
      if (oneD) encode1D(w, cur, n, width);
      else encode2D(w, cur, ref, width);
    }
    const t = ref;
    ref = cur;
    cur = t;
  }
  if (opts.coding === 'mmr') {
    if (opts.eofb !== false) {
      w.put(EOL, 12);
      w.put(EOL, 12);
    }
  } else if (opts.rtc !== false) {
    const tag = opts.coding === 'mr' ? 1 : -1;
    eol(tag);
    for (let i = 1; i < 6; i++) {
      if (tag < 0) w.put(EOL, 12);
      else w.put((EOL << 1) | 1, 13);
    }
  } else if (opts.minLineBits && height > 0) {
    const short = lineStart + opts.minLineBits - w.bits;
    if (short > 0) w.zeros(short);
  }
  return w.finish();
}

/** One line as alternating white/black runs, starting with white (T.4 §4.1.1). */
function encode1D(w: BitWriter, changes: Int32Array, n: number, width: number): void {
  let a0 = 0;
  let colour: 0 | 1 = 0;
  for (let i = 0; i <= n; i++) {
    const a1 = i < n ? changes[i]! : width;
    putRun(w, a1 - a0, colour);
    a0 = a1;
    colour = (colour ^ 1) as 0 | 1;
  }
}

/** One line coded against the reference line (T.4 §4.2.1.3, the flow chart of Figure 7). */
function encode2D(w: BitWriter, cur: Int32Array, ref: Int32Array, width: number): void {
  let a0 = -1;
  let colour: 0 | 1 = 0;
  let ia = 0; // index of a1 in cur
  let ib = 0; // index of b1 in ref
  while (a0 < width) {
    while (cur[ia]! <= a0) ia++;
    const a1 = cur[ia]!;
    // b1: the first change on the reference line right of a0 whose colour is opposite a0's: even
    // indices are white→black changes, so white a0 wants an even index.
    while (ib > 0 && ref[ib - 1]! > a0) ib--;
    while (ref[ib]! <= a0) ib++;
    if ((ib & 1) !== colour) ib++;
    const b1 = ref[ib]!;
    const b2 = ref[ib + 1]!;
    if (b2 < a1) {
      w.put(0b0001, 4);
      a0 = b2;
      continue;
    }
    const d = a1 - b1;
    if (d >= -3 && d <= 3) {
      const c = VERTICAL[d + 3]!;
      w.put(c.code, c.len);
      a0 = a1;
      colour = (colour ^ 1) as 0 | 1;
      continue;
    }
    const a2 = cur[ia + 1]!;
    w.put(0b001, 3);
    putRun(w, a1 - (a0 < 0 ? 0 : a0), colour);
    putRun(w, a2 - a1, (colour ^ 1) as 0 | 1);
    a0 = a2;
  }
}
