/**
 * The import's reader thread (started by import-reader.ts): decodes, parses and cleans the picked
 * file (openImportFile) and posts its records in chunks while it reads on, so the engine thread
 * reviews the first records while the last are still being parsed, and answers other requests between
 * chunks. Posts ReaderMessage values; the file's bytes come transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileFormat } from './detect';
import { prepareRecord, type PrepareContext } from './import-prepare';
import { openImportFile } from './read-file';
import { ImportParseError, type ImportedRecord } from './record';
import { noVCardData } from './vcard.parse';
import type { ReaderInput, ReaderMessage } from './import-reader';

/** Records per message: small enough that the engine thread is back for other requests within tens of milliseconds. */
const CHUNK = 1000;

function post(m: ReaderMessage): void {
  parentPort!.postMessage(m);
}

/** Posts a chunk of records, each prepared for the commit when asked (import-prepare.ts). */
function send(records: ImportedRecord[], prepare: PrepareContext | undefined): void {
  post(prepare ? { kind: 'records', records, prepared: records.map((r) => prepareRecord(r, prepare)) } : { kind: 'records', records });
}

function read({ fileName, bytes, format, prepare }: ReaderInput): void {
  const file = openImportFile(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), format as FileFormat | 'auto');
  if (!file) return post({ kind: 'unknown_format' });
  post({ kind: 'opened', format: file.format, encoding: file.encoding, badLines: file.badLines });
  let chunk: ImportedRecord[] = [];
  let count = 0;
  for (const r of file.records) {
    chunk.push(r);
    count++;
    if (chunk.length === CHUNK) {
      send(chunk, prepare);
      chunk = [];
    }
  }
  if (count === 0) throw noVCardData(); // a CSV without records has thrown already
  if (chunk.length > 0) send(chunk, prepare);
  post({ kind: 'done' });
}

try {
  read(workerData as ReaderInput);
} catch (e) {
  // A file that cannot be read is an answer, not a crash; anything else ends the thread with its error.
  if (!(e instanceof ImportParseError)) throw e;
  post({ kind: 'unreadable', line: e.line, reason: e.reason, detail: e.message.replace(/^line \d+: /, ''), column: e.column });
}
