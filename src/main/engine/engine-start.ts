/**
 * The first steps of every engine start, before any service exists: a private data folder, the
 * one-Monshi-per-folder lock, then the database. Each failure is an AppError that names the folder
 * or file and says what to do; the shells show it (start-failure.ts).
 */
import { dbFault } from '../db/db-faults';
import { lockDataFolder, type DataFolderLock } from '../db/data-folder-lock';
import { loadMigrations, openDatabase, type Db } from '../db/database';
import { ensureDataDir, migrationsDir, privateUmask } from '../paths';
import { finishRestore } from '../backup/backup-restore';

export type DataFolderOptions = {
  dataDir: string;
  nativeBinding?: string;
  /** False only for a shell that never writes (CLI export), so it may run beside an open Monshi. */
  lock: boolean;
  synchronous?: 'NORMAL' | 'FULL';
  /** Finish a restore a crash interrupted (backup-restore.ts) before the database is opened; needs the lock. */
  finishRestore?: boolean;
};

export type OpenDataFolder = { db: Db; dbFile: string; lock: DataFolderLock | null };

export function openDataFolder(opts: DataFolderOptions): OpenDataFolder {
  privateUmask();
  let dbFile: string;
  try {
    dbFile = ensureDataDir(opts.dataDir).dbFile;
  } catch (e) {
    throw dbFault(e, opts.dataDir) ?? e;
  }
  const lock = opts.lock ? lockDataFolder(opts.dataDir, opts.nativeBinding) : null;
  try {
    if (lock && opts.finishRestore) {
      try {
        finishRestore(opts.dataDir);
      } catch (e) {
        throw dbFault(e, opts.dataDir) ?? e;
      }
    }
    const db = openDatabase(dbFile, { migrations: loadMigrations(migrationsDir()), nativeBinding: opts.nativeBinding, synchronous: opts.synchronous });
    return { db, dbFile, lock };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
