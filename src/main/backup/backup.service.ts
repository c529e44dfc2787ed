/**
 * Backups of the running engine: made now, daily at a time, or when Monshi closes, into the folder
 * the user picked, keeping the last N; and restore, which checks the whole backup and saves the
 * current data before the engine restarts on the restored data (backup-restore.ts says how a crash
 * midway is survived). One backup or restore at a time.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupFile, BackupSettings, BackupStatus, BackupSummary } from '../../shared/contract/backup';
import type { Timers } from '../../telephony/transport';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { SecretError, type SecretBox } from '../kernel/secret-box';
import { message } from '../i18n/messages';
import { createBackup, destinationFault } from './backup-create';
import { inspectBackup, stageRestore, summaryOf, swapRestore } from './backup-restore';
import { createBackupRepo } from './backup.repo';

export type BackupDeps = {
  dataDir: string;
  appVersion: string;
  timers: Timers;
  log: Logger;
  nativeBinding?: string;
  /** Seals the backups' password in the database (never stored in clear); kernel/secret-box.ts. */
  secrets?: SecretBox;
};

/** The engine closes, runs `swap` with the folder still locked, and starts again on the restored data. */
export type Restarter = (swap: () => void) => Promise<void>;

export const BACKUP_EXT = '.monshi-backup';
const NAME = /^monshi-(\d{4}-\d{2}-\d{2}-\d{6})(-before-restore)?(_\d+)?\.monshi-backup$/;
const DAY = 86_400_000;
/** A daily backup may be this late before the header warns (a PC switched on an hour after the time). */
const GRACE = 3_600_000;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** `monshi-2026-12-07-171500.monshi-backup`, local time: sorts by name as by date. */
export function backupName(d: Date, suffix = ''): string {
  const stamp = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  return `monshi-${stamp}${suffix}${BACKUP_EXT}`;
}

