/**
 * Bit-level output for the encoders (most significant bit first, as T.4 sends and TIFF FillOrder 1
 * stores), and the code tables turned into numbers for both directions.
 */
import { BLACK_MAKEUP, BLACK_TERMINATING, EXTENDED_MAKEUP, WHITE_MAKEUP, WHITE_TERMINATING } from './tables';

export class BitWriter {
  private buf: Uint8Array;
  private len = 0; // whole bytes written
  private acc = 0; // pending bits, right-aligned
  private nacc = 0;

  /** `capacity`: the expected size in bytes (the buffer doubles when it runs out). */
  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  /** Bits written so far. */
  get bits(): number {
    return this.len * 8 + this.nacc;
  }

  /** Appends the low `n` bits of `code` (n ≤ 24). */
  put(code: number, n: number): void {
    let nacc = this.nacc + n;
    let acc = (this.acc << n) | code;
    if (nacc >= 8) {
      if (this.len + 4 > this.buf.length) this.grow();
      const buf = this.buf;
      do {
        nacc -= 8;
        buf[this.len++] = (acc >>> nacc) & 0xff;
      } while (nacc >= 8);
      acc &= (1 << nacc) - 1;
    }
    this.acc = acc;
    this.nacc = nacc;
  }

  /** Appends `n` zero bits (fill). */
  zeros(n: number): void {
    for (; n > 16; n -= 16) this.put(0, 16);
    if (n > 0) this.put(0, n);
  }

  /** Pads with zeros to the next byte boundary and returns the bytes. */
  finish(): Uint8Array {
    if (this.nacc > 0) this.put(0, 8 - this.nacc);
    // A view when most of the buffer is used (no copy); a copy when a view would hold much unused memory.
    return this.len > this.buf.length / 2 ? this.buf.subarray(0, this.len) : this.buf.slice(0, this.len);
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

/** The same codes flattened for the encoder's inner loop: index colour·64 + run (terminating), colour·41 + run/64 (make-up). */
const TERM_CODE = Int32Array.from([...TERMINATING[0], ...TERMINATING[1]], (c) => c.code);
const TERM_LEN = Int32Array.from([...TERMINATING[0], ...TERMINATING[1]], (c) => c.len);
const MAKEUP_CODE = Int32Array.from([...MAKEUP[0], ...MAKEUP[1]], (c) => c.code);
const MAKEUP_LEN = Int32Array.from([...MAKEUP[0], ...MAKEUP[1]], (c) => c.len);

/** Writes one run of `colour` (T.4 §4.1.1): 2560 make-ups while needed, then a make-up and a terminating code. */
export function putRun(w: BitWriter, run: number, colour: 0 | 1): void {
  const m = colour * 41;
  while (run >= 2560) {
    w.put(MAKEUP_CODE[m + 40]!, MAKEUP_LEN[m + 40]!);
    run -= 2560;
  }
  if (run >= 64) {
    w.put(MAKEUP_CODE[m + (run >> 6)]!, MAKEUP_LEN[m + (run >> 6)]!);
    run &= 63;
  }
  w.put(TERM_CODE[colour * 64 + run]!, TERM_LEN[colour * 64 + run]!);
}
