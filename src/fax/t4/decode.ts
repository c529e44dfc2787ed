/**
 * T.4/T.6 decoders. MH and MR are tolerant the way fax receivers are: a line that does not decode
 * (an unknown code, too many or too few pixels before the next EOL) is reported, replaced by a copy of
 * the line above, and decoding goes on from the next EOL (in MR, from the next 1-D line, since the
 * 2-D lines in between refer to a line we do not have). T.30 needs the count of such lines to choose
 * between MCF, RTP and RTN. MMR has no EOL to resynchronise on: after an error the rest is lost.
 */
import type { FaxBitmap } from './bitmap';
import { createBitmap, fillBlack } from './bitmap';
import type { FaxCoding } from './encode';
import { MODE_HORIZONTAL, MODE_LOOKUP, MODE_PASS, MODE_V0, RUN_LOOKUP, RUN_MAKEUP, RUN_TERMINATING } from './code-lookup';

export type DecodeOptions = {
  coding: FaxCoding;
  width: number;
  /** The page height when known (TIFF's ImageLength): decoding stops there. Otherwise at RTC/EOFB or the end of the data. */
  height?: number;
  /** 2: the bits of each byte are stored least significant first (TIFF FillOrder 2; how fax modems send them). */
  fillOrder?: 1 | 2;
  /**
   * Decode straight into this bitmap from row `intoRow` on (a TIFF strip into its page), instead of a
   * new one; needs `height`. The result's bitmap is then `into` itself, bad lines counted from row 0 of
   * the strip.
   */
  into?: FaxBitmap;
  intoRow?: number;
  /**
   * Without a height: stop after this many rows (default 8192, over three A4 pages at fine resolution),
   * so a stream that never ends its page cannot take all the memory.
   */
  maxHeight?: number;
};

export type DecodeResult = {
  bitmap: FaxBitmap;
  /** Rows (0-based) that did not decode and were replaced by the row above (or left white when missing). */
  badLines: number[];
  /** True when the page ended with RTC (MH/MR) or EOFB (MMR). */
  endMarker: boolean;
};

const REVERSE = new Uint8Array(256).map((_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
  return r;
});

const ERR = -1;

/** The bit stream being read; `pos` is in bits from the start. */
class Reader {
  readonly d: Uint8Array;
  readonly endBits: number;
  pos = 0;

  constructor(data: Uint8Array, fillOrder: 1 | 2) {
    // Four zero bytes of padding let peeks near the end read without bounds checks.
    this.d = new Uint8Array(data.length + 4);
    if (fillOrder === 2) for (let i = 0; i < data.length; i++) this.d[i] = REVERSE[data[i]!]!;
    else this.d.set(data);
    this.endBits = data.length * 8;
  }

  peek13(): number {
    const p = this.pos;
    const i = p >> 3;
    const d = this.d;
    return (((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!) >>> (11 - (p & 7))) & 0x1fff;
  }

  /** The position of the first 1 bit at or after pos (endBits when there is none). */
  nextOne(from: number): number {
    const d = this.d;
    let i = from >> 3;
    let v = d[i]! & (0xff >> (from & 7));
    while (v === 0) {
      i++;
      if (i * 8 >= this.endBits) return this.endBits;
      v = d[i]!;
    }
    return Math.min(this.endBits, i * 8 + Math.clz32(v) - 24);
  }

  /** One run of `colour` (make-ups and the terminating code), or ERR. */
  run(colour: 0 | 1): number {
    const t = RUN_LOOKUP[colour];
    let run = 0;
    for (;;) {
      const e = t[this.peek13()]!;
      const kind = (e >> 4) & 15;
      if (kind === RUN_TERMINATING) {
        this.pos += e & 15;
        return run + (e >> 8);
      }
      if (kind !== RUN_MAKEUP) return ERR;
      this.pos += e & 15;
      run += e >> 8;
    }
  }

  /** Decodes a 1-D line into `cur`; returns the number of changes, or ERR. */
  line1D(cur: Int32Array, width: number): number {
    let a0 = 0;
    let n = 0;
    let colour: 0 | 1 = 0;
    while (a0 < width) {
      const r = this.run(colour);
      if (r === ERR) return ERR;
      a0 += r;
      if (a0 > width) return ERR;
      if (a0 < width) n = push(cur, n, a0);
      colour = (colour ^ 1) as 0 | 1;
    }
    return this.pos > this.endBits ? ERR : n;
  }

  /** Decodes a 2-D line against `ref` (T.4 §4.2.1.3); returns the number of changes, or ERR. */
  line2D(cur: Int32Array, ref: Int32Array, width: number): number {
    let a0 = -1;
    let n = 0;
    let colour: 0 | 1 = 0;
    let ib = 0;
    while (a0 < width) {
      while (ib > 0 && ref[ib - 1]! > a0) ib--;
      while (ref[ib]! <= a0) ib++;
      if ((ib & 1) !== colour) ib++;
      const b1 = ref[ib]!;
      const e = MODE_LOOKUP[this.peek13() >> 6]!;
      const mode = e >> 4;
      this.pos += e & 15;
      if (mode === MODE_PASS) {
        a0 = ref[ib + 1]!;
      } else if (mode === MODE_HORIZONTAL) {
        const r1 = this.run(colour);
        if (r1 === ERR) return ERR;
        const r2 = this.run((colour ^ 1) as 0 | 1);
        if (r2 === ERR) return ERR;
        const a1 = (a0 < 0 ? 0 : a0) + r1;
        const a2 = a1 + r2;
        if (a2 > width) return ERR;
        if (a1 < width) n = push(cur, n, a1);
        if (a2 < width) n = push(cur, n, a2);
        a0 = a2;
      } else if (mode >= MODE_V0 - 3) {
        const a1 = b1 + mode - MODE_V0;
        if (a1 <= a0 || a1 > width) return ERR;
        if (a1 < width) n = push(cur, n, a1);
        a0 = a1;
        colour = (colour ^ 1) as 0 | 1;
      } else {
        return ERR;
      }
    }
    return this.pos > this.endBits ? ERR : n;
  }
}

/** Appends change x, or cancels the last one when x repeats it (a zero-length run). */
function push(cur: Int32Array, n: number, x: number): number {
  if (n > 0 && cur[n - 1] === x) return n - 1;
  cur[n] = x;
  return n + 1;
}

/** Rows of the page as they are decoded; grows when the height is not known. */
class Rows {
  data: Uint8Array;
  count = 0;
  constructor(
    readonly rowBytes: number,
    capacity: number,
    private readonly base = 0,
    into?: Uint8Array,
  ) {
    this.data = into ?? new Uint8Array(rowBytes * Math.max(1, capacity));
  }
  next(): number {
    const off = this.base + this.count * this.rowBytes;
    if (off + this.rowBytes > this.data.length) {
      const d = new Uint8Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.count++;
    return off;
  }
  draw(cur: Int32Array, n: number, width: number): void {
    const off = this.next();
    for (let i = 0; i < n; i += 2) fillBlack(this.data, off, cur[i]!, i + 1 < n ? cur[i + 1]! : width);
  }
  copyPrevious(): void {
    const off = this.next();
    if (this.count > 1) this.data.copyWithin(off, off - this.rowBytes, off);
  }
}

export function decodeT4(data: Uint8Array, opts: DecodeOptions): DecodeResult {
  const { width, coding } = opts;
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`bad page width ${width}`);
  const height = opts.height;
  const r = new Reader(data, opts.fillOrder ?? 1);
  const rowBytes = (width + 7) >> 3;
  const into = opts.into;
  if (into && (height === undefined || into.width !== width || (opts.intoRow ?? 0) + height > into.height))
    throw new RangeError('decoding into a bitmap needs a height that fits it');
  const rows = into ? new Rows(rowBytes, height!, (opts.intoRow ?? 0) * rowBytes, into.data) : new Rows(rowBytes, height ?? 1200);
  const badLines: number[] = [];
  let ref = new Int32Array(width + 4).fill(width);
  let cur = new Int32Array(width + 4);
  let endMarker = false;
  const limit = height ?? opts.maxHeight ?? 8192;
  const more = () => rows.count < limit;
  const accept = (n: number) => {
    cur[n] = width;
    cur[n + 1] = width;
    cur[n + 2] = width;
    rows.draw(cur, n, width);
    const t = ref;
    ref = cur;
    cur = t;
  };

