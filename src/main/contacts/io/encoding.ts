/**
 * Which encoding a picked file is in, decided on the whole file. Phones and Google write UTF-8, Excel
 * and Outlook UTF-16 with a BOM, and older Windows programs a single-byte code page with no marker:
 * Windows-1256 on a Persian PC, 1252 (Western), 1251 (Cyrillic) or 1253 (Greek) on others. Text is
 * never imported from bytes that could not be decoded: a mostly-UTF-8 file with a few broken bytes is
 * UTF-8 whose broken lines are reported, and a file that is neither clearly is refused with the line
 * of its first bad byte.
 */
import { TextDecoder } from 'node:util';
import { ImportParseError } from './record';
import { decodeWindows1256 } from './windows-1256';

export type LegacyCharset = 'windows-1256' | 'windows-1252' | 'windows-1251' | 'windows-1253';

export type DecodedFile = {
  text: string;
  /** For the user: 'UTF-8', 'UTF-16', 'Windows-1256', … */
  encoding: string;
  /** Set for single-byte files: the code page the text was read in (a vCard property's CHARSET may name another). */
  legacy: LegacyCharset | null;
  /** 1-based lines holding bytes that are not UTF-8 (their text was not decoded and must not be imported). */
  badLines: number[];
};

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Valid UTF-8 sequences per invalid byte at or above which a file is UTF-8 with a few broken bytes;
 * a single-byte Persian text makes a valid pair now and then (ب + ک), never this many.
 */
const UTF8_MARGIN = 8;

/** The whole file → text. Throws ImportParseError('mixed_encoding') naming the line when in doubt. */
export function decodeFile(bytes: Buffer): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8File(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'le'), encoding: 'UTF-16', legacy: null, badLines: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'be'), encoding: 'UTF-16', legacy: null, badLines: [] };
  const bomless = utf16Order(bytes);
  if (bomless) return { text: utf16(bytes, bomless), encoding: 'UTF-16', legacy: null, badLines: [] };
  const strict = tryUtf8(bytes) ?? tryUtf8(unsplitFoldedUtf8(bytes));
  if (strict !== null) return { text: strict, encoding: 'UTF-8', legacy: null, badLines: [] };

  const scan = scanUtf8(bytes);
  if (scan.valid >= UTF8_MARGIN * scan.invalid) return { text: utf8Lenient.decode(bytes), encoding: 'UTF-8', legacy: null, badLines: scan.badLines };
  if (scan.valid > scan.invalid) {
    throw new ImportParseError(
      scan.firstBadLine,
      'mixed_encoding',
      `mostly UTF-8, but the byte on this line is not (${scan.valid} valid sequences, ${scan.invalid} bad bytes)`,
    );
  }
  const legacy = guessLegacyCharset(bytes);
  return { text: decodeLegacy(bytes, legacy), encoding: LEGACY_NAMES[legacy], legacy, badLines: [] };
}

/** Lenient text of the first bytes, only to guess the format. */
export function sniffText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'be');
  const bomless = utf16Order(bytes);
  if (bomless) return utf16(bytes, bomless);
  return utf8Lenient.decode(bytes).replace(/^\uFEFF/, '');
}

function utf8File(bytes: Buffer): DecodedFile {
  const strict = tryUtf8(bytes) ?? tryUtf8(unsplitFoldedUtf8(bytes));
  if (strict !== null) return { text: strict, encoding: 'UTF-8', legacy: null, badLines: [] };
  return { text: utf8Lenient.decode(bytes), encoding: 'UTF-8', legacy: null, badLines: scanUtf8(bytes).badLines };
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none, with their lines. */
export function scanUtf8(bytes: Uint8Array): { valid: number; invalid: number; firstBadLine: number; badLines: number[] } {
  let valid = 0;
  let invalid = 0;
  let line = 1;
  const badLines: number[] = [];
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k]!;
    if (b < 0x80) {
      if (b === 0x0a || (b === 0x0d && bytes[k + 1] !== 0x0a)) line++;
      continue;
    }
    const n = sequenceLength(bytes, k);
    if (n > 0) {
      valid++;
      k += n - 1;
    } else {
      invalid++;
      if (badLines.at(-1) !== line) badLines.push(line);
    }
  }
  return { valid, invalid, firstBadLine: badLines[0] ?? 1, badLines };
}

