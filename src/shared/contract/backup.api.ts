/**
 * Backups and restore (issue 18). Every request needs 'backup.admin' (the accounts issue gives it to
 * managers). Each says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { backupSettingsInput, type BackupFile, type BackupSettings, type BackupStatus, type BackupSummary } from './backup';
import { request, none, type RequestMap } from './request';

const file = z.string().min(1).max(4096);
const password = z.string().max(200).optional();

export const backupApi = {
  'backup/settings': request(none).reads('backup.admin').returns<BackupSettings>(),
  /** Saves them; validation naming 'folder' when it is not a folder Monshi can write (nothing saved then). */
  'backup/settings-save': request(backupSettingsInput).writes('backup.admin').returns<BackupSettings>(),
  /** Whether one is running, the last good one, the last failure, and the header's warning. Never fails. */
  'backup/status': request(none).reads('backup.admin').returns<BackupStatus>(),
  /** The backups in the chosen folder, newest first; backup/folder when the folder cannot be read. */
  'backup/list': request(none).reads('backup.admin').returns<{ folder: string; files: BackupFile[] }>(),
  /**
   * Makes a backup into the folder now, while Monshi keeps working; conflict when one is running;
   * backup/folder naming the folder (none chosen, not writable, full). Keeps the last N.
   */
  'backup/now': request(none).writes('backup.admin').returns<BackupSummary>(),
  /**
   * What a backup holds. backup/password (none given, or wrong), backup/damaged naming the part,
   * backup/newer for a backup of a newer Monshi, backup/not_backup for another kind of file.
   */
  'backup/inspect': request(z.object({ file, password })).reads('backup.admin').returns<BackupSummary>(),
  /**
   * Checks the whole backup (checksums, the database's integrity and version), saves the current data
   * as a backup first, then replaces everything (the engine restarts on the restored data) or, on any
   * failure, nothing. Fails as inspect does, naming the damaged member.
   */
  'backup/restore': request(z.object({ file, password })).writes('backup.admin').returns<{ restored: BackupSummary; safety: string | null }>(),
} satisfies RequestMap;

export type BackupEvents = {
  /** A backup started or ended, or the settings changed: read 'backup/status' again. */
  'backup/changed': Record<string, never>;
};
