import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { AppError } from '../../src/main/kernel/app-error';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const migrations = loadMigrations(migrationsDir());

describe('migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it('applies every migration to an empty file with WAL (synchronous FULL), foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'), { migrations });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 = FULL: an acknowledged save survives a power cut (docs/architecture.md).
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('0001_phonebook: tables are STRICT and prefix search uses the search_terms primary key', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'), { migrations: migrations.slice(0, 1) });
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(strict.length).toBeGreaterThanOrEqual(9);
    for (const t of strict) expect([t.name, t.strict]).toEqual([t.name, 1]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT contact_id FROM search_terms WHERE term >= 'ali' AND term < 'alj' ORDER BY term, contact_id").all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH search_terms USING PRIMARY KEY \(term>\? AND term<\?\)/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    const byPhone = db.prepare("EXPLAIN QUERY PLAN SELECT contact_id FROM contact_phones WHERE phone_key = '989121234567'").all() as { detail: string }[];
    expect(byPhone[0]!.detail).toMatch(/contact_phones_by_key/);
    db.close();
  });

  it('refuses a database written by a newer version and leaves the file untouched', () => {
    const file = path.join(dir, 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future (x INTEGER) STRICT');
    raw.pragma(`user_version = ${migrations.length + 5}`);
    raw.close();
    const before = readFileSync(file);
    let err: unknown;
    try {
      openDatabase(file, { migrations });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db/newer');
    expect((err as AppError).toShape('en').message).toMatch(new RegExp(`newer Monshi.*version ${migrations.length + 5}.*up to ${migrations.length}\\)`));
    expect((err as AppError).toShape('fa').message).toMatch(/نسخهٔ جدیدتری/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a failing migration leaves the file exactly as it was', () => {
    const file = path.join(dir, 'old.sqlite');
    openDatabase(file, { migrations }).close();
    const before = readFileSync(file);
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'ok_step', sql: "CREATE TABLE extra (x TEXT NOT NULL) STRICT; INSERT INTO extra VALUES ('a');" },
      { version: migrations.length + 2, name: 'bad_step', sql: 'ALTER TABLE no_such_table ADD COLUMN y TEXT;' },
    ];
    let err: unknown;
    try {
      openDatabase(file, { migrations: broken });
    } catch (e) {
      err = e;
    }
    expect((err as AppError).code).toBe('db/migration');
    expect((err as AppError).toShape('en').message).toMatch(new RegExp(`version ${migrations.length + 2} failed: no such table: no_such_table`));
    expect(readFileSync(file).equals(before)).toBe(true);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT COUNT(*) n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rejects migration files out of sequence', () => {
    const mdir = path.join(dir, 'm');
    mkdirSync(mdir);
    writeFileSync(path.join(mdir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(path.join(mdir, '0003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(mdir)).toThrow(/out of sequence/);
  });

  it('the engine reports a newer database as a clear error and does not start', () => {
    const dataDir = tempDir();
    const engine = testEngine(dataDir);
    engine.close();
    const file = path.join(dataDir, 'monshi.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    copyFileSync(file, file + '.bak');
    expect(() => testEngine(dataDir)).toThrow(AppError);
    expect(readFileSync(file).equals(readFileSync(file + '.bak'))).toBe(true);
    removeDir(dataDir);
  });
});
