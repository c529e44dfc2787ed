/**
 * Lookup tables for the decoders, built once from the code tables (tables.ts): the next 13 bits of
 * the stream index straight into the entry of the run code they start with (the longest code, a black
 * make-up, has 13 bits), and the next 7 bits into the 2-D mode code.
 */
import { BLACK_MAKEUP, BLACK_TERMINATING, EXTENDED_MAKEUP, MODE_CODES, WHITE_MAKEUP, WHITE_TERMINATING } from './tables';

/** Kinds of a run entry: entry = run << 8 | kind << 4 | code length. */
export const RUN_INVALID = 0;
export const RUN_TERMINATING = 1;
export const RUN_MAKEUP = 2;
/** Eleven or more zeros: an EOL (or fill before one) where a run code was expected. */
export const RUN_EOL = 3;

/** Mode entry = mode << 4 | code length; vertical modes are MODE_V0 + offset (−3…3). */
export const MODE_INVALID = 0;
export const MODE_PASS = 1;
export const MODE_HORIZONTAL = 2;
export const MODE_V0 = 10;

function fill(table: Int32Array, bits: string, value: number, peek: number): void {
  const len = bits.length;
  const first = parseInt(bits, 2) << (peek - len);
  const count = 1 << (peek - len);
  for (let i = 0; i < count; i++) {
    if (table[first + i] !== 0) throw new Error(`code table not prefix-free at ${bits}`);
    table[first + i] = value;
  }
}

function runTable(terminating: readonly string[], makeup: readonly string[]): Int32Array {
  const t = new Int32Array(1 << 13);
  terminating.forEach((bits, run) => fill(t, bits, (run << 8) | (RUN_TERMINATING << 4) | bits.length, 13));
  [...makeup, ...EXTENDED_MAKEUP].forEach((bits, i) => fill(t, bits, (((i + 1) * 64) << 8) | (RUN_MAKEUP << 4) | bits.length, 13));
  // Twelve leading zeros (EOL or fill); eleven zeros and a one are the EOL's start too.
  fill(t, '00000000000', (RUN_EOL << 4) | 12, 13);
  return t;
}

/** Indexed by the next 13 bits: white (0) and black (1) run codes. */
export const RUN_LOOKUP: readonly [Int32Array, Int32Array] = [runTable(WHITE_TERMINATING, WHITE_MAKEUP), runTable(BLACK_TERMINATING, BLACK_MAKEUP)];

function modeTable(): Int32Array {
  const t = new Int32Array(1 << 7);
  const m = MODE_CODES;
  const entries: [string, number][] = [
    [m.pass, MODE_PASS],
    [m.horizontal, MODE_HORIZONTAL],
    [m.v0, MODE_V0],
    [m.vr1, MODE_V0 + 1],
    [m.vr2, MODE_V0 + 2],
    [m.vr3, MODE_V0 + 3],
    [m.vl1, MODE_V0 - 1],
    [m.vl2, MODE_V0 - 2],
    [m.vl3, MODE_V0 - 3],
  ];
  for (const [bits, mode] of entries) fill(t, bits, (mode << 4) | bits.length, 7);
  return t; // 0000001 (extensions, T.4 §4.2.1.3.5) and 0000000 (EOL) stay MODE_INVALID
}

/** Indexed by the next 7 bits: the 2-D mode code. */
export const MODE_LOOKUP = modeTable();
