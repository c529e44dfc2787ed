/** A picked file → its format, encoding and records (the parsers' common entry for the import service and tests). */
import { parseCsv } from './csv';
import { detectFormat, type FileFormat } from './detect';
import { decodeFile } from './encoding';
import type { ImportedRecord } from './record';
import { noVCardData, vcardRecords } from './vcard.parse';

export type ReadFile = {
  format: FileFormat;
  records: ImportedRecord[];
  /** How the text was read, for the user ('UTF-8', 'Windows-1252', …). */
  encoding: string;
  /** Lines with bytes that are not valid UTF-8 (records covering them must not be imported). */
  badLines: number[];
};

/** A file whose format and encoding are known, its records still to be read (in file order, as the file is read). */
export type OpenedFile = Omit<ReadFile, 'records'> & { records: Iterable<ImportedRecord> };

/**
 * Returns null when the format is unknown. Throws ImportParseError for broken syntax, a file whose
 * encoding is in doubt, or one without records.
 */
export function readImportFile(fileName: string, bytes: Buffer, format: FileFormat | 'auto' = 'auto'): ReadFile | null {
  const file = openImportFile(fileName, bytes, format);
  if (!file) return null;
  const records = [...file.records];
  if (records.length === 0) throw noVCardData(); // a CSV without records has thrown already
  return { ...file, records };
}

/**
 * Decides format and encoding (throwing as readImportFile does) and hands the records over lazily:
 * a vCard file's records are parsed as they are taken, so a reader can pass on the first ones while
 * it reads the rest. Reading them can throw ImportParseError; a file with none is the caller's to refuse.
 */
export function openImportFile(fileName: string, bytes: Buffer, format: FileFormat | 'auto' = 'auto'): OpenedFile | null {
  const f = format === 'auto' ? detectFormat(fileName, bytes) : format;
  if (!f) return null;
  const decoded = decodeFile(bytes);
  // A single-byte vCard is parsed as Latin-1 (a character per byte) so each value is decoded in its own CHARSET.
  const records = f === 'csv' ? parseCsv(decoded.text) : decoded.legacy ? vcardRecords(bytes.toString('latin1'), decoded.legacy) : vcardRecords(decoded.text);
  return { format: f, records, encoding: decoded.encoding, badLines: decoded.badLines };
}
