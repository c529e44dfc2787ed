/**
 * Opening the SQLite file: look at its version read-only first (a newer database is refused with its
 * file and WAL exactly as they were), apply pending numbered migrations in one transaction (all or
 * nothing), then switch to WAL with foreign keys and a busy timeout. A damaged, read-only or full
 * file fails with an error that names it and says what to do (db-faults.ts).
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { dbFault } from './db-faults';

export type Db = Database.Database;

export type Migration = { version: number; name: string; sql: string };

/** Reads `NNNN_snake_case.sql` files in order; numbers must run 1, 2, 3… without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration ${file} is out of sequence (expected ${String(i + 1).padStart(4, '0')})`);
    return { version, name: file.replace(/\.sql$/, ''), sql: readFileSync(path.join(dir, file), 'utf8') };
  });
}

export type OpenOptions = {
  migrations: Migration[];
  /** Path of a better-sqlite3 addon built for another ABI (Electron's); see scripts/start.mjs. */
  nativeBinding?: string;
  readonly?: boolean;
  /** SQLite's `synchronous` for the WAL file (see docs/architecture.md for why and what it costs). */
  synchronous?: 'NORMAL' | 'FULL';
};

export function openDatabase(file: string, opts: OpenOptions): Db {
  try {
    if (!opts.readonly) refuseNewer(file, opts);
    const db = new Database(file, { readonly: opts.readonly ?? false, nativeBinding: opts.nativeBinding });
    try {
      db.pragma('busy_timeout = 5000');
      migrate(db, opts.migrations);
      if (!opts.readonly) {
        db.pragma('journal_mode = WAL');
        // FULL: a commit is fsync'd before it is acknowledged. Cheques and attendance are money and pay,
        // and NORMAL can lose the last acknowledged saves on a power cut; FULL costs ~10 ms a save,
        // nothing on a bulk import (one commit). Figures and the decision: docs/architecture.md.
        db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
        // 64 MB of page cache (default 2 MB): imports write search terms all over the index.
        db.pragma('cache_size = -262144');
        // SQLite opens a file it may not write (a read-only file or folder) read-only without a word,
        // and every later save would fail. One real write here finds out at start instead.
        db.pragma(`user_version = ${opts.migrations.length}`);
      }
      db.pragma('foreign_keys = ON');
      return db;
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    throw dbFault(e, file) ?? e;
  }
}

/**
 * A database newer than the app is refused from a read-only connection: a read-write one would
 * checkpoint the changes still in its WAL into the file when it closes, so the newer Monshi the
 * user goes back to would no longer find the file as it left it.
 */
function refuseNewer(file: string, opts: OpenOptions): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: opts.nativeBinding });
  try {
    const found = ro.pragma('user_version', { simple: true }) as number;
    if (found > opts.migrations.length) throw new AppError('db/newer', 'db.newer', { found, known: opts.migrations.length });
  } finally {
    ro.close();
  }
}

/**
 * Brings the schema to the newest migration. A database newer than the app is refused before
 * anything is written; a failing migration rolls back every migration of this run, so the file is
 * left exactly as it was.
 */
export function migrate(db: Db, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const known = migrations.length;
  if (current > known) throw new AppError('db/newer', 'db.newer', { found: current, known });
  if (current === known) return;
  // Foreign keys are checked after the whole upgrade, not per statement, so migrations may rebuild tables.
  db.pragma('foreign_keys = OFF');
  let running = current;
  try {
    db.transaction(() => {
      for (const m of migrations.slice(current)) {
        running = m.version;
        db.exec(m.sql);
      }
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`${broken.length} rows break foreign keys`);
      db.pragma(`user_version = ${known}`);
    })();
  } catch (e) {
    if (e instanceof AppError) throw e;
    // A full disk or a damaged file is not a fault of the migration: say what it is and what to do.
    const fault = dbFault(e, db.name);
    if (fault) throw fault;
    // SqliteError's message is the bare SQLite text ('no such table: x'); String(e) would prefix the class name.
    const reason = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
    throw new AppError('db/migration', 'db.migration', { version: running, reason });
  }
}
