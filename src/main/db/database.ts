/**
 * Opening the SQLite file: refuse a newer schema without touching the file, apply pending numbered
 * migrations in one transaction (all or nothing), then switch to WAL with foreign keys and a busy
 * timeout.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../engine/app-error';

export type Db = Database.Database;

export type Migration = { version: number; name: string; sql: string };

/** Reads `NNNN_snake_case.sql` files in order; numbers must run 1, 2, 3… without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
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
};

export function openDatabase(file: string, opts: OpenOptions): Db {
  const db = new Database(file, { readonly: opts.readonly ?? false, nativeBinding: opts.nativeBinding });
  try {
    db.pragma('busy_timeout = 5000');
    migrate(db, opts.migrations);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // 64 MB of page cache (default 2 MB): imports write search terms all over the index.
      db.pragma('cache_size = -262144');
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
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
    // SqliteError's message is the bare SQLite text ('no such table: x'); String(e) would prefix the class name.
    const reason = typeof (e as { message?: unknown })?.message === 'string' ? (e as { message: string }).message : String(e);
    throw new AppError('db/migration', 'db.migration', { version: running, reason });
  }
}
