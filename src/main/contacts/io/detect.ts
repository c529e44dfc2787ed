/**
 * Which format a picked file is, and its text. Phones and Google write UTF-8 (sometimes with a BOM),
 * Excel's "Unicode text" and Outlook write UTF-16 with a BOM, and older Persian Windows software
 * writes Windows-1256 with no marker at all — which is what bytes that are not valid UTF-8 are taken
 * to be.
 */
import { decodeWindows1256 } from './windows-1256';

export type FileFormat = 'vcard' | 'csv';

const SNIFF_BYTES = 16 * 1024;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/**
 * Guesses the format from the content first (a BEGIN:VCARD line wins over any name), then the file
 * extension, then whether the first line looks delimited. Returns null for spreadsheets in binary
 * form (.xlsx, .xls) and anything else we cannot read.
 */
export function detectFormat(fileName: string, bytes: Buffer): FileFormat | null {
  if (isBinarySpreadsheet(bytes)) return null;
  const head = decodeText(bytes.subarray(0, SNIFF_BYTES));
  if (/^\s*begin\s*:\s*vcard\s*$/im.test(head)) return 'vcard';
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
  if (ext === 'vcf' || ext === 'vcard') return 'vcard'; // the parser then says what is wrong with it
  if (head.includes('\u0000')) return null;
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  const firstLine = /^[^\r\n]*/.exec(head.replace(/^\uFEFF/, ''))![0];
  return /[,;\t]/.test(firstLine) ? 'csv' : null;
}

/** ZIP (xlsx, ods) and OLE2 (xls) containers. */
function isBinarySpreadsheet(bytes: Buffer): boolean {
  return (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);
}

/**
 * File bytes → text without a BOM: UTF-8 (BOM or not), UTF-16 LE/BE (by BOM, or by the NUL bytes
 * that ASCII characters leave in it), otherwise Windows-1256 when the bytes are not valid UTF-8.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8Lenient.decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'be');
  const bomless = utf16Order(bytes);
  if (bomless) return utf16(bytes, bomless);
  const strict = tryUtf8(bytes) ?? tryUtf8(unsplitFoldedUtf8(bytes));
  return strict ?? decodeWindows1256(bytes);
}

function tryUtf8(bytes: Buffer): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
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

/** UTF-8 and Windows-1256 text never holds NUL; UTF-16 text with ASCII in it holds many, on one side. */
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
