/**
 * Bit-level output for the encoders (most significant bit first, as T.4 sends and TIFF FillOrder 1
 * stores), and the code tables turned into numbers for both directions.
 */
import { BLACK_MAKEUP, BLACK_TERMINATING, EXTENDED_MAKEUP, WHITE_MAKEUP, WHITE_TERMINATING } from './tables';

export class BitWriter {
  private buf = new Uint8Array(1 << 16);
  private len = 0; // whole bytes written
  private acc = 0; // pending bits, right-aligned
  private nacc = 0;

  /** Bits written so far. */
  get bits(): number {
    return this.len * 8 + this.nacc;
  }

  /** Appends the low `n` bits of `code` (n ≤ 24). */
  put(code: number, n: number): void {
    this.acc = ((this.acc << n) | code) >>> 0;
    this.nacc += n;
    while (this.nacc >= 8) {
      this.nacc -= 8;
      if (this.len === this.buf.length) this.grow();
      this.buf[this.len++] = (this.acc >>> this.nacc) & 0xff;
    }
    this.acc &= (1 << this.nacc) - 1;
  }

  /** Appends `n` zero bits (fill). */
  zeros(n: number): void {
    for (; n > 16; n -= 16) this.put(0, 16);
    if (n > 0) this.put(0, n);
  }

  /** Pads with zeros to the next byte boundary and returns the bytes. */
  finish(): Uint8Array {
    if (this.nacc > 0) this.put(0, 8 - this.nacc);
    return this.buf.slice(0, this.len);
  }

  private grow(): void {
    const b = new Uint8Array(this.buf.length * 2);
    b.set(this.buf);
    this.buf = b;
  }
}

/** A code as a number and its length in bits. */
export type Code = { code: number; len: number };

const toCode = (bits: string): Code => ({ code: parseInt(bits, 2), len: bits.length });

/** Per colour (0 white, 1 black): terminating codes by run 0–63 and make-up codes by run/64 (1–40, 28–40 extended). */
export const TERMINATING: readonly [Code[], Code[]] = [WHITE_TERMINATING.map(toCode), BLACK_TERMINATING.map(toCode)];
export const MAKEUP: readonly [Code[], Code[]] = [
  [toCode('0'), ...WHITE_MAKEUP.map(toCode), ...EXTENDED_MAKEUP.map(toCode)],
  [toCode('0'), ...BLACK_MAKEUP.map(toCode), ...EXTENDED_MAKEUP.map(toCode)],
];

/** Writes one run of `colour` (T.4 §4.1.1): 2560 make-ups while needed, then a make-up and a terminating code. */
export function putRun(w: BitWriter, run: number, colour: 0 | 1): void {
  const makeup = MAKEUP[colour];
  while (run >= 2560) {
    const c = makeup[40]!;
    w.put(c.code, c.len);
    run -= 2560;
  }
  if (run >= 64) {
    const c = makeup[run >> 6]!;
    w.put(c.code, c.len);
    run &= 63;
  }
  const t = TERMINATING[colour][run]!;
  w.put(t.code, t.len);
}