export function createBackupService(db: Db, ctx: EngineContext, deps: BackupDeps) {
  const repo = createBackupRepo(db);
  const knownSchema = db.pragma('user_version', { simple: true }) as number;
  let busy: 'backup' | 'restore' | null = null;
  let restart: Restarter | null = null;
  let timer: unknown = null;
  const changed = () => ctx.emit('backup/changed', {});
  /** The stored password in clear ('' = backups not encrypted); it is kept sealed by the engine's secret box. */
  const passwordOf = (stored: string): string => {
    if (stored === '') return '';
    try {
      if (!deps.secrets) throw new SecretError('secret/no-key', 'no secret box');
      return deps.secrets.open(stored);
    } catch (e) {
      if (e instanceof SecretError) throw new AppError('backup/password', 'backup.password_unreadable');
      throw e;
    }
  };
  const sealed = (password: string | undefined): string | undefined => {
    if (password === undefined || password === '') return password;
    if (!deps.secrets) throw new AppError('backup/password', 'backup.password_unreadable');
    return deps.secrets.seal(password);
  };

  const settings = (): BackupSettings => {
    const s = repo.settings();
    return { folder: s.folder, dailyAt: s.dailyAt, atExit: s.atExit, keep: s.keep, encrypted: s.password !== '' };
  };

  function writableFolder(folder: string): void {
    let isDir = false;
    try {
      isDir = statSync(folder).isDirectory();
    } catch {
      throw validationError('backup.folder_missing', 'folder', { folder });
    }
    if (!isDir) throw validationError('backup.folder_missing', 'folder', { folder });
    try {
      accessSync(folder, constants.W_OK);
    } catch {
      throw validationError('backup.folder_readonly', 'folder', { folder });
    }
  }

  /** One backup into `folder` under `name`, recorded as a run; throws the reason named. */
  async function backupInto(folder: string, name: string, password: string): Promise<BackupSummary> {
    const file = path.join(folder, name);
    const at = ctx.clock().getTime();
    try {
      const out = await createBackup({
        db,
        dataDir: deps.dataDir,
        file,
        password: password || null,
        appVersion: deps.appVersion,
        nativeBinding: deps.nativeBinding,
        now: ctx.clock,
      });
      repo.addRun({ at, file, ok: true, bytes: out.bytes, error: '' });
      const m = out.manifest;
      return {
        file,
        encrypted: password !== '',
        createdAt: m.createdAt,
        appVersion: m.appVersion,
        schemaVersion: m.schemaVersion,
        counts: m.counts,
        files: m.members.length - 1,
        bytes: out.bytes,
      };
    } catch (e) {
      const err = e instanceof AppError ? e : destinationFault(e, file);
      try {
        repo.addRun({
          at,
          file,
          ok: false,
          bytes: 0,
          error: message('en', err.key, Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, typeof v === 'function' ? v('en') : v]))),
        });
      } catch {
        /* the database itself cannot be written (a full disk): the error below says enough */
      }
      throw err;
    }
  }

  /** A name not taken yet in `folder`: two backups within one second get _02, _03… (which sort after the first). */
  const freeName = (folder: string, suffix: string) => {
    const base = backupName(ctx.clock(), suffix);
    let name = base;
    for (let i = 2; existsSync(path.join(folder, name)); i++) name = base.replace(BACKUP_EXT, `_${pad(i)}${BACKUP_EXT}`);
    return name;
  };

  /** Removes the oldest regular backups beyond `keep` (a before-restore backup is never removed here). */
  async function prune(folder: string, keep: number): Promise<void> {
    const names = (await readdir(folder)).filter((n) => NAME.test(n) && !n.includes('-before-restore')).sort();
    for (const old of names.slice(0, Math.max(0, names.length - keep))) await rm(path.join(folder, old), { force: true });
  }

  async function now(): Promise<BackupSummary> {
    if (busy) throw new AppError('conflict', 'backup.running');
    const s = repo.settings();
    if (!s.folder) throw new AppError('backup/folder', 'backup.folder_none');
    busy = 'backup';
    changed();
    try {
      const out = await backupInto(s.folder, freeName(s.folder, ''), passwordOf(s.password));
      await prune(s.folder, s.keep).catch((e: unknown) => deps.log.error('backup: removing old backups failed', e));
      return out;
    } finally {
      busy = null;
      changed();
    }
  }

  /** The last scheduled time at or before `t` (today's, or yesterday's when today's is still ahead). */
  const dueSince = (t: Date, hhmm: string): number => {
    const [h, m] = hhmm.split(':').map(Number);
    const d = new Date(t);
    d.setHours(h ?? 0, m ?? 0, 0, 0);
    return d.getTime() <= t.getTime() ? d.getTime() : d.getTime() - DAY;
  };

  function tick(): void {
    const s = repo.settings();
    if (!s.folder || !s.dailyAt || busy) return;
    const due = dueSince(ctx.clock(), s.dailyAt);
    const last = repo.lastRunAt();
    if (last !== null && last >= due) return;
    now().catch((e: unknown) => deps.log.error('backup: the daily backup failed', e));
  }

  return {
    settings,
    saveSettings(input: { folder: string; dailyAt: string; atExit: boolean; keep: number; password?: string }): BackupSettings {
      const folder = input.folder.trim();
      if (folder) {
        if (!path.isAbsolute(folder)) throw validationError('backup.folder_missing', 'folder', { folder });
        writableFolder(folder);
      }
      repo.saveSettings({ folder, dailyAt: input.dailyAt, atExit: input.atExit, keep: input.keep, password: sealed(input.password) });
      changed();
      return settings();
    },
    status(): BackupStatus {
      const s = repo.settings();
      const lastGood = repo.lastGoodAt();
      const failed = repo.lastFailure();
      const scheduled = s.folder !== '' && (s.dailyAt !== '' || s.atExit);
      let warning: BackupStatus['warning'] = null;
      if (scheduled && lastGood === null) warning = 'never';
      else if (s.folder && s.dailyAt && lastGood !== null && ctx.clock().getTime() - lastGood > DAY + GRACE) warning = 'old';
      return {
        running: busy !== null,
        folder: s.folder,
        lastGoodAt: lastGood === null ? null : new Date(lastGood).toISOString(),
        lastError: failed && (lastGood === null || failed.at > lastGood) ? { at: new Date(failed.at).toISOString(), message: failed.error } : null,
        warning,
      };
    },
    async list(): Promise<{ folder: string; files: BackupFile[] }> {
      const { folder } = repo.settings();
      if (!folder) return { folder, files: [] };
      let names: string[];
      try {
        names = (await readdir(folder)).filter((n) => NAME.test(n));
      } catch (e) {
        throw destinationFault(e, path.join(folder, 'x'));
      }
      const files: BackupFile[] = [];
      for (const name of names.sort().reverse()) {
        const st = await stat(path.join(folder, name)).catch(() => null);
        if (st) files.push({ file: path.join(folder, name), name, bytes: st.size, modifiedAt: st.mtime.toISOString() });
      }
      return { folder, files };
    },
    now,
    async inspect(file: string, password?: string): Promise<BackupSummary> {
      return summaryOf(await inspectBackup(file, password || null, knownSchema));
    },
    async restore(file: string, password?: string): Promise<{ restored: BackupSummary; safety: string | null }> {
      if (busy) throw new AppError('conflict', 'backup.running');
      if (!restart) throw new AppError('conflict', 'backup.running');
      const go = restart;
      busy = 'restore';
      changed();
      try {
        const reader = await inspectBackup(file, password || null, knownSchema);
        await stageRestore(reader, deps.dataDir, knownSchema, deps.nativeBinding);
        // The data as it is now, kept first: in the backup folder, or the data folder when none is chosen.
        const s = repo.settings();
        const safetyFolder = s.folder || deps.dataDir;
        const safety = await backupInto(safetyFolder, freeName(safetyFolder, '-before-restore'), passwordOf(s.password));
        // Once this answer has gone out the engine closes, swaps and starts again; requests from now on wait for it.
        go(() => swapRestore(deps.dataDir, false)).catch((e: unknown) => deps.log.error('backup: restarting on the restored data failed', e));
        return { restored: summaryOf(reader), safety: safety.file };
      } catch (e) {
        busy = null;
        changed();
        throw e;
      }
    },
    setRestarter(r: Restarter) {
      restart = r;
    },
    /** The daily schedule: looked at every minute (and at start, catching up a backup missed while the PC was off). */
    start() {
      const loop = () => {
        tick();
        timer = deps.timers.setTimeout(loop, 60_000);
      };
      timer = deps.timers.setTimeout(loop, 5_000);
    },
    stop() {
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
    },
    /**
     * The backup at exit, when the settings ask for one (null otherwise, so a close with nothing to back
     * up stays synchronous); its failure is logged (Monshi still closes).
     */
    atExit(): Promise<void> | null {
      const s = repo.settings();
      if (!s.atExit || !s.folder || busy) return null;
      return now().then(
        () => undefined,
        (e: unknown) => deps.log.error('backup: the backup at exit failed', e),
      );
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
