/**
 * Restoring a backup: everything or nothing, and a crash at any moment leaves data Monshi can use.
 *
 * 1. stage: every member is written beside the data, in `DATA/.restore-new/`, while its checksum is
 *    checked; the staged database must pass `PRAGMA integrity_check` and `foreign_key_check` and be no
 *    newer than this app. Any failure removes the stage: the data was not touched.
 * 2. swap: a journal file (`monshi.restore.json`) is written, then each entry (the old WAL first, the
 *    database, the four folders) moves to `DATA/.restore-old/` and its staged twin takes its place.
 *    Renames within one folder, no copies. A crash during the swap is finished at the next start
 *    (`finishRestore`, called before the database is opened): the staged data was already verified,
 *    so the swap only ever goes forward. Without a journal, a stage left by a crash is removed.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../kernel/app-error';
import { DATA_SUBDIRS } from '../paths';
import { openArchive, type ArchiveReader, type Manifest } from './backup-archive';

export const STAGE_DIR = '.restore-new';
export const OLD_DIR = '.restore-old';
export const JOURNAL = 'monshi.restore.json';
const DB = 'monshi.sqlite';
/** Moved aside first: an old WAL beside the restored database would be replayed into it. */
const SIDE_FILES = [`${DB}-wal`, `${DB}-shm`];

export type BackupSummary = {
  file: string;
  encrypted: boolean;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: Record<string, number>;
  files: number;
  bytes: number;
};

export const summaryOf = (r: ArchiveReader): BackupSummary => ({
  file: r.file,
  encrypted: r.encrypted,
  createdAt: r.manifest.createdAt,
  appVersion: r.manifest.appVersion,
  schemaVersion: r.manifest.schemaVersion,
  counts: r.manifest.counts,
  files: r.manifest.members.length - 1,
  bytes: r.manifest.members.reduce((n, m) => n + m.size, 0),
});

/** A member's name must be the database or a plain relative path under one of the four folders. */
function memberPath(stage: string, name: string, file: string): string {
  const parts = name.split('/');
  const ok =
    name === DB ||
    ((DATA_SUBDIRS as readonly string[]).includes(parts[0] ?? '') &&
      parts.length > 1 &&
      parts.every((p) => p !== '' && p !== '.' && p !== '..' && !p.includes('\\')));
  if (!ok) throw new AppError('backup/damaged', 'backup.damaged', { file, member: name });
  return path.join(stage, ...parts);
}

/** Opens a backup and refuses one made by a newer Monshi (as a newer database is refused). */
export async function inspectBackup(file: string, password: string | null, knownSchema: number): Promise<ArchiveReader> {
  const reader = await openArchive(file, password);
  const found = reader.manifest.schemaVersion;
  if (found > knownSchema) throw new AppError('backup/newer', 'backup.newer', { file, found, known: knownSchema });
  return reader;
}

/**
 * Step 1: writes every member into DATA/.restore-new and checks it. Throws (and removes the stage) on a
 * damaged member, naming it, or a staged database that fails SQLite's own checks.
 */
export async function stageRestore(reader: ArchiveReader, dataDir: string, knownSchema: number, nativeBinding?: string): Promise<Manifest> {
  const stage = path.join(dataDir, STAGE_DIR);
  rmSync(stage, { recursive: true, force: true });
  try {
    mkdirSync(stage, { recursive: true, mode: 0o700 });
    for (const sub of DATA_SUBDIRS) mkdirSync(path.join(stage, sub), { mode: 0o700 });
    let sawDb = false;
    for (const entry of reader.manifest.members) {
      const target = memberPath(stage, entry.name, reader.file);
      sawDb ||= entry.name === DB;
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      const fh = await open(target, 'wx', 0o600);
      try {
        for await (const chunk of reader.read(entry)) await fh.write(chunk);
        await fh.sync();
      } finally {
        await fh.close();
      }
    }
    if (!sawDb) throw new AppError('backup/damaged', 'backup.damaged', { file: reader.file, member: DB });
    checkStagedDb(path.join(stage, DB), reader, knownSchema, nativeBinding);
    return reader.manifest;
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
}

function checkStagedDb(file: string, reader: ArchiveReader, knownSchema: number, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, nativeBinding });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > knownSchema) throw new AppError('backup/newer', 'backup.newer', { file: reader.file, found: version, known: knownSchema });
    const integrity = db.pragma('integrity_check', { simple: true });
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (integrity !== 'ok' || broken.length > 0) {
      const detail = integrity !== 'ok' ? String(integrity) : `${broken.length} rows break foreign keys`;
      throw new AppError('backup/damaged', 'backup.db_check', { file: reader.file, detail });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('backup/damaged', 'backup.db_check', { file: reader.file, detail: (e as Error).message });
  } finally {
    // Closing the last connection checkpoints and removes the staged WAL.
    db.close();
  }
}

const fsyncDir = (dir: string) => {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* Windows cannot open a folder: its renames are durable through NTFS's journal */
  }
};

/**
 * Step 2: the swap. Call only with the database closed and the folder locked. `keepOld`: the data
 * replaced stays in DATA/.restore-old (when no backup of it could be made first).
 */
export function swapRestore(dataDir: string, keepOld: boolean): void {
  writeFileSync(path.join(dataDir, JOURNAL), JSON.stringify({ keepOld }), { mode: 0o600 });
  fsyncDir(dataDir);
  finishRestore(dataDir);
}

/**
 * Finishes a swap a crash interrupted (the journal is there), or removes a stage no swap began with
 * (no journal). Idempotent: each step looks at what is where before it moves anything.
 */
export function finishRestore(dataDir: string): 'none' | 'finished' | 'cleaned' {
  const stage = path.join(dataDir, STAGE_DIR);
  const old = path.join(dataDir, OLD_DIR);
  const journal = path.join(dataDir, JOURNAL);
  if (!existsSync(journal)) {
    if (!existsSync(stage) && !existsSync(old)) return 'none';
    rmSync(stage, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    return 'cleaned';
  }
  let keepOld = true;
  try {
    keepOld = (JSON.parse(readFileSync(journal, 'utf8')) as { keepOld?: boolean }).keepOld !== false;
  } catch {
    /* a journal cut short: keep the old data, to be safe */
  }
  mkdirSync(old, { recursive: true, mode: 0o700 });
  for (const side of SIDE_FILES) if (existsSync(path.join(dataDir, side))) renameSync(path.join(dataDir, side), path.join(old, side));
  for (const entry of [DB, ...DATA_SUBDIRS]) {
    const staged = path.join(stage, entry);
    if (!existsSync(staged)) continue; // moved already
    const current = path.join(dataDir, entry);
    if (existsSync(current)) renameSync(current, path.join(old, entry));
    renameSync(staged, current);
  }
  fsyncDir(dataDir);
  rmSync(journal, { force: true });
  fsyncDir(dataDir);
  rmSync(stage, { recursive: true, force: true });
  if (!keepOld) rmSync(old, { recursive: true, force: true });
  else renameSync(old, path.join(dataDir, `before-restore-${Date.now()}`));
  return 'finished';
}
