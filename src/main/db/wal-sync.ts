/**
 * A commit that someone is waiting to see (a caller's number, before the popup shows it) need not wait
 * for the disk before it is shown. `commitBeforeFsync` runs `write` as one transaction committed with
 * synchronous=NORMAL: SQLite writes the WAL frames at once (a crash of Monshi's process, or of the
 * window, keeps them — they are in the operating system's cache) but does not fsync them. The caller
 * shows what it wrote and then calls `fsync()`, in the same turn of the event loop, which flushes the
 * WAL to the disk as a FULL commit would have done (what a power cut needs). The connection is back
 * at its own `synchronous` before this returns, so every other save is still fsync'd before it is
 * acknowledged (docs/architecture.md).
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { Db } from './database';

/** SQLite's numbers for PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA. */
const FULL = 2;

export function commitBeforeFsync<T>(db: Db, write: () => T): { value: T; fsync: () => void } {
  const level = db.pragma('synchronous', { simple: true }) as number;
  // A connection that does not fsync its commits (the benchmarks' NORMAL) has nothing to defer.
  if (level < FULL) return { value: db.transaction(write)(), fsync: () => undefined };
  db.pragma('synchronous = NORMAL');
  let value: T;
  try {
    value = db.transaction(write)();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
  return { value, fsync: () => fsyncWal(db) };
}

/** fsync of the database's WAL file: what SQLite does at the end of a FULL commit in WAL mode. */
function fsyncWal(db: Db): void {
  let fd: number;
  try {
    // Writable: Windows flushes only a handle opened for writing.
    fd = openSync(`${db.name}-wal`, 'r+');
  } catch (e) {
    // No WAL file: a checkpoint moved everything into the database file and synced it already.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
