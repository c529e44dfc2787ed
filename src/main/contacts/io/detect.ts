/** Which format a picked file is (its encoding is decided in encoding.ts). */
import { decodeFile, sniffText } from './encoding';

export type FileFormat = 'vcard' | 'csv';

const SNIFF_BYTES = 16 * 1024;

/**
 * Guesses the format from the content first (a BEGIN:VCARD line wins over any name), then the file
 * extension, then whether the first line looks delimited. Returns null for spreadsheets in binary
 * form (.xlsx, .xls) and anything else we cannot read.
 */
export function detectFormat(fileName: string, bytes: Buffer): FileFormat | null {
  if (isBinarySpreadsheet(bytes)) return null;
  const head = sniffText(bytes.subarray(0, SNIFF_BYTES));
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
  return (
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
  );
}

/** File bytes → text without a BOM (see encoding.ts; throws ImportParseError when the encoding is in doubt). */
export function decodeText(bytes: Buffer): string {
  return decodeFile(bytes).text;
}
