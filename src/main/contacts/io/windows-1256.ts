/**
 * Windows-1256 (the Arabic/Persian Windows code page), in which older Persian Windows programs and
 * Excel "CSV" (without UTF-8) save text. Node with full ICU decodes it natively; this table is the
 * fallback for runtimes built with small ICU, and a test checks it against the native decoder.
 */
import { TextDecoder } from 'node:util';

// Characters of bytes 0x80–0xFF (WHATWG / Microsoft cp1256); 0x00–0x7F are ASCII.
const HIGH_HALF =
  '\u20ac\u067e\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0679\u2039\u0152\u0686\u0698\u0688' + // 80
  '\u06af\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u06a9\u2122\u0691\u203a\u0153\u200c\u200d\u06ba' + // 90
  '\u00a0\u060c\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u06be\u00ab\u00ac\u00ad\u00ae\u00af' + // A0
  '\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u061b\u00bb\u00bc\u00bd\u00be\u061f' + // B0
  '\u06c1\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062a\u062b\u062c\u062d\u062e\u062f' + // C0
  '\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u00d7\u0637\u0638\u0639\u063a\u0640\u0641\u0642\u0643' + // D0
  '\u00e0\u0644\u00e2\u0645\u0646\u0647\u0648\u00e7\u00e8\u00e9\u00ea\u00eb\u0649\u064a\u00ee\u00ef' + // E0
  '\u064b\u064c\u064d\u064e\u00f4\u064f\u0650\u00f7\u0651\u00f9\u0652\u00fb\u00fc\u200e\u200f\u06d2'; // F0

/** Decodes with the table alone (exported for the test against the native decoder). */
export function decodeWindows1256ByTable(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192; // String.fromCharCode(...codes) has an argument limit
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(start, start + CHUNK)) codes.push(b < 0x80 ? b : HIGH_HALF.charCodeAt(b - 0x80));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

let native: TextDecoder | null | undefined;

/** Windows-1256 bytes → text, with the runtime's decoder when it has one. */
export function decodeWindows1256(bytes: Uint8Array): string {
  if (native === undefined) {
    try {
      native = new TextDecoder('windows-1256');
    } catch {
      native = null; // small-ICU build: RangeError for the label
    }
  }
  return native ? native.decode(bytes) : decodeWindows1256ByTable(bytes);
}
