/**
 * The import's reader thread (started by import-reader.ts): decodes, parses and cleans the picked
 * file (openImportFile) and posts its records in chunks while it reads on, so the engine thread
 * reviews the first records while the last are still being parsed, and answers other requests between
 * chunks. Posts ReaderMessage values; the file's bytes come transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { FileFormat } from './detect';
import { prepareRecord, type PrepareContext } from './import-prepare';
import { createStageWriter } from './import-stage';
import { openImportFile } from './read-file';
import { ImportParseError, type ImportedRecord } from './record';
import { noVCardData } from './vcard.parse';
import type { ReaderInput, ReaderMessage } from './import-reader';

/** Records per message: small enough that the engine thread is back for other requests within tens of milliseconds. */
const CHUNK = 1000;

function post(m: ReaderMessage): void {
  parentPort!.postMessage(m);
}

type Stage = ReturnType<typeof createStageWriter>;

/**
 * Posts a chunk of records (the first is the file's `first`th), each prepared for the commit when asked
 * (import-prepare.ts): posted beside the records, or written into the staging file (import-stage.ts).
 */
function send(records: ImportedRecord[], first: number, prepare: PrepareContext | undefined, stage: Stage | null): void {
  if (!prepare) return post({ kind: 'records', records });
  const prepared = records.map((r) => prepareRecord(r, prepare));
  if (!stage) return post({ kind: 'records', records, prepared });
  const staged = prepared.map((p, i) => (p === null ? null : stage.add(first + i, p, records[i]!.groupNames)));
  post({ kind: 'records', records, staged });
}

function read({ fileName, bytes, format, prepare }: ReaderInput): void {
  // Electron's engine loads SQLite's addon from the path its host names (scripts/start.mjs); this thread does the same.
  const stage = prepare?.stage ? createStageWriter(prepare.stage, process.env.MONSHI_SQLITE_BINDING || undefined) : null;
  try {
    readInto(fileName, bytes, format, prepare, stage);
  } finally {
    stage?.abandon();
  }
}

function readInto(fileName: string, bytes: Uint8Array, format: ReaderInput['format'], prepare: PrepareContext | undefined, stage: Stage | null): void {
  const file = openImportFile(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), format as FileFormat | 'auto');
  if (!file) return post({ kind: 'unknown_format' });
  post({ kind: 'opened', format: file.format, encoding: file.encoding, badLines: file.badLines });
  let chunk: ImportedRecord[] = [];
  let count = 0;
  for (const r of file.records) {
    chunk.push(r);
    count++;
    if (chunk.length === CHUNK) {
      send(chunk, count - CHUNK, prepare, stage);
      chunk = [];
    }
  }
  if (count === 0) throw noVCardData(); // a CSV without records has thrown already
  if (chunk.length > 0) send(chunk, count - chunk.length, prepare, stage);
  stage?.close();
  post({ kind: 'done' });
}

try {
  read(workerData as ReaderInput);
} catch (e) {
  // A file that cannot be read is an answer, not a crash; anything else ends the thread with its error.
  if (!(e instanceof ImportParseError)) throw e;
  post({ kind: 'unreadable', line: e.line, reason: e.reason, detail: e.message.replace(/^line \d+: /, ''), column: e.column });
}
