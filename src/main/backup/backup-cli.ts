/**
 * `monshi backup FILE` and `monshi restore FILE`, each with `--data DIR` and `--password`.
 *
 * backup only reads, so like export it runs beside the Monshi that holds the folder (SQLite's online
 * backup of its own connection sees every committed write). restore takes the folder's lock (refused
 * while Monshi runs on it), checks the whole backup, keeps the current data as a backup in the data
 * folder, and swaps (backup-restore.ts). A current database too damaged to back up is kept as it was,
 * in DATA/before-restore-…, instead.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lockDataFolder } from '../db/data-folder-lock';
import { dbFault } from '../db/db-faults';
import { loadMigrations, openDatabase } from '../db/database';
import { openDataFolder } from '../engine/engine-start';
import { APP_VERSION } from '../kernel/app-version';
import { ensureDataDir, migrationsDir, privateUmask } from '../paths';
import { createBackup } from './backup-create';
import { finishRestore, inspectBackup, stageRestore, summaryOf, swapRestore } from './backup-restore';
import { backupName } from './backup.service';
import type { BackupSummary } from '../../shared/contract/backup';

export async function cliBackup(dataDir: string, file: string, password: string | null, nativeBinding?: string): Promise<BackupSummary> {
  const { db, lock } = openDataFolder({ dataDir, nativeBinding, lock: false });
  try {
    const out = await createBackup({ db, dataDir, file: path.resolve(file), password, appVersion: APP_VERSION, nativeBinding, now: () => new Date() });
    const m = out.manifest;
    return {
      file: out.file,
      encrypted: password !== null,
      createdAt: m.createdAt,
      appVersion: m.appVersion,
      schemaVersion: m.schemaVersion,
      counts: m.counts,
      files: m.members.length - 1,
      bytes: out.bytes,
    };
  } finally {
    db.close();
    lock?.release();
  }
}

export async function cliRestore(
  dataDir: string,
  file: string,
  password: string | null,
  nativeBinding?: string,
): Promise<{ restored: BackupSummary; safety: string | null }> {
  privateUmask();
  const dbFile = ensureDataDir(dataDir).dbFile;
  const lock = lockDataFolder(dataDir, nativeBinding);
  try {
    finishRestore(dataDir);
    const known = loadMigrations(migrationsDir()).length;
    const reader = await inspectBackup(path.resolve(file), password, known);
    await stageRestore(reader, dataDir, known, nativeBinding);
    let safety: string | null = null;
    if (existsSync(dbFile)) {
      try {
        const db = openDatabase(dbFile, { migrations: loadMigrations(migrationsDir()), nativeBinding });
        try {
          const out = await createBackup({
            db,
            dataDir,
            file: path.join(dataDir, backupName(new Date(), '-before-restore')),
            // In the data folder, private to the user like the data it copies.
            password: null,
            appVersion: APP_VERSION,
            nativeBinding,
            now: () => new Date(),
          });
          safety = out.file;
        } finally {
          db.close();
        }
      } catch (e) {
        // Damaged (often the reason to restore): the swap keeps the files themselves instead.
        if (!dbFault(e, dbFile)) throw e;
      }
    }
    swapRestore(dataDir, safety === null && existsSync(dbFile));
    return { restored: summaryOf(reader), safety };
  } finally {
    lock.release();
  }
}
