/**
 * Turns what SQLite and the file system say about a broken data folder ("file is not a database",
 * "database or disk is full", EACCES…) into an AppError that names the file and says what to do.
 * Used at start (opening the folder) and on every request (a disk that fills while Monshi runs).
 */
import { statfsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/app-error';

/**
 * SQLite says "disk I/O error" (SQLITE_IOERR_SHMSIZE, _WRITE…) when a full disk stops it growing its
 * WAL index or WAL rather than SQLITE_FULL; the file system then has no room left, which says more to
 * the user than an I/O error does.
 */
function diskIsFull(file: string): boolean {
  try {
    const st = statfsSync(path.dirname(file));
    return st.bavail * st.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

/** better-sqlite3's SqliteError and Node's fs errors both carry a string `code`. */
const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
};

const detailOf = (e: unknown): string => {
  const msg = (e as { message?: unknown } | null)?.message;
  return typeof msg === 'string' ? msg : String(e);
};

/**
 * The AppError for a fault of the file (or folder) `file`, or null when `e` is not such a fault (a
 * bug, a constraint): those stay 'internal' and go to the log. SQLite's extended codes
 * (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_INDEX…) map by their primary code.
 */
export function dbFault(e: unknown, file: string): AppError | null {
  if (e instanceof AppError) return null;
  const code = codeOf(e);
  const primary = code.startsWith('SQLITE_') ? code.replace(/^(SQLITE_[A-Z]+).*$/, '$1') : code;
  const detail = detailOf(e);
  // A file-system error names its own file (a recording, the log); SQLite's are about the database.
  const fsPath = (e as { path?: unknown } | null)?.path;
  if (!code.startsWith('SQLITE_') && typeof fsPath === 'string') file = fsPath;
  switch (primary) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new AppError('db/corrupt', 'db.corrupt', { file, detail });
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('db/readonly', 'db.readonly', { file });
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('db/full', 'db.full', { file });
    case 'SQLITE_IOERR':
    case 'EIO':
      if (diskIsFull(file)) return new AppError('db/full', 'db.full', { file });
      return new AppError('db/io', 'db.io', { file, detail });
    case 'SQLITE_CANTOPEN':
    case 'ENOENT':
    case 'ENOTDIR':
      return new AppError('db/io', 'db.cantopen', { file, detail });
    default:
      return null;
  }
}
