/**
 * Making a backup of a running Monshi: SQLite's online backup of the open connection (never a copy of a
 * live WAL database's files, which can catch the file and its WAL at different moments), then the
 * snapshot and every file of recordings/, voicemail/, faxes/ and attachments/, streamed into one
 * archive (backup-archive.ts). Each step awaits I/O, so the engine answers requests between chunks.
 * Written beside as `FILE.partial` and renamed at the end: a backup that stops midway (a full USB
 * disk, a crash) never leaves a file that looks like a finished backup.
 */
import Database from 'better-sqlite3';
import { createReadStream } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import { DATA_SUBDIRS } from '../paths';
import { createArchiveWriter, type Manifest } from './backup-archive';

/** What the manifest counts, by table: shown before a restore so the user sees what a backup holds. */
export const COUNTED_TABLES = {
  contacts: 'contacts',
  calls: 'calls',
  cheques: 'cheques',
  people: 'person_files',
  reminders: 'reminders',
  voicemails: 'voicemails',
  recordings: 'call_recordings',
  faxes: 'fax_log',
} as const;

export type BackupOptions = {
  db: Db;
  dataDir: string;
  /** The backup file to write (it must not exist yet). */
  file: string;
  password: string | null;
  appVersion: string;
  nativeBinding?: string;
  /** The clock of the engine (the manifest's date). */
  now: () => Date;
};

/** The files under one of the data folder's sub-folders, as `sub/relative/path` with `/` separators. */
async function* filesUnder(dataDir: string, sub: string): AsyncGenerator<string> {
  const walk = async function* (rel: string): AsyncGenerator<string> {
    let entries;
    try {
      entries = await readdir(path.join(dataDir, rel), { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const d of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = `${rel}/${d.name}`;
      if (d.isDirectory()) yield* walk(child);
      else if (d.isFile()) yield child;
    }
  };
  yield* walk(sub);
}

export function countsOf(file: string, nativeBinding?: string): { schemaVersion: number; counts: Record<string, number> } {
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const counts: Record<string, number> = {};
    const tables = new Set(ro.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    for (const [what, table] of Object.entries(COUNTED_TABLES)) {
      if (tables.has(table)) counts[what] = ro.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    }
    return { schemaVersion: ro.pragma('user_version', { simple: true }) as number, counts };
  } finally {
    ro.close();
  }
}

/** The AppError for a failure to write the backup file or its folder. */
export function destinationFault(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  const folder = path.dirname(file);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
    return new AppError('backup/folder', 'backup.folder_readonly', { folder });
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('backup/folder', 'backup.folder_missing', { folder });
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') return new AppError('backup/folder', 'backup.folder_full', { folder });
  if (code === 'EEXIST') return new AppError('backup/folder', 'backup.file_exists', { file });
  return new AppError('backup/folder', 'backup.write_failed', { file, detail: (e as Error).message ?? String(e) });
}

export async function createBackup(o: BackupOptions): Promise<{ file: string; manifest: Manifest; bytes: number }> {
  const partial = `${o.file}.partial`;
  const snapshot = `${o.file}.db-partial`;
  let writer: Awaited<ReturnType<typeof createArchiveWriter>> | null = null;
  try {
    // Refuse before the long work when the file is there already (a second backup in the same second).
    await open(o.file, 'r').then(
      async (fh) => {
        await fh.close();
        throw Object.assign(new Error('exists'), { code: 'EEXIST' });
      },
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      },
    );
    await rm(snapshot, { force: true });
    // Steps of 256 pages (1 MB): each a few milliseconds, and the event loop runs between them.
    await o.db.backup(snapshot, { progress: () => 256 });
    const { schemaVersion, counts } = countsOf(snapshot, o.nativeBinding);
    writer = await createArchiveWriter(partial, o.password);
    await writer.add('monshi.sqlite', createReadStream(snapshot, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>);
    await rm(snapshot, { force: true });
    for (const sub of DATA_SUBDIRS) {
      for await (const rel of filesUnder(o.dataDir, sub)) {
        let fh;
        try {
          fh = await open(path.join(o.dataDir, rel), 'r');
        } catch (e) {
          // Removed between listing and reading (a recording pruned by its retention rule): not part of this backup.
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw new AppError('backup/folder', 'backup.source_unreadable', { file: path.join(o.dataDir, rel), detail: (e as Error).message });
        }
        try {
          // A file still being written (a recording in progress) is taken as long as it was when opened.
          const { size } = await fh.stat();
          const chunks = size > 0 ? (fh.createReadStream({ start: 0, end: size - 1, highWaterMark: 1 << 20, autoClose: false }) as AsyncIterable<Buffer>) : [];
          await writer.add(rel, chunks);
        } finally {
          await fh.close();
        }
      }
    }
    const manifest = await writer.finish({ app: 'monshi', appVersion: o.appVersion, schemaVersion, createdAt: o.now().toISOString(), counts });
    await rename(partial, o.file);
    return { file: o.file, manifest, bytes: (await stat(o.file)).size };
  } catch (e) {
    await writer?.abort();
    await rm(partial, { force: true }).catch(() => undefined);
    await rm(snapshot, { force: true }).catch(() => undefined);
    throw destinationFault(e, o.file);
  }
}