  if (coding === 'mmr') {
    while (more()) {
      if (r.pos >= r.endBits) break;
      if (r.peek13() >> 1 === 1) {
        endMarker = true; // EOFB
        break;
      }
      const start = r.pos;
      const n = r.line2D(cur, ref, width);
      if (n === ERR) {
        r.pos = start;
        break;
      }
      accept(n);
    }
  } else {
    let needOneD = false; // MR after a bad line: 2-D lines wait for the next 1-D line
    while (more()) {
      // Fill and EOLs before the line; two EOLs in a row are the RTC.
      let eols = 0;
      let oneD = coding === 'mh' || rows.count === 0;
      for (;;) {
        const one = r.nextOne(r.pos);
        if (one >= r.endBits) {
          r.pos = r.endBits;
          break;
        }
        if (one - r.pos < 11) break; // the line's first code
        r.pos = one + 1;
        eols++;
        if (coding === 'mr') oneD = r.d[r.pos >> 3]! & (0x80 >> (r.pos++ & 7)) ? true : false;
      }
      if (eols >= 2 && rows.count > 0) {
        endMarker = true;
        break;
      }
      if (r.pos >= r.endBits) break;
      const start = r.pos;
      if (needOneD && !oneD) {
        badLines.push(rows.count);
        rows.copyPrevious();
        r.pos = start + 1;
        skipToEol(r);
        continue;
      }
      const n = oneD ? r.line1D(cur, width) : r.line2D(cur, ref, width);
      // A line must end where the next EOL begins (fill zeros in between), or at the end of the data.
      const ok = n !== ERR && (r.nextOne(r.pos) - r.pos >= 11 || r.nextOne(r.pos) >= r.endBits);
      if (ok) {
        needOneD = false;
        accept(n);
        continue;
      }
      badLines.push(rows.count);
      rows.copyPrevious();
      // The line above stays the reference; in MR the next 2-D lines would refer to a wrong line.
      needOneD = coding === 'mr';
      r.pos = start;
      skipToEol(r);
    }
  }

  // Rows the data ended before (only when the height is known): white, and counted as bad.
  if (height !== undefined)
    while (rows.count < height) {
      badLines.push(rows.count);
      rows.next();
    }
  if (into) return { bitmap: into, badLines, endMarker };
  const bitmap = createBitmap(width, rows.count);
  bitmap.data.set(rows.data.subarray(0, rows.count * rowBytes));
  return { bitmap, badLines, endMarker };
}

/** Moves to the start of the next EOL's zeros (or the end of the data). */
function skipToEol(r: Reader): void {
  for (;;) {
    const one = r.nextOne(r.pos);
    if (one >= r.endBits) {
      r.pos = r.endBits;
      return;
    }
    if (one - r.pos >= 11) return;
    r.pos = one + 1;
  }
}