/** Length of the well-formed UTF-8 sequence starting at k (RFC 3629 ranges), or 0. */
function sequenceLength(b: Uint8Array, k: number): number {
  const c0 = b[k]!;
  const cont = (i: number, lo = 0x80, hi = 0xbf) => k + i < b.length && b[k + i]! >= lo && b[k + i]! <= hi;
  if (c0 >= 0xc2 && c0 <= 0xdf) return cont(1) ? 2 : 0;
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const [lo, hi] = c0 === 0xe0 ? [0xa0, 0xbf] : c0 === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const [lo, hi] = c0 === 0xf0 ? [0x90, 0xbf] : c0 === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

const LEGACY_NAMES: Record<LegacyCharset, string> = {
  'windows-1256': 'Windows-1256',
  'windows-1252': 'Windows-1252',
  'windows-1251': 'Windows-1251',
  'windows-1253': 'Windows-1253',
};

/**
 * The ten most frequent letters of the language of each code page (Persian, Russian, Greek): the
 * same bytes decoded in the wrong code page land on rarer letters.
 */
const COMMON_LETTERS: Record<Exclude<LegacyCharset, 'windows-1252'>, RegExp> = {
  'windows-1256': /[اينرمودهبت]/gu,
  'windows-1251': /[оеаинтсрвл]/giu,
  'windows-1253': /[αοιετσνηυρ]/giu,
};

/**
 * Tells the single-byte code pages apart by the text. In Western text the accented letters sit inside
 * words of ASCII letters (Nüßlebaum); in Persian, Russian and Greek the high bytes make whole words,
 * and the code page whose common letters they decode to most often is the one.
 */
export function guessLegacyCharset(bytes: Uint8Array): LegacyCharset {
  const isAsciiLetter = (b: number | undefined) => b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
  let inLatinWords = 0;
  let alone = 0;
  const high: number[] = [];
  for (let k = 0; k < bytes.length; k++) {
    const b = bytes[k]!;
    if (b < 0x80) continue;
    if (isAsciiLetter(bytes[k - 1]) || isAsciiLetter(bytes[k + 1])) inLatinWords++;
    else {
      alone++;
      high.push(b);
    }
  }
  if (inLatinWords > alone) return 'windows-1252';
  const sample = Buffer.from(high);
  let best: LegacyCharset = 'windows-1256';
  let bestScore = -1;
  for (const cs of Object.keys(COMMON_LETTERS) as (keyof typeof COMMON_LETTERS)[]) {
    const score = decodeLegacy(sample, cs).match(COMMON_LETTERS[cs])?.length ?? 0;
    if (score > bestScore) [best, bestScore] = [cs, score];
  }
  return best;
}

/**
 * Windows-1252 bytes 0x80–0x9F (WHATWG index): Node decodes them as C1 controls, which is Latin-1,
 * not 1252. 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned and keep their control code.
 */
const CP1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const decoders = new Map<string, TextDecoder>();

/** Single-byte code page → text (every byte decodes). */
export function decodeLegacy(bytes: Uint8Array, charset: LegacyCharset): string {
  if (charset === 'windows-1256') return decodeWindows1256(bytes);
  let d = decoders.get(charset);
  if (!d) decoders.set(charset, (d = new TextDecoder(charset)));
  const text = d.decode(bytes);
  return charset === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!) : text;
}

/**
 * A vCard CHARSET parameter → the code page we decode it with, or null for one we do not know.
 * ISO-8859-1 is read as Windows-1252, as browsers do (writers that say Latin-1 mean it).
 */
export function charsetOf(name: string): LegacyCharset | 'utf-8' | 'other' | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (/^utf-?8$/.test(n)) return 'utf-8';
  if (/^(iso-?8859-1|latin-?1|(windows|cp)-?1252|us-ascii|ascii)$/.test(n)) return 'windows-1252';
  if (/^(windows|cp)-?1256$/.test(n)) return 'windows-1256';
  if (/^(windows|cp)-?1251$/.test(n)) return 'windows-1251';
  if (/^(windows|cp)-?1253$/.test(n)) return 'windows-1253';
  try {
    new TextDecoder(n);
    return 'other';
  } catch {
    return null;
  }
}

/**
 * Bytes of one value → text in the named charset. Throws ImportParseError('bad_encoding') when the
 * bytes are not valid in it or the charset is unknown (the caller then leaves the value out).
 */
export function decodeCharset(bytes: Uint8Array, charset: string, lineNo: number): string {
  const cs = charsetOf(charset);
  if (cs === null) throw new ImportParseError(lineNo, 'bad_encoding', `unknown CHARSET "${charset}"`);
  if (cs !== 'utf-8' && cs !== 'other') return decodeLegacy(bytes, cs);
  try {
    return cs === 'utf-8' ? utf8Strict.decode(bytes) : new TextDecoder(charset.trim().toLowerCase(), { fatal: true }).decode(bytes);
  } catch {
    throw new ImportParseError(lineNo, 'bad_encoding', `bytes are not valid ${charset}`);
  }
}

/**
 * Some vCard writers fold lines by counting bytes and break a UTF-8 character in two ("\xD8" CRLF
 * space "\xB9"), which makes the whole file invalid UTF-8. Moving the stray continuation bytes in
 * front of the line break mends the character, unfolds to the same text, and keeps the line count (so
 * error line numbers stay right).
 */
function unsplitFoldedUtf8(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  for (let k = 1; k + 2 < out.length; k++) {
    if (out[k] !== 0x0a || (out[k + 1] !== 0x20 && out[k + 1] !== 0x09)) continue;
    let end = k + 2;
    while (end < out.length && end < k + 5 && (out[end]! & 0xc0) === 0x80) end++;
    const count = end - (k + 2);
    if (count === 0) continue;
    const breakStart = out[k - 1] === 0x0d ? k - 1 : k;
    const lineBreak = Buffer.from(out.subarray(breakStart, k + 2));
    out.copy(out, breakStart, k + 2, end);
    lineBreak.copy(out, breakStart + count);
    k = end - 1;
  }
  return out;
}

/** UTF-8 and single-byte text never holds NUL; UTF-16 text with ASCII in it holds many, on one side. */
function utf16Order(bytes: Buffer): 'le' | 'be' | null {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 1024);
  for (let k = 0; k < n; k++) {
    if (bytes[k] === 0) {
      if (k % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd < 2) return null;
  return odd > even ? 'le' : 'be';
}

function utf16(bytes: Buffer, order: 'le' | 'be'): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2))); // a copy: swap16 works in place
  if (order === 'be') even.swap16();
  return even.toString('utf16le');
}
