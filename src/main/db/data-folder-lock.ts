/**
 * One Monshi per data folder. Two engines on one folder would both ring every alarm and both drive
 * the modem, so whichever starts second is refused with the folder's name.
 *
 * The lock is SQLite's own file lock on a small file, `monshi.lock`, held in exclusive locking mode
 * for the life of the engine: the operating system drops it when the process ends, even by a crash
 * or kill -9, so a lock is never left stuck (a pid file would need a liveness guess, and a reused pid
 * would lock the user out). The same lock works on Windows, macOS and Linux, between processes and
 * between two engines in one process.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { dbFault } from './db-faults';

export type DataFolderLock = { release(): void };

export const LOCK_FILE = 'monshi.lock';

export function lockDataFolder(dataDir: string, nativeBinding?: string): DataFolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0, nativeBinding });
  } catch (e) {
    throw dbFault(e, file) ?? e;
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in exclusive locking mode it is kept after COMMIT.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (e) {
    db.close();
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new AppError('db/locked', 'db.locked', { folder: dataDir });
    throw dbFault(e, file) ?? e;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
