/** A picked file → its format, encoding and records (the parsers' common entry for the import service and tests). */
import { parseCsv } from './csv';
import { detectFormat, type FileFormat } from './detect';
import { decodeFile } from './encoding';
import type { ImportedRecord } from './record';
import { parseVCards } from './vcard.parse';

export type ReadFile = {
  format: FileFormat;
  records: ImportedRecord[];
  /** How the text was read, for the user ('UTF-8', 'Windows-1252', …). */
  encoding: string;
  /** Lines with bytes that are not valid UTF-8 (records covering them must not be imported). */
  badLines: number[];
};

/**
 * Returns null when the format is unknown. Throws ImportParseError for broken syntax, a file whose
 * encoding is in doubt, or one without records.
 */
export function readImportFile(fileName: string, bytes: Buffer, format: FileFormat | 'auto' = 'auto'): ReadFile | null {
  const f = format === 'auto' ? detectFormat(fileName, bytes) : format;
  if (!f) return null;
  const decoded = decodeFile(bytes);
  // A single-byte vCard is parsed as Latin-1 (a character per byte) so each value is decoded in its own CHARSET.
  const records = f === 'csv' ? parseCsv(decoded.text) : decoded.legacy ? parseVCards(bytes.toString('latin1'), decoded.legacy) : parseVCards(decoded.text);
  return { format: f, records, encoding: decoded.encoding, badLines: decoded.badLines };
}
