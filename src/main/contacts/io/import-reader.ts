/**
 * Reads a picked file in a worker thread (import-reader.worker.ts): the same records, in the same
 * order, with the same errors as readImportFile in the engine's own thread — handed over in chunks as
 * they are parsed, to a callback that runs on the engine thread between other requests.
 */
import path from 'node:path';
import { startWorker } from '../../kernel/worker-thread';
import type { FileFormat } from './detect';
import type { PrepareContext, PreparedRecord } from './import-prepare';
import type { ReadFile } from './read-file';
import { ImportParseError, type ImportErrorReason, type ImportedRecord } from './record';

export type ReaderInput = { fileName: string; bytes: Uint8Array; format: FileFormat | 'auto'; prepare?: PrepareContext };

/** What the reader thread posts, in this order: opened (or unknown_format), records…, done — or unreadable at any point. */
export type ReaderMessage =
  | { kind: 'unknown_format' }
  | { kind: 'opened'; format: FileFormat; encoding: string; badLines: number[] }
  | { kind: 'records'; records: ImportedRecord[]; prepared?: (PreparedRecord | null)[] }
  | { kind: 'done' }
  | { kind: 'unreadable'; line: number; reason: ImportErrorReason; detail: string; column?: string };

export type FileHead = Omit<ReadFile, 'records'>;

/**
 * Resolves with the file's format and encoding once every record was passed to `onRecords` (called
 * in file order, after the head is known), or null when the format is unknown. Rejects with
 * ImportParseError as readImportFile throws it, with what `onRecords` throws (the reader is then
 * stopped), or with the reader thread's own failure. `running` holds a stop function while the
 * reader runs (the engine's import service stops its readers when it closes; the preview then fails).
 * The bytes are handed over to the thread, not copied: the caller's Buffer is empty afterwards.
 * With `prepare`, the thread also prepares each record for the commit (import-prepare.ts), passed
 * beside the records (null for a record it could not prepare).
 */
export function readInWorker(
  fileName: string,
  bytes: Buffer,
  format: FileFormat | 'auto',
  onRecords: (head: FileHead, records: ImportedRecord[], prepared?: (PreparedRecord | null)[]) => void,
  running: Set<() => void>,
  prepare?: PrepareContext,
): Promise<FileHead | null> {
  // Transferred, not copied; a small Buffer may share Node's pool with others, so it is copied first.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : Uint8Array.prototype.slice.call(bytes);
  const input: ReaderInput = { fileName, bytes: own, format, prepare };
  const worker = startWorker('import-reader.worker', path.join(__dirname, 'import-reader.worker.ts'), {
    workerData: input,
    transferList: [own.buffer as ArrayBuffer],
  });
  return new Promise<FileHead | null>((resolve, reject) => {
    let head: FileHead | null = null;
    let settled = false;
    const stop = () => void worker.terminate();
    running.add(stop);
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      running.delete(stop);
      fn();
      stop();
    };
    worker.on('message', (m: ReaderMessage) => {
      try {
        switch (m.kind) {
          case 'unknown_format':
            return finish(() => resolve(null));
          case 'opened':
            head = { format: m.format, encoding: m.encoding, badLines: m.badLines };
            return;
          case 'records':
            if (!settled) onRecords(head!, m.records, m.prepared);
            return;
          case 'done':
            return finish(() => resolve(head));
          case 'unreadable':
            return finish(() => reject(new ImportParseError(m.line, m.reason, m.detail, m.column)));
        }
      } catch (e) {
        finish(() => reject(e));
      }
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the import reader stopped (exit code ${code}) before the end of the file`))));
  });
}
